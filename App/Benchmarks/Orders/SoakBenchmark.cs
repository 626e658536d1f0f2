using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// <c>bench soak [--orders N] [--seed S]</c>: the soak of <c>SoakTests</c> at scale against the real portal on Kestrel
/// (<see cref="SoakScenario"/>, checked by <see cref="SoakCheck"/>): N orders over every emulated marketplace, two
/// stores of one of them with the same SKUs (<see cref="SoakAccounts"/>), under faults, the portal restarted once in the middle. Prints what was lost, duplicated or wrong; exits 1 unless all are 0.
/// </summary>
internal static class SoakBenchmark
{
    private const int Products = 20;
    private const int OpeningStock = 2_000;
    private const int IntentProducts = 3;

    public static async Task<int> RunAsync(int orders, int seed, CancellationToken ct)
    {
        var wall = Stopwatch.StartNew();
        var settings = SoakScenario.Settings(seed);
        await using var portal = await BenchmarkPortal.StartAsync(settings, ct, SoakDatabaseFaults.AddTo);
        var accounts = await SoakAccounts.ConnectAsync(portal.Services, (channel, fields) => EmulatedAccounts.ConnectAsync(portal, channel, ct, fields), ct);
        Console.WriteLine($"soak: {orders:N0} orders over {string.Join(", ", accounts.Select(a => a.Name))}, {Products} SKUs of {OpeningStock:N0}, fault seed {seed}");
        await SoakScenario.RaiseClientLimitsAsync(portal.Services, accounts, ct);
        var skus = await OrdersBenchCatalog.PublishAsync(portal, [.. accounts.Select(a => a.Id)], Products, OpeningStock, ct);

        var setUp = wall.Elapsed;
        Console.WriteLine($"  set up (connect {accounts.Count} accounts, publish {Products} products on each) in {setUp.TotalSeconds:F1} s");
        // The first products are the staff's to change their minds about; buyers order the rest.
        var intentSkus = skus.Take(IntentProducts).ToList();
        List<int> intentProducts;
        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            intentProducts = await db.Variants.Where(v => intentSkus.Contains(v.Sku)).Select(v => v.ProductId).Distinct().ToListAsync(ct);
        }

        var scenario = new SoakScenario(accounts, [.. skus.Skip(IntentProducts)], seed, portal.Services.GetRequiredService<EmulatedChannels>());
        var intents = new SoakListingIntents(accounts, intentProducts, seed);
        using var http = portal.CreateControlClient();
        var phase = Stopwatch.StartNew();

        // First host: 40% of the orders, imported under faults, a fifth of them moved on the channels' side, then 10%
        // more whose webhooks' refreshes are still queued when the host goes away.
        scenario.SetFaults(portal.Services.GetRequiredService<SandboxFaults>(), on: true);
        await intents.AddPoisonJobAsync(portal.Services, ct);
        await GenerateInChunksAsync(scenario, http, portal, orders * 4 / 10, ct);
        await scenario.ChangeOnChannelsAsync(http, share: 0.2, ct);
        await intents.ChangeAsync(portal.Services, ct);
        await scenario.DriveAsync(portal.Services, rounds: 1, ct);
        await scenario.GenerateAsync(http, orders / 10, maxBatch: 40, ct);
        scenario.CollectFaults(portal.Services.GetRequiredService<SandboxFaults>());
        scenario.CollectDatabaseFaults(portal.Services);
        Console.WriteLine($"  first host: {Count(scenario)} orders generated, {phase.Elapsed.TotalSeconds:F1} s; restarting");

        var restart = Stopwatch.StartNew();
        await portal.RestartAsync(ct);
        Console.WriteLine($"  restarted on the same data in {restart.Elapsed.TotalSeconds:F1} s");

        // Second host: the rest, more changes on the channels' side, sales crossing pushes; then faults off until settled.
        scenario.SetFaults(portal.Services.GetRequiredService<SandboxFaults>(), on: true);
        await GenerateInChunksAsync(scenario, http, portal, orders - Count(scenario) - (accounts.Count * skus.Count), ct);
        await scenario.ChangeOnChannelsAsync(http, share: 0.2, ct);
        await scenario.DriveAsync(portal.Services, rounds: 1, ct);
        await intents.ChangeAsync(portal.Services, ct);
        await scenario.CrossAsync(http, portal.Services, ct);
        scenario.CollectFaults(portal.Services.GetRequiredService<SandboxFaults>());
        Console.WriteLine($"  second host: {Count(scenario)} orders generated in all, {phase.Elapsed.TotalSeconds:F1} s; faults off, settling");
        scenario.SetFaults(portal.Services.GetRequiredService<SandboxFaults>(), on: false);
        var settle = Stopwatch.StartNew();
        try
        {
            await scenario.SettleAsync(portal.Services, TimeSpan.FromMinutes(10), ct);
        }
        catch (TimeoutException ex)
        {
            Console.WriteLine($"  {ex.Message}");
        }

