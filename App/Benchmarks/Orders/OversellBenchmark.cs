using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// <c>bench oversell [--orders N] [--mode webhooks|polling|both] [--poll-seconds S]</c>: orders placed one after
/// another on the first emulated marketplace that sends order webhooks (TikTok Shop; signed webhooks on, or off so
/// only polling finds them); for each, the time until every other emulated marketplace shows the reduced quantity.
/// That window is how long the sale can be sold again. Everything goes through the emulators' control contract.
/// </summary>
internal static class OversellBenchmark
{
    private const int Products = 10;
    private const int OpeningStock = 1_000;
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(int orders, string mode, int pollSeconds, CancellationToken ct)
    {
        var failed = false;
        foreach (var m in mode == "both" ? ["webhooks", "polling"] : new[] { mode })
        {
            failed |= !await RunModeAsync(orders, m, pollSeconds, ct);
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> RunModeAsync(int orders, string mode, int pollSeconds, CancellationToken ct)
    {
        var webhooks = mode == "webhooks";
        await using var portal = await BenchmarkPortal.StartAsync(null, ct);
        var accounts = await EmulatedAccounts.ConnectAllAsync(portal, ct);
        using var http = portal.CreateControlClient();
        var control = new EmulatorControl(http, portal.Services.GetRequiredService<EmulatedChannels>());
        var emulated = control.Emulators.InDisplayOrder;
        var abouts = new Dictionary<ChannelKind, SandboxControlAbout>();
        foreach (var channel in emulated)
        {
            abouts[channel] = await control.AboutAsync(channel, ct);
        }

        var selling = emulated.FirstOrDefault(c => abouts[c].OrderWebhooks, emulated[0]);
        var others = emulated.Where(c => c != selling).ToArray();
        Console.WriteLine($"oversell ({mode}): {orders} {ChannelNames.Display(selling)} orders, one every {Spacing.TotalMilliseconds:F0} ms, over {Products} SKUs, " +
            $"watched on {string.Join(" and ", others.Select(ChannelNames.Display))}" + (webhooks ? "" : $"; {ChannelNames.Display(selling)} polled every {pollSeconds} s"));
        var skus = await OrdersBenchCatalog.PublishAsync(portal, accounts.Values, Products, OpeningStock, ct);
        await SetPollingAsync(portal, accounts[selling], webhooks ? 3_600 : pollSeconds, ct);
        foreach (var channel in others)
        {
            var shown = await control.QuantitiesAsync(channel, null, ct);
            if (skus.Any(s => shown.GetValueOrDefault(s, -1) != OpeningStock))
            {
                Console.WriteLine($"  {ChannelNames.Display(channel)} does not show the opening stock of {OpeningStock} for every SKU before the run.");
                return false;
            }
        }

        var placedAt = new long[orders];
        var target = new (string Sku, int Quantity)[orders];
        var seen = new TimeSpan?[orders];
        var seenOn = others.ToDictionary(c => c, _ => new TimeSpan?[orders]);
        var expected = skus.ToDictionary(s => s, _ => OpeningStock);
        var placing = true;
        var clock = Stopwatch.StartNew();
        var watcher = Task.Run(async () =>
        {
            var limit = TimeSpan.FromSeconds(pollSeconds + 90);
            while (!ct.IsCancellationRequested)
            {
                var shown = new List<Dictionary<string, int>>();
                foreach (var channel in others)
                {
                    shown.Add(await control.QuantitiesAsync(channel, null, ct));
                }

                var now = clock.ElapsedTicks;
                var open = 0;
                for (var i = 0; i < orders; i++)
                {
                    if (seen[i] is not null || placedAt[i] == 0)
                    {
                        open += seen[i] is null ? 1 : 0;
                        continue;
                    }

                    for (var c = 0; c < others.Length; c++)
                    {
                        if (seenOn[others[c]][i] is null && shown[c].GetValueOrDefault(target[i].Sku, int.MaxValue) <= target[i].Quantity)
                        {
                            seenOn[others[c]][i] = Stopwatch.GetElapsedTime(placedAt[i], now);
                        }
                    }

                    if (shown.All(q => q.GetValueOrDefault(target[i].Sku, int.MaxValue) <= target[i].Quantity))
                    {
                        seen[i] = Stopwatch.GetElapsedTime(placedAt[i], now);
                    }
                    else
                    {
                        open++;
                    }
                }

                if ((open == 0 && !Volatile.Read(ref placing)) || clock.Elapsed > limit + (Spacing * orders))
                {
                    return;
                }

                await Task.Delay(50, ct);
            }
        }, ct);

        for (var i = 0; i < orders; i++)
        {
            var sku = skus[i % skus.Count];
            target[i] = (sku, --expected[sku]);
            var started = clock.ElapsedTicks;
            await control.PlaceOrdersAsync(selling, new SandboxOrderRequest(1, [sku], webhooks), ct);
            placedAt[i] = started == 0 ? 1 : started;
            await Task.Delay(Spacing, ct);
        }

        Volatile.Write(ref placing, false);
        await watcher;
        var latencies = seen.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
        var missing = orders - latencies.Count;
        Console.WriteLine($"  until {string.Join(" and ", others.Select(ChannelNames.Display))} all show it: p50 {Percentile(latencies, 0.50):F2} s, p95 {Percentile(latencies, 0.95):F2} s, " +
            $"max {(latencies.Count == 0 ? double.NaN : latencies[^1]):F2} s over {latencies.Count} orders" + (missing > 0 ? $"; {missing} never shown" : ""));
        foreach (var (channel, times) in seenOn)
        {
            var each = times.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
            Console.WriteLine($"    {ChannelNames.Display(channel)}: p50 {Percentile(each, 0.50):F2} s, p95 {Percentile(each, 0.95):F2} s");
        }

        var goal = webhooks ? 10.0 : pollSeconds + 10.0;
        var met = missing == 0 && Percentile(latencies, 0.95) < goal;
        Console.WriteLine($"  goal p95 < {goal:F0} s: {(met ? "met" : "NOT met")}");
        return met;
    }

    /// <summary>The selling account's poll interval for this run.</summary>
    private static async Task SetPollingAsync(BenchmarkPortal portal, int accountId, int seconds, CancellationToken ct)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == accountId, ct);
        account.OrderPollIntervalSeconds = seconds;
        await db.SaveChangesAsync(ct);
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
