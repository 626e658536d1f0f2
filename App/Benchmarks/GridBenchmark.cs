using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks;

/// <summary>
/// <c>bench grid --products N</c>: the products grid's queries through the portal's own <see cref="ProductCatalog"/> on a
/// throw-away catalog of N products (1–3 variants, a third listed per account in a random state); prints median and
/// p95 of each. Timings on a shared machine are figures to read, not assertions.
/// </summary>
internal static class GridBenchmark
{
    private const int Runs = 25;

    public static async Task<int> RunAsync(int products, CancellationToken ct)
    {
        await using var portal = await BenchmarkPortal.StartAsync(BenchmarkPortal.WithoutScheduler(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "false" }), ct);
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var accounts = new List<int>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            // Four accounts, the first four marketplaces of the Channels page: the grid's figures are for that many.
            foreach (var channel in ChannelNames.InDisplayOrder.Take(4))
            {
                var account = new ChannelAccount { DisplayName = $"{channel} shop", Channel = channel, CreatedUtc = DateTime.UtcNow };
                db.ChannelAccounts.Add(account);
                await db.SaveChangesAsync(ct);
                accounts.Add(account.Id);
            }
        }

        var seed = Stopwatch.StartNew();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var states = Enum.GetNames<ListingState>();
        await BenchmarkCatalog.SeedAsync(portal.DatabasePath, products,
            (i, r) => ($"Widget {r.Next(products)} {(i % 3 == 0 ? "Mug" : "Kettle")}", $"Brand {i % 50}", $"Category {i % 20}", start.AddMinutes(r.Next(600_000))),
            (i, r) => Enumerable.Range(0, 1 + (i % 3)).Select(v => ($"SKU-{i:D7}-{v}", r.Next(100), 500L + r.Next(20_000))).ToList(),
            (_, r) => accounts.Where(_ => r.Next(3) == 0).Select(a => (a, states[r.Next(states.Length)])).ToList(),
            ct);
        Console.WriteLine($"grid: seeded {products:N0} products in {seed.Elapsed.TotalSeconds:F1} s; {Runs} runs per query after one warm-up");

        var catalog = portal.Services.GetRequiredService<ProductCatalog>();
        var random = new Random(42);
        await MeasureAsync("sorted page (updated desc, first page)", () => catalog.QueryAsync(new ProductQuery(), ct));
        await MeasureAsync("sorted page (name, random page of the first 200)", () =>
            catalog.QueryAsync(new ProductQuery { Sort = ProductSort.Name, Descending = false, Page = random.Next(200) }, ct));
        await MeasureAsync("sorted page (SKU, random page of the first 200)", () =>
            catalog.QueryAsync(new ProductQuery { Sort = ProductSort.Sku, Descending = false, Page = random.Next(200) }, ct));
        await MeasureAsync("filtered count + page (brand)", () =>
            catalog.QueryAsync(new ProductQuery { Brand = $"Brand {random.Next(50)}" }, ct));
        await MeasureAsync("filtered count + page (category, by name)", () =>
            catalog.QueryAsync(new ProductQuery { Category = $"Category {random.Next(20)}", Sort = ProductSort.Name }, ct));
        await MeasureAsync("filtered count + page (Live on one account)", () =>
            catalog.QueryAsync(new ProductQuery { Listing = new ListingFilter(ListingState.Live, accounts[random.Next(accounts.Count)]) }, ct));
        await MeasureAsync("filtered count + page (not listed anywhere)", () =>
            catalog.QueryAsync(new ProductQuery { Listing = ListingFilter.NotListed }, ct));
        await MeasureAsync("search (SKU prefix)", () =>
            catalog.QueryAsync(new ProductQuery { Text = $"SKU-{random.Next(1, products + 1):D7}" }, ct));
        await MeasureAsync("search (name contains, rare)", () =>
            catalog.QueryAsync(new ProductQuery { Text = $"Widget {random.Next(products)} " }, ct));
        await MeasureAsync("search (name contains, common)", () =>
            catalog.QueryAsync(new ProductQuery { Text = "mug" }, ct));
        return 0;
    }

    private static async Task MeasureAsync(string name, Func<Task<ProductPage>> query)
    {
        await query(); // warm-up: plan compilation and page cache
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = (await query()).TotalCount;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} median {times[times.Count / 2],7:F1} ms   p95 {p95,7:F1} ms   ({rows:N0} matching)"));
    }
}
