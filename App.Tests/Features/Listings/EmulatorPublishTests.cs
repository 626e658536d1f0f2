using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Sandbox.TikTokShop;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

/// <summary>
/// Bulk publishing and stock pushes in the whole app on SQLite against the real emulators (TikTok Shop, Amazon
/// SP-API, eBay), each account connected through its OAuth flow; what each emulator holds is read from its own store.
/// The same scenarios against an in-memory channel are in <see cref="BulkPublishTests"/>.
/// </summary>
public sealed class EmulatorPublishTests
{
    [Fact]
    public async Task ThreeProductsToThreeChannels_AllGoLive_AndEachEmulatorHoldsExactlyThoseListings()
    {
        await using var portal = EmulatorPortal.Start();
        var (tiktok, amazon, ebay) = await ConnectAllAsync(portal);
        var products = await portal.AddProductsAsync("PUB-", 3);
        await portal.SetEbayPoliciesAsync(products, ebay);

        var started = await portal.PublishAsync(products, tiktok, amazon, ebay);
        await portal.Dispatcher.DrainAllAsync(CancellationToken.None);

        Assert.Empty(started.Refused);
        Assert.Equal(9, started.Queued);
        var listings = await portal.ListingsAsync();
        Assert.Equal(9, listings.Count);
        Assert.All(listings, l => Assert.True(l.State == ListingState.Live && !string.IsNullOrEmpty(l.ExternalId), $"listing {l.Id}: {l.State} {l.LastError}"));
        var skus = (await portal.SkusAsync(products)).Values.Order().ToList();
        await AssertEmulatorsHoldOnceAsync(portal, skus, listings, tiktok, amazon, ebay);
        var progress = await portal.Bulk.ProgressAsync(started.OperationId, CancellationToken.None);
        Assert.Equal((9, 9, 0), (progress!.Total, progress.Succeeded, progress.Failed));
    }

    [Fact]
    public async Task AnUnmappedEbayCategory_FailsOnlyThatItem_WithItsReason_AndNoCallIsMadeForIt()
    {
        await using var portal = EmulatorPortal.Start();
        var (tiktok, amazon, ebay) = await ConnectAllAsync(portal);
        await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Wiper Blades", "600002");
        var mapped = await portal.AddProductsAsync("MAP-", 2);
        var unmapped = Assert.Single(await portal.AddProductsAsync("WIPER-", 1, category: "Wiper Blades"));
        await portal.SetEbayPoliciesAsync([.. mapped, unmapped], ebay);

        var started = await portal.PublishAsync([.. mapped, unmapped], tiktok, amazon, ebay);
        await portal.Dispatcher.DrainAllAsync(CancellationToken.None);

        var refused = Assert.Single(started.Refused);
        Assert.Equal((unmapped, ebay), (refused.ProductId, refused.ChannelAccountId));
        Assert.Contains("No eBay category is mapped for \"Wiper Blades\"", Assert.Single(refused.Problems));
        Assert.Equal(8, started.Queued);
        var listings = await portal.ListingsAsync();
        Assert.All(listings.Where(l => !(l.ProductId == unmapped && l.ChannelAccountId == ebay)),
            l => Assert.True(l.State == ListingState.Live, $"listing {l.Id}: {l.State} {l.LastError}"));
        Assert.Null(listings.Single(l => l.ProductId == unmapped && l.ChannelAccountId == ebay).ExternalId);

        // eBay was called for the mapped products only: nothing on the wire or in the emulator names the unmapped SKU.
        await portal.FlushCallLogAsync();
        await using var db = portal.Db.CreateDbContext();
        var ebayPaths = await db.ApiCallLogs.Where(c => c.ChannelAccountId == ebay).Select(c => c.Path).ToListAsync();
        Assert.Contains(ebayPaths, p => p.Contains("MAP-01", StringComparison.Ordinal));
        Assert.DoesNotContain(ebayPaths, p => p.Contains("WIPER-01", StringComparison.Ordinal));
        var items = await portal.Emulators.ListAsync<EbaySandboxItem>(EbaySandboxCollections.Channel, EbaySandboxCollections.Items);
        Assert.Equal(["MAP-01", "MAP-02"], items.Select(i => i.Document.Sku).Order());
        var offers = await portal.Emulators.ListAsync<EbaySandboxOffer>(EbaySandboxCollections.Channel, EbaySandboxCollections.Offers);
        Assert.Equal(["MAP-01", "MAP-02"], offers.Select(o => o.Document.Offer.Sku).Order());
    }

