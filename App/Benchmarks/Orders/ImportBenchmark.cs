using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// <c>bench import [--orders N] [--limits on|off|both] [--limited-orders M] [--warmup W]</c>: N orders (default 100,000) spread
/// over every emulated channel, imported from empty by the real import jobs (one account each, side by side).
/// Prints orders per second and peak memory (GC heap and working set, sampled). With the emulators' rate limits on,
/// Amazon's searchOrders (one page every 180 s after a burst of 20) makes 100,000 several days' work, so that run takes M
/// orders and prints the floor the published limits impose and how close the import came to it.
/// </summary>
internal static class ImportBenchmark
{
    private const int Skus = 20;
    private const int PageSize = 100;
    private static readonly Actor Actor = new("benchmark", "benchmark");

    public static async Task<int> RunAsync(int orders, string limits, int limitedOrders, int warmup, CancellationToken ct)
    {
        var ok = true;
        if (warmup > 0)
        {
            // A server imports for days: its figure is the steady state, after the JIT has compiled the import path
            // (in a cold process the JIT took about a fifth of the CPU of a 60,000-order run). Same code, not counted.
            Console.Write("warm-up, not counted: ");
            await RunOnceAsync(warmup, rateLimits: false, ct, counted: false);
        }

        if (limits is "off" or "both")
        {
            ok &= await RunOnceAsync(orders, rateLimits: false, ct);
        }

        if (limits is "on" or "both")
        {
            ok &= await RunOnceAsync(limits == "on" ? orders : limitedOrders, rateLimits: true, ct);
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> RunOnceAsync(int orders, bool rateLimits, CancellationToken ct, bool counted = true)
    {
        Console.WriteLine($"import (rate limits {(rateLimits ? "on" : "off")}): {orders:N0} orders over TikTok Shop, Amazon and eBay, pages of {PageSize}");
        await using var portal = await BenchmarkPortal.StartAsync(new Dictionary<string, string?>
        {
            ["Orders:Import:PageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The benchmark queues the first import itself, once the emulators hold the orders.
            ["Orders:Import:ScheduleInterval"] = "01:00:00",
        }, ct);
        var accounts = await EmulatedAccounts.ConnectAllAsync(portal, ct);
        if (!rateLimits)
        {
            // Our own overhead: no pacing on our side either (an account's rate properties, as for a raised usage plan).
            await LiftClientLimitsAsync(portal, ct);
        }

        var skus = await SeedCatalogAsync(portal, ct);
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        using var http = portal.CreateControlClient();
        var control = new EmulatorControl(http, portal.Services.GetRequiredService<EmulatedChannels>());
        var perChannel = new Dictionary<ChannelKind, int>();
        var generate = Stopwatch.StartNew();
        var emulated = control.Emulators.InDisplayOrder;
        foreach (var (channel, index) in emulated.Select((c, i) => (c, i)))
        {
            await control.SetFaultsAsync(channel, new FaultSettings { RateLimitsEnabled = rateLimits }, 0, ct);
            var count = (orders / emulated.Count) + (index < orders % emulated.Count ? 1 : 0);
            perChannel[channel] = count;
            for (var done = 0; done < count; done += SandboxOrderRequest.MaxPerCall)
            {
                var n = Math.Min(SandboxOrderRequest.MaxPerCall, count - done);
                await control.PlaceOrdersAsync(channel, new SandboxOrderRequest(n, [skus[(done / SandboxOrderRequest.MaxPerCall) % skus.Count]]), ct);
            }
        }

        Console.WriteLine($"  generated in the emulators in {generate.Elapsed.TotalSeconds:F1} s ({string.Join(", ", perChannel.Select(p => $"{p.Key} {p.Value:N0}"))})");

        // TikTok keeps update times in whole seconds and the import reads up to now, exclusive: an order from this very
        // second waits for the next poll (the overlap window), which the benchmark's one-hour schedule never runs.
        await Task.Delay(TimeSpan.FromSeconds(1.1), ct);
        GC.Collect();
        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        await portal.Services.GetRequiredService<OrderImportScheduler>().EnqueueDueAsync(ct);
        var finished = new Dictionary<ChannelKind, TimeSpan>();
        var registry = portal.Services.GetRequiredService<ChannelRegistry>();
        var limit = rateLimits ? TimeSpan.FromSeconds(Floor(registry, perChannel).Max(f => f.Value) * 2 + 120) : TimeSpan.FromMinutes(20);
        // A channel whose count stops growing (an order the import cannot see) ends the wait with what it has: after a
        // minute, or with the limits on a minute past the slowest published refill (Amazon's searchOrders, a page every
        // 180 s after its burst), which a minute alone cut short every time.
        var stall = Stall(rateLimits, perChannel.Keys.Select(registry.Describe));
        var (lastTotal, lastProgress) = (-1, clock.Elapsed);
        while (finished.Count < accounts.Count && clock.Elapsed < limit && clock.Elapsed - lastProgress < stall)
        {
            await Task.Delay(250, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var counts = await db.Orders.GroupBy(o => o.ChannelAccountId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            if (counts.Values.Sum() != lastTotal)
            {
                (lastTotal, lastProgress) = (counts.Values.Sum(), clock.Elapsed);
            }

            foreach (var (channel, id) in accounts)
            {
                if (!finished.ContainsKey(channel) && counts.GetValueOrDefault(id) >= perChannel[channel])
                {
                    finished[channel] = clock.Elapsed;
                }
            }
        }

        var wall = clock.Elapsed;
        var (peakHeap, peakWorkingSet) = sampler.Stop();
        // What the process still holds once the import is done: flat if nothing is kept per order.
        var liveHeap = GC.GetTotalMemory(forceFullCollection: true);
        int imported;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            imported = await db.Orders.CountAsync(ct);
        }

        Console.WriteLine($"  imported {imported:N0} of {orders:N0} in {wall.TotalSeconds:F1} s: {imported / wall.TotalSeconds:N0} orders/s; " +
            $"peak GC heap {peakHeap / 1_048_576.0:N0} MB, live heap after {liveHeap / 1_048_576.0:N0} MB, peak working set {peakWorkingSet / 1_048_576.0:N0} MB " +
            "(the working set includes the database files' memory map)");
        Console.WriteLine("  per channel: " + string.Join(", ", finished.Select(f => $"{f.Key} {f.Value.TotalSeconds:F1} s"))
            + string.Concat(accounts.Keys.Where(c => !finished.ContainsKey(c)).Select(c => $"; {c} NOT finished (no new order for {stall.TotalSeconds:F0} s)")));
        if (!counted)
        {
            return imported == orders;
        }

        if (!rateLimits)
        {
            var goal = imported == orders && imported / wall.TotalSeconds >= 5_000;
            Console.WriteLine($"  goal >= 5,000 orders/s: {(goal ? "met" : "NOT met")}");
            return imported == orders;
        }

        var floors = Floor(registry, perChannel);
        var floor = floors.Values.Max();
        Console.WriteLine("  floor from the published limits: " + string.Join(", ", floors.Select(f => $"{f.Key} {f.Value:F1} s")) +
            $" -> {floor:F1} s in parallel; wall / floor = {wall.TotalSeconds / floor:F2} (goal <= 1.10)");
        return imported == orders;
    }

    /// <summary>
    /// With the limits on, a channel counts as stalled only a minute past the slowest published refill of any emulated
    /// channel (Amazon's searchOrders, a page every 180 s after its burst); a minute alone cut those runs short.
    /// </summary>
    private static TimeSpan Stall(bool rateLimits, IEnumerable<ChannelDescriptor> channels) => rateLimits
        ? channels.Max(c => c.Floors.LongestRefill) + TimeSpan.FromMinutes(1)
        : TimeSpan.FromMinutes(1);

    /// <summary>
    /// The least time each channel's published limits allow for its orders, pages of <see cref="PageSize"/>, as the
    /// channel's own descriptor states it (<see cref="ChannelLimitFloors.OrderPages"/>).
    /// </summary>
    private static Dictionary<ChannelKind, double> Floor(ChannelRegistry registry, Dictionary<ChannelKind, int> perChannel) =>
        perChannel.ToDictionary(p => p.Key, p => registry.Describe(p.Key).Floors.OrderPages((int)Math.Ceiling(p.Value / (double)PageSize)));

    private static async Task LiftClientLimitsAsync(BenchmarkPortal portal, CancellationToken ct)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        foreach (var account in await db.ChannelAccounts.ToListAsync(ct))
        {
            account.PropertiesJson = ChannelAccountContexts.MergeProperties(account.PropertiesJson, new Dictionary<string, string>
            {
                [ChannelRateLimits.RequestsPerSecondProperty] = "1000000",
                [ChannelRateLimits.BurstProperty] = "1000000",
                [ChannelRateLimits.OperationScaleProperty] = "1000000",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The SKUs the orders name, in the catalog with ample stock (not listed: the import is measured, not pushes).</summary>
    private static async Task<List<string>> SeedCatalogAsync(BenchmarkPortal portal, CancellationToken ct)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var ledger = portal.Services.GetRequiredService<StockLedger>();
        List<int> variantIds;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = DateTime.UtcNow;
            var products = Enumerable.Range(1, Skus).Select(i => new Product
            {
                Name = $"Import mug {i}", Category = "Benchmark", CreatedUtc = now, UpdatedUtc = now,
                Variants = [new Variant { Sku = OrdersBenchCatalog.Sku(i), Price = new Money(1_999, "USD") }],
            }).ToList();
            db.Products.AddRange(products);
            await db.SaveChangesAsync(ct);
            variantIds = [.. products.Select(p => p.Variants[0].Id)];
        }

        foreach (var id in variantIds)
        {
            await ledger.SetOnHandAsync(id, 10_000_000, "opening stock", Actor, StockMovementReason.Import, ct);
        }

        return [.. Enumerable.Range(1, Skus).Select(OrdersBenchCatalog.Sku)];
    }
}

/// <summary>Samples the GC heap and the process working set every 100 ms and keeps the peaks.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakHeap;
    private long peakWorkingSet;

    public MemorySampler() => loop = Task.Run(async () =>
    {
        using var process = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            Sample(process);
            try
            {
                await Task.Delay(100, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    });

    public (long PeakHeap, long PeakWorkingSet) Stop()
    {
        stop.Cancel();
        loop.Wait();
        return (peakHeap, peakWorkingSet);
    }

    private void Sample(Process process)
    {
        process.Refresh();
        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
        peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
    }

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
