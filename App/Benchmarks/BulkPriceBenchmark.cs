using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks;

/// <summary>
/// <c>bench bulk-price --products N [--channels tiktok,amazon,ebay]</c>: the real portal with its emulators (rate
/// limits on; every emulated channel unless named), N one-variant products Live on every channel through the real publish path, then ONE bulk price update
/// (+1 %) to all of them on all channels, drained by the dispatcher. Prints the calls made against the fewest the
/// channels' batch endpoints allow, 429s, failures, and the wall time against the floor the published limits impose.
/// </summary>
internal static class BulkPriceBenchmark
{
    private const string Category = "Benchmark";
    private static readonly Actor Actor = new("benchmark", "benchmark");

    /// <param name="named">The channels to run on; null: every emulated one.</param>
    public static async Task<int> RunAsync(int products, IReadOnlyList<ChannelKind>? named, CancellationToken ct)
    {
        await using var portal = await BenchmarkPortal.StartAsync(BenchmarkPortal.WithoutScheduler(), ct);
        var channels = named ?? portal.Services.GetRequiredService<EmulatedChannels>().InDisplayOrder;
        Console.WriteLine($"bulk-price: {products:N0} products × {channels.Count} channels ({string.Join(", ", channels.Select(ChannelNames.Display))})");
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var bulk = portal.Services.GetRequiredService<BulkOperationsService>();

        var setup = Stopwatch.StartNew();
        var accounts = new Dictionary<ChannelKind, int>();
        foreach (var channel in channels)
        {
            accounts[channel] = await EmulatedAccounts.ConnectAsync(portal, channel, ct);
        }

        await PrepareCatalogAsync(portal, contexts, products, accounts, ct);
        var ids = Enumerable.Range(1, products).ToList();
        var publish = await bulk.PublishAsync(ids, [.. accounts.Values.Select(a => new ChannelPlan(a, PriceRule.Base))], Actor, ct);
        RefuseOnProblems("publish", publish);
        await DrainAsync(portal, ct);
        var live = await LiveCountsAsync(contexts, ct);
        setup.Stop();
        Console.WriteLine($"Set-up: {accounts.Count} accounts connected, {publish.Queued:N0} listings published in {setup.Elapsed.TotalSeconds:F1} s; " +
            $"live per channel: {string.Join(", ", accounts.Select(a => $"{a.Key} {live.GetValueOrDefault(a.Value):N0}"))}");
        if (accounts.Values.Any(a => live.GetValueOrDefault(a) != products))
        {
            await PrintListingErrorsAsync(contexts, ct);
            return 1;
        }

        long lastCallBefore;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            lastCallBefore = await db.ApiCallLogs.MaxAsync(l => (long?)l.Id, ct) ?? 0;
        }

        var started = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var plusOnePercent = new PriceRule(PriceRuleKind.Percent, PercentBasisPoints: 100);
        // The dispatcher starts once every item is queued. A dispatch run that lands mid-enqueue (Quartz fires on its own
        // interval) sends Amazon the items queued so far as a feed of their own: another feed, another poll wait.
        var update = await bulk.UpdatePricesAsync(ids, [.. accounts.Values.Select(a => new ChannelPlan(a, plusOnePercent))], Actor, ct);
        var queuedAfter = watch.Elapsed;
        await DrainAsync(portal, ct);
        watch.Stop();
        RefuseOnProblems("price update", update);