    [Fact]
    public async Task ARestartInTheMiddleOfABulkPublish_FinishesEveryItem_OnceOnEachChannel()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        int tiktok, amazon, ebay;
        List<int> products;
        Guid operationId;
        await using (var hostA = EmulatorPortal.Start(dataDirectory))
        {
            (tiktok, amazon, ebay) = await ConnectAllAsync(hostA);
            products = await hostA.AddProductsAsync("RST-", 12);
            await hostA.SetEbayPoliciesAsync(products, ebay);
            var started = await hostA.PublishAsync(products, tiktok, amazon, ebay);
            Assert.Equal(36, started.Queued);
            operationId = started.OperationId;

            // A dispatcher claimed TikTok and eBay work and died; for two of each its call had gone out, the answer was lost.
            var claimed = (await hostA.Queue.ClaimAsync(tiktok, 3, CancellationToken.None)).Concat(await hostA.Queue.ClaimAsync(ebay, 4, CancellationToken.None)).ToList();
            Assert.Equal(7, claimed.Count);
            foreach (var job in claimed.GroupBy(j => j.ChannelAccountId).SelectMany(g => g.Take(2)))
            {
                await hostA.SendWithoutRecordingAsync(ListingJobProduct(job), job.ChannelAccountId!.Value);
            }

            // Another is stopped halfway through Amazon's batch, calls in flight, on a slow channel.
            hostA.Faults.Set(AmazonSandboxCollections.Channel, new() { RateLimitsEnabled = false, LatencyMs = 150 });
            using var stop = new CancellationTokenSource();
            var draining = hostA.Dispatcher.DrainAccountAsync(amazon, stop.Token);
            await Eventually.HoldsAsync(async () => (await hostA.Bulk.ProgressAsync(operationId, default))!.Succeeded >= 4, TimeSpan.FromSeconds(30), "a partial drain");
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => draining);

