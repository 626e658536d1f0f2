using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Sync;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// Products with opening stock (recorded through the <see cref="StockLedger"/>, so the ledger balances from the start),
/// published on every connected channel through the real bulk publish until Live.
/// </summary>
internal static class OrdersBenchCatalog
{
    private const string Category = "Benchmark";
    private static readonly Actor Actor = new("benchmark", "benchmark");

    public static string Sku(int i) => $"BENCH-{i:D4}";

    /// <summary>Creates the products and returns their SKUs; they are Live on every account when this returns.</summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(BenchmarkPortal portal, IReadOnlyCollection<int> accounts, int products, int stock, CancellationToken ct)
    {
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var ledger = portal.Services.GetRequiredService<StockLedger>();
        var ids = new List<int>();
        await EmulatedPublishSetup.ApplyAsync(portal.Services, accounts, Category, ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var now = DateTime.UtcNow;
            var created = Enumerable.Range(1, products).Select(i => new Product
            {
                Name = $"Benchmark mug {i}", Brand = "Benchmark", Category = Category, CreatedUtc = now, UpdatedUtc = now,
                // TikTok Shop lists nothing without a picture (uploaded once per account, then cached) and a weight.
                ImageUrls = [SandboxMerchantImages.Url(portal.BaseAddress.ToString(), "benchmark-mug")], WeightGrams = 350,
                Variants = [new Variant { Sku = Sku(i), Price = new Money(1_500, "USD") }],
            }).ToList();
            db.Products.AddRange(created);
            await db.SaveChangesAsync(ct);
            ids.AddRange(created.Select(p => p.Id));
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            foreach (var variantId in await db.Variants.Where(v => ids.Contains(v.ProductId)).Select(v => v.Id).ToListAsync(ct))
            {
                await ledger.SetOnHandAsync(variantId, stock, "opening stock", Actor, StockMovementReason.Import, ct);
            }
        }

        var bulk = portal.Services.GetRequiredService<BulkOperationsService>();
        var publish = await bulk.PublishAsync(ids, [.. accounts.Select(a => new ChannelPlan(a, PriceRule.Base))], Actor, ct);
        if (publish.Refused.Count > 0)
        {
            throw new InvalidOperationException("Publish refused: " + string.Join("; ", publish.Refused.SelectMany(r => r.Problems).Distinct().Take(5)));
        }

        await DrainAsync(portal, TimeSpan.FromMinutes(3), ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var live = await db.ChannelListings.CountAsync(l => l.State == ListingState.Live, ct);
            if (live != products * accounts.Count)
            {
                var errors = await db.ChannelListings.Where(l => l.State != ListingState.Live).Select(l => l.State + " " + l.LastError).Take(5).ToListAsync(ct);
                throw new InvalidOperationException($"{live} of {products * accounts.Count} listings Live: {string.Join("; ", errors)}");
            }
        }

        return [.. Enumerable.Range(1, products).Select(Sku)];
    }

    /// <summary>Runs the dispatcher back to back until nothing is pending or running (waiting out retry delays).</summary>
    public static async Task DrainAsync(BenchmarkPortal portal, TimeSpan limit, CancellationToken ct)
    {
        var dispatcher = portal.Services.GetRequiredService<SyncDispatcher>();
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if ((await dispatcher.DrainAllAsync(ct)).Claimed > 0)
            {
                continue;
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            if (!await db.SyncJobs.AnyAsync(j => j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running, ct))
            {
                return;
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The sync queue did not drain within {limit}.");
    }
}