        Console.WriteLine($"  settled in {settle.Elapsed.TotalSeconds:F1} s");
        scenario.CollectDatabaseFaults(portal.Services);
        var report = await SoakCheck.RunAsync(portal.Services, accounts, ct);
        var listings = await intents.CheckAsync(portal.Services, ct);
        Print(scenario, report, listings, phase.Elapsed, wall.Elapsed);
        return report.Clean && listings.Clean ? 0 : 1;
    }

    /// <summary>Orders in chunks of a few hundred, each followed by a re-scan under faults, so imports run while orders arrive.</summary>
    private static async Task GenerateInChunksAsync(SoakScenario scenario, HttpClient http, BenchmarkPortal portal, int orders, CancellationToken ct)
    {
        for (var left = orders; left > 0; left -= 300)
        {
            await scenario.GenerateAsync(http, Math.Min(300, left), maxBatch: 40, ct);
            await scenario.DriveAsync(portal.Services, rounds: 1, ct);
        }
    }

    private static int Count(SoakScenario scenario) => scenario.Generated.Values.Sum(g => g.Count);

    private static void Print(SoakScenario scenario, SoakReport report, SoakIntentReport listings, TimeSpan soak, TimeSpan wall)
    {
        var f = scenario.Faults;
        var rows = new (string Name, string Value)[]
        {
            ("orders generated", $"{Count(scenario):N0} ({string.Join(", ", scenario.Generated.Select(g => $"{g.Key.Name} {g.Value.Count:N0}"))}); {scenario.Refused:N0} refused for want of stock"),
            ("  made cancelled / shipped on channel / cancelled on channel", $"{scenario.CreatedCancelled:N0} / {scenario.ShippedOnChannel:N0} / {scenario.CancelledOnChannel:N0}"),
            ("orders on the channels", $"{report.EmulatorOrders:N0}"),
            ("imported", $"{report.Imported:N0}"),
            ("lost", $"{report.Lost}"),
            ("duplicated", $"{report.Duplicated} (+ {report.Unknown} unknown to the channel)"),
            ("wrong status", $"{report.WrongStatus}"),
            ("wrong stock: ledger", $"{report.LedgerMismatches}"),
            ("wrong stock: channel quantity", $"{report.ChannelMismatches}"),
            ("faults injected", $"5xx {f.GetValueOrDefault(FaultDecision.ServerError):N0}, 429 {f.GetValueOrDefault(FaultDecision.TooManyRequests):N0}, " +
                $"timeouts {f.GetValueOrDefault(FaultDecision.Timeout):N0}, dropped {f.GetValueOrDefault(FaultDecision.DropConnection):N0}"),
            ("database busy errors injected in the handlers' writes", $"{scenario.DatabaseBusy}"),
            ("webhooks", $"{scenario.WebhooksDelivered:N0} delivered, {scenario.WebhookReplays:N0} duplicates replayed newest first"),
            ("retries", $"{report.FailedAttempts:N0} failed HTTP attempts (API call log), {report.QueueRetries:N0} queue retries, {report.DeadLetters} dead letters"),
            ("listing intents (publish, update, unpublish interleaved)", $"{listings.Queued:N0} queued on {listings.Listings} listings ({listings.Refused} refused: not listed yet); {listings.Wrong} not in the state of their last intent"),
            ("poison job", listings.Poison ?? "none"),
            ("wall time", $"{wall.TotalSeconds:F1} s (soak {soak.TotalSeconds:F1} s)"),
        };
        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows)
        {
            Console.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        foreach (var dead in report.DeadLetterKinds)
        {
            Console.WriteLine($"  dead letters: {dead}");
        }

        foreach (var problem in report.Problems.Concat(listings.Problems).Take(20))
        {
            Console.WriteLine($"  ! {problem}");
        }

        Console.WriteLine(report.Clean && listings.Clean ? "  OK: nothing lost, duplicated or wrong" : "  FAILED: see the counts above");
    }
}
