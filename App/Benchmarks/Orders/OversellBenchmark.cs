using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// <c>bench oversell [--orders N] [--mode webhooks|polling|both] [--poll-seconds S]</c>: orders placed on TikTok Shop's
/// emulator one after another (signed webhooks on, or off so only polling finds them); for each, the time until
/// Amazon's AND eBay's emulators both show the reduced quantity. That window is how long the sale can be sold again.
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
        Console.WriteLine($"oversell ({mode}): {orders} TikTok Shop orders, one every {Spacing.TotalMilliseconds:F0} ms, over {Products} SKUs" +
            (webhooks ? "" : $"; TikTok polled every {pollSeconds} s"));
        await using var portal = await BenchmarkPortal.StartAsync(null, ct);
        var accounts = await EmulatedAccounts.ConnectAllAsync(portal, ct);
        var skus = await OrdersBenchCatalog.PublishAsync(portal, accounts.Values, Products, OpeningStock, ct);
        var shopId = await SetPollingAsync(portal, accounts[ChannelKind.TikTokShop], webhooks ? 3_600 : pollSeconds, ct);
        var emulators = new EmulatorQuantities(portal.SandboxPath);
        var others = new[] { ChannelKind.Amazon, ChannelKind.Ebay };
        foreach (var channel in others)
        {
            var shown = await emulators.ReadAsync(channel, ct);
            if (skus.Any(s => shown.GetValueOrDefault(s, -1) != OpeningStock))
            {
                Console.WriteLine($"  {channel} does not show the opening stock of {OpeningStock} for every SKU before the run.");
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
                    shown.Add(await emulators.ReadAsync(channel, ct));
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

        using var http = portal.CreateControlClient();
        for (var i = 0; i < orders; i++)
        {
            var sku = skus[i % skus.Count];
            target[i] = (sku, --expected[sku]);
            var started = clock.ElapsedTicks;
            using var response = await http.PostAsJsonAsync("/sandbox/tiktok/_control/orders",
                new Dictionary<string, object> { ["shop_id"] = shopId, ["count"] = 1, ["seller_skus"] = new[] { sku }, ["send_webhooks"] = webhooks }, ct);
            response.EnsureSuccessStatusCode();
            placedAt[i] = started == 0 ? 1 : started;
            await Task.Delay(Spacing, ct);
        }

        Volatile.Write(ref placing, false);
        await watcher;
        var latencies = seen.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
        var missing = orders - latencies.Count;
        Console.WriteLine($"  until Amazon and eBay both show it: p50 {Percentile(latencies, 0.50):F2} s, p95 {Percentile(latencies, 0.95):F2} s, " +
            $"max {(latencies.Count == 0 ? double.NaN : latencies[^1]):F2} s over {latencies.Count} orders" + (missing > 0 ? $"; {missing} never shown" : ""));
        foreach (var (channel, times) in seenOn)
        {
            var each = times.Where(s => s is not null).Select(s => s!.Value.TotalSeconds).Order().ToList();
            Console.WriteLine($"    {channel}: p50 {Percentile(each, 0.50):F2} s, p95 {Percentile(each, 0.95):F2} s");
        }

        var goal = webhooks ? 10.0 : pollSeconds + 10.0;
        var met = missing == 0 && Percentile(latencies, 0.95) < goal;
        Console.WriteLine($"  goal p95 < {goal:F0} s: {(met ? "met" : "NOT met")}");
        return met;
    }

    /// <summary>The TikTok account's poll interval for this run, and its shop id (the order generator's target).</summary>
    private static async Task<string> SetPollingAsync(BenchmarkPortal portal, int tiktokAccountId, int seconds, CancellationToken ct)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == tiktokAccountId, ct);
        account.OrderPollIntervalSeconds = seconds;
        await db.SaveChangesAsync(ct);
        return account.ShopId ?? throw new InvalidOperationException("The TikTok Shop account has no shop id.");
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