        var rows = await MeasureAsync(contexts, portal.Services.GetRequiredService<ChannelRegistry>(), update.OperationId, accounts, products, lastCallBefore, started, ct);
        Print(rows, products, watch.Elapsed, queuedAfter);
        return 0;
    }

    /// <summary>One variant per product, and what each channel's emulator needs set before a publish (<see cref="EmulatedPublishSetup"/>).</summary>
    private static async Task PrepareCatalogAsync(BenchmarkPortal portal, IDbContextFactory<AppDbContext> contexts, int products,
        Dictionary<ChannelKind, int> accounts, CancellationToken ct)
    {
        await EmulatedPublishSetup.ApplyAsync(portal.Services, accounts.Values, Category, ct);
        var epoch = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await BenchmarkCatalog.SeedAsync(portal.DatabasePath, products,
            (i, _) => ($"Benchmark mug {i}", "Benchmark", Category, epoch.AddMinutes(i)),
            (i, r) => [($"BENCH-{i:D6}", 5 + r.Next(50), 1_000 + r.Next(9_000))],
            (_, _) => [],
            ct,
            imageUrl: SandboxMerchantImages.Url(portal.BaseAddress.ToString(), "benchmark-mug"),
            weightGrams: 350);
    }

    /// <summary>
    /// What the Quartz job does every Sync:DispatchInterval, back to back: drains until the queue holds nothing pending
    /// or running, waiting out retry delays.
    /// </summary>
    private static async Task DrainAsync(BenchmarkPortal portal, CancellationToken ct)
    {
        var dispatcher = portal.Services.GetRequiredService<SyncDispatcher>();
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        while (true)
        {
            var summary = await dispatcher.DrainAllAsync(ct);
            if (summary.Claimed > 0)
            {
                continue;
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            var open = await db.SyncJobs.CountAsync(j => j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running, ct);
            if (open == 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static async Task<Dictionary<int, int>> LiveCountsAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChannelListings.Where(l => l.State == ListingState.Live)
            .GroupBy(l => l.ChannelAccountId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    private static async Task PrintListingErrorsAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var errors = await db.ChannelListings.Where(l => l.State != ListingState.Live)
            .GroupBy(l => new { l.ChannelAccountId, l.State, l.LastError }).Select(g => new { g.Key.ChannelAccountId, g.Key.State, g.Key.LastError, Count = g.Count() })
            .Take(10).ToListAsync(ct);
        Console.WriteLine("Not every listing went Live; the benchmark needs them all:");
        foreach (var e in errors)
        {
            Console.WriteLine($"  account {e.ChannelAccountId}: {e.Count} {e.State}: {e.LastError}");
        }
    }

    private static void RefuseOnProblems(string what, BulkStartResult result)
    {
        if (result.Refused.Count > 0)
        {
            var first = result.Refused[0];
            throw new InvalidOperationException($"The {what} refused {result.Refused.Count} item(s), e.g. {first.AccountName}: {string.Join(" ", first.Problems)}");
        }
    }

    private sealed record ChannelRow(ChannelKind Channel, int Items, int Calls, int MinimumCalls, int TooMany, int Failed, double FloorSeconds, double DoneSeconds, string FloorRule);

    private static async Task<List<ChannelRow>> MeasureAsync(IDbContextFactory<AppDbContext> contexts, ChannelRegistry registry, Guid operationId, Dictionary<ChannelKind, int> accounts,
        int products, long lastCallBefore, DateTime started, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var calls = await db.ApiCallLogs.AsNoTracking().Where(l => l.Id > lastCallBefore)
            .GroupBy(l => new { l.Channel, l.Operation, TooMany = l.HttpStatus == 429 })
            .Select(g => new { g.Key.Channel, g.Key.Operation, g.Key.TooMany, Count = g.Count() })
            .ToListAsync(ct);
        var jobs = await db.SyncJobs.AsNoTracking().Where(j => j.BulkOperationId == operationId)
            .GroupBy(j => new { j.ChannelAccountId, j.Status })
            .Select(g => new { g.Key.ChannelAccountId, g.Key.Status, Count = g.Count(), Last = g.Max(j => j.CompletedUtc) })
            .ToListAsync(ct);

        var rows = new List<ChannelRow>();
        foreach (var (channel, accountId) in accounts)
        {
            var mine = calls.Where(c => c.Channel == channel.ToString()).ToList();
            var ofAccount = jobs.Where(j => j.ChannelAccountId == accountId).ToList();
            // The channel's own descriptor states its floor (TikTok one call per product at 50/s, eBay 25 SKUs a call, Amazon a feed).
            var (minimum, floor, rule) = registry.Describe(channel).Floors.PriceUpdates(products);
            var last = ofAccount.Max(j => j.Last);
            rows.Add(new ChannelRow(channel, ofAccount.Sum(j => j.Count), mine.Sum(c => c.Count), minimum, mine.Where(c => c.TooMany).Sum(c => c.Count),
                ofAccount.Where(j => j.Status is not SyncJobStatus.Succeeded).Sum(j => j.Count), floor,
                last is null ? 0 : (last.Value - started).TotalSeconds, rule));
        }

        return rows;
    }

    private static void Print(List<ChannelRow> rows, int products, TimeSpan wall, TimeSpan queued)
    {
        var floor = rows.Max(r => r.FloorSeconds);
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine();
        Console.WriteLine($"{"channel",-11} {"items",7} {"calls",7} {"minimum",8} {"429s",6} {"failed",7} {"done at s",10} {"floor s",8}  floor rule");
        foreach (var r in rows)
        {
            Console.WriteLine($"{r.Channel,-11} {r.Items,7:N0} {r.Calls,7:N0} {r.MinimumCalls,8:N0} {r.TooMany,6:N0} {r.Failed,7:N0} {F(r.DoneSeconds),10} {F(r.FloorSeconds),8}  {r.FloorRule}");
        }

        Console.WriteLine($"{"total",-11} {rows.Sum(r => r.Items),7:N0} {rows.Sum(r => r.Calls),7:N0} {rows.Sum(r => r.MinimumCalls),8:N0} {rows.Sum(r => r.TooMany),6:N0} {rows.Sum(r => r.Failed),7:N0}");
        Console.WriteLine();
        Console.WriteLine($"products × channels : {products:N0} × {rows.Count} = {products * rows.Count:N0}");
        Console.WriteLine($"wall time           : {F(wall.TotalSeconds)} s (jobs queued after {F(queued.TotalSeconds)} s)");
        Console.WriteLine($"floor               : {F(floor)} s (channels in parallel: the slowest)");
        Console.WriteLine($"wall / floor        : {(floor > 0 ? (wall.TotalSeconds / floor).ToString("F2", CultureInfo.InvariantCulture) : "n/a")} (goal ≤ 1.20)");
    }
}