            var midway = (await hostA.Bulk.ProgressAsync(operationId, CancellationToken.None))!;
            Assert.True(midway.Succeeded < 36 && midway.Running > 0 && midway.Pending > 0,
                $"the restart should find unfinished work: {midway.Succeeded} succeeded, {midway.Running} running, {midway.Pending} pending");
        }

        // Host B on the same portal.db and sandbox.db, with the scheduler on: expired leases return to the queue.
        await using var hostB = EmulatorPortal.Start(dataDirectory, scheduler: true);
        await Eventually.HoldsAsync(async () => (await hostB.Bulk.ProgressAsync(operationId, default))!.Done == 36, TimeSpan.FromSeconds(45), "host B to finish the operation");

        var progress = (await hostB.Bulk.ProgressAsync(operationId, CancellationToken.None))!;
        Assert.Equal((36, 36, 0, 0, 0), (progress.Total, progress.Succeeded, progress.Failed, progress.Pending, progress.Running));
        var listings = await hostB.ListingsAsync();
        Assert.Equal(36, listings.Count);
        Assert.All(listings, l => Assert.True(l.State == ListingState.Live && !string.IsNullOrEmpty(l.ExternalId), $"listing {l.Id}: {l.State} {l.LastError}"));
        var skus = (await hostB.SkusAsync(products)).Values.Order().ToList();
        await AssertEmulatorsHoldOnceAsync(hostB, skus, listings, tiktok, amazon, ebay);
    }

    [Fact]
    public async Task FiveStockChangesWhileTheChannelIsSlow_EndInOneInventoryCall_CarryingTheLastValue()
    {
        await using var portal = EmulatorPortal.Start();
        var tiktok = await portal.ConnectAsync(ChannelKind.TikTokShop);
        await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Brake Discs", "600001");
        var products = await portal.AddProductsAsync("STK-", 2);
        await portal.PublishAsync(products, tiktok);
        await portal.Dispatcher.DrainAllAsync(CancellationToken.None);
        var listings = await portal.ListingsAsync();
        Assert.All(listings, l => Assert.Equal(ListingState.Live, l.State));
        var (busy, changed) = (listings.Single(l => l.ProductId == products[0]), listings.Single(l => l.ProductId == products[1]));
        int busyVariant, changedVariant;
        await using (var db = portal.Db.CreateDbContext())
        {
            busyVariant = await db.Variants.Where(v => v.ProductId == busy.ProductId).Select(v => v.Id).SingleAsync();
            changedVariant = await db.Variants.Where(v => v.ProductId == changed.ProductId).Select(v => v.Id).SingleAsync();
        }

        // The dispatcher is busy with another SKU's push on a slow channel while the five changes arrive.
        var ledger = portal.Services.GetRequiredService<StockLedger>();
        portal.Faults.Set(TikTokShopSandboxStore.Channel, new() { RateLimitsEnabled = false, LatencyMs = 1000 });
        await ledger.SetOnHandAsync(busyVariant, 9, "count", EmulatorPortal.Clerk, StockMovementReason.Import, CancellationToken.None);
        var draining = portal.Dispatcher.DrainAllAsync(CancellationToken.None);
        var busyKey = SyncJobRequest.StockKey(tiktok, "STK-01");
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = portal.Db.CreateDbContext();
            return await db.SyncJobs.AnyAsync(j => j.DedupeKey == busyKey && j.Status == SyncJobStatus.Running);
        }, TimeSpan.FromSeconds(10), "the first push to be claimed");
        foreach (var onHand in new[] { 11, 12, 13, 14, 15 })
        {
            await ledger.SetOnHandAsync(changedVariant, onHand, "count", EmulatorPortal.Clerk, StockMovementReason.Import, CancellationToken.None);
        }

        await using (var db = portal.Db.CreateDbContext())
        {
            Assert.True(await db.SyncJobs.AnyAsync(j => j.DedupeKey == busyKey && j.Status == SyncJobStatus.Running), "the five changes should land while the first push is in flight");
        }

        await draining;
        await portal.FlushCallLogAsync();

        await using (var db = portal.Db.CreateDbContext())
        {
            var calls = await db.ApiCallLogs
                .Where(c => c.ChannelAccountId == tiktok && c.Operation == "UpdateInventory" && c.Path.Contains(changed.ExternalId!))
                .Select(c => c.HttpStatus).ToListAsync();
            Assert.Equal([200], calls);
            var jobs = await db.SyncJobs.Where(j => j.DedupeKey == SyncJobRequest.StockKey(tiktok, "STK-02")).Select(j => j.Status).ToListAsync();
            Assert.Equal([SyncJobStatus.Succeeded], jobs);
        }

        var product = await portal.Emulators.GetAsync<SandboxProduct>(TikTokShopSandboxStore.Channel, "products", changed.ExternalId!);
        Assert.Equal(15, Assert.Single(Assert.Single(product!.Product.Skus).Inventory!).Quantity);
    }

    private static int ListingJobProduct(SyncJob job) =>
        System.Text.Json.JsonSerializer.Deserialize<SellerPortal.Features.Listings.Publishing.ListingJobPayload>(job.Payload!)!.ProductId;

    private static async Task<(int TikTok, int Amazon, int Ebay)> ConnectAllAsync(EmulatorPortal portal)
    {
        var tiktok = await portal.ConnectAsync(ChannelKind.TikTokShop);
        var amazon = await portal.ConnectAsync(ChannelKind.Amazon);
        var ebay = await portal.ConnectAsync(ChannelKind.Ebay);
        var ebayMarketplace = (await portal.AccountAsync(ebay)).Region ?? "";
        await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Brake Discs", "600001");
        await portal.MapCategoryAsync(ChannelKind.Ebay, ebayMarketplace, "Brake Discs", "33564");
        return (tiktok, amazon, ebay);
    }

    /// <summary>Each SKU exactly once in each emulator's own store, under the external id the portal recorded.</summary>
    private static async Task AssertEmulatorsHoldOnceAsync(EmulatorPortal portal, List<string> skus, List<ChannelListing> listings, int tiktok, int amazon, int ebay)
    {
        var emulators = portal.Emulators;
        var shop = (await portal.AccountAsync(tiktok)).ShopId;
        var tiktokProducts = (await emulators.ListAsync<SandboxProduct>(TikTokShopSandboxStore.Channel, "products"))
            .Select(d => d.Document).Where(p => p.ShopId == shop).ToList();
        Assert.Equal(skus, tiktokProducts.SelectMany(p => p.Product.Skus).Select(s => s.SellerSku!).Order());
        Assert.Equal(
            listings.Where(l => l.ChannelAccountId == tiktok).Select(l => l.ExternalId!).Order(),
            tiktokProducts.Select(p => p.Product.Id!).Order());

        var amazonListings = await emulators.ListAsync<SandboxListing>(AmazonSandboxCollections.Channel, AmazonSandboxCollections.Listings);
        Assert.Equal(skus, amazonListings.Select(d => d.Document.Sku).Order());

        var offers = (await emulators.ListAsync<EbaySandboxOffer>(EbaySandboxCollections.Channel, EbaySandboxCollections.Offers)).Select(d => d.Document.Offer).ToList();
        Assert.Equal(skus, offers.Select(o => o.Sku!).Order());
        Assert.All(offers, o => Assert.Equal("PUBLISHED", o.Status));
        Assert.Equal(
            listings.Where(l => l.ChannelAccountId == ebay).Select(l => l.ExternalId!).Order(),
            offers.Select(o => o.Listing!.ListingId!).Order());
        Assert.Equal(skus.Count, listings.Count(l => l.ChannelAccountId == amazon));
    }
}
