using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Sync;

namespace SellerPortal.Tests.Features.Listings;

public sealed class BulkPublishTests
{
    private static readonly Actor Clerk = new("u1", "clerk@example.com");
    private readonly ListingsTestBed bed = new();

    [Fact]
    public async Task ThreeProductsToThreeChannels_ReachLive_WithExternalIds()
    {
        var accounts = await bed.AddAccountsAsync();
        await bed.MapEbayCategoryAsync("Brake Pads", "33564");
        var products = new[] { await bed.AddProductAsync("BP-1"), await bed.AddProductAsync("BP-2"), await bed.AddProductAsync("BP-3") };

        var started = await bed.Bulk.PublishAsync(products, accounts.Select(a => new ChannelPlan(a, PriceRule.Base)).ToList(), Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts);

        Assert.Equal(9, started.Queued);
        Assert.Empty(started.Refused);
        await using var db = bed.Db.CreateDbContext();
        var listings = await db.ChannelListings.ToListAsync();
        Assert.Equal(9, listings.Count);
        Assert.All(listings, l => Assert.Equal(ListingState.Live, l.State));
        Assert.All(listings, l => Assert.False(string.IsNullOrEmpty(l.ExternalId)));
        Assert.Equal(3, bed.Ebay.Listings.Count);
        Assert.All(bed.Ebay.Listings.Values, d => Assert.Equal("33564", d.CategoryId));
        var progress = await bed.Bulk.ProgressAsync(started.OperationId, CancellationToken.None);
        Assert.Equal(9, progress!.Succeeded);
        Assert.True(progress.Finished);
    }

    [Fact]
    public async Task AnUnmappedEbayCategory_FailsOnlyThatItem_WithANamedReason_AndNoCall()
    {
        var accounts = await bed.AddAccountsAsync();
        await bed.MapEbayCategoryAsync("Brake Pads", "33564");
        var mapped = await bed.AddProductAsync("BP-1");
        var unmapped = await bed.AddProductAsync("WIPER-1", category: "Wiper Blades");

        var started = await bed.Bulk.PublishAsync([mapped, unmapped], accounts.Select(a => new ChannelPlan(a, PriceRule.Base)).ToList(), Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts);

        var refused = Assert.Single(started.Refused);
        Assert.Equal(unmapped, refused.ProductId);
        Assert.Equal(accounts[1], refused.ChannelAccountId);
        Assert.Contains("No eBay category is mapped for \"Wiper Blades\"", Assert.Single(refused.Problems));
        Assert.Equal(5, started.Queued);
        Assert.Single(bed.Ebay.Listings);
        Assert.Equal(1, bed.Ebay.CreateCalls);
    }

    [Fact]
    public async Task AMissingRequiredAspect_IsNamed_BeforeAnyCall()
    {
        var accounts = await bed.AddAccountsAsync();
        await bed.MapEbayCategoryAsync("Brake Pads", "33564", "Year", "Make", "Model", "Engine");
        var product = await bed.AddProductAsync("BP-9", attributes: [("Year", "2019"), ("Make", "Ford")]);

        var problems = await bed.Publisher.CheckAsync(product, accounts[1], CancellationToken.None);

        Assert.Contains(problems, p => p.Contains("missing: Model, Engine", StringComparison.Ordinal));
        Assert.Equal(0, bed.Ebay.CreateCalls);
    }

    [Fact]
    public async Task APriceBelowCostPlusFeesPlusMargin_IsRefusedWithTheFigures()
    {
        var accounts = await bed.AddAccountsAsync();
        await bed.MapEbayCategoryAsync("Brake Pads", "33564");
        var product = await bed.AddProductAsync("BP-LOW", priceMinor: 1000, costMinor: 900);

        var started = await bed.Bulk.PublishAsync([product], [new ChannelPlan(accounts[1], PriceRule.Base)], Clerk, CancellationToken.None);

        var refused = Assert.Single(started.Refused);
        var message = Assert.Single(refused.Problems);
        Assert.Contains("Below the floor", message);
        Assert.Contains("cost 9.00 USD", message);
        Assert.Equal(0, started.Queued);
    }

    [Fact]
    public async Task Preview_ComputesPerChannelPricesWithRounding_AndFlagsTheMargin()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("BP-1", priceMinor: 2000, costMinor: 1900);

        var preview = await bed.Bulk.PreviewAsync([product],
            [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Percent, 1000, Rounding: PriceRounding.To99)), new ChannelPlan(accounts[2], PriceRule.Base)],
            maxRows: 100, CancellationToken.None);

        var tiktok = preview.Prices.Single(p => p.ChannelAccountId == accounts[0]);
        var amazon = preview.Prices.Single(p => p.ChannelAccountId == accounts[2]);
        Assert.Equal(2299, tiktok.ChannelPrice.AmountMinor);
        Assert.False(tiktok.BelowFloor);
        Assert.Equal(2000, amazon.ChannelPrice.AmountMinor);
        Assert.True(amazon.BelowFloor);
    }

    [Fact]
    public async Task ABulkPriceUpdate_GoesOutInTheChannelsBatchCalls()
    {
        var accounts = await bed.AddAccountsAsync();
        var products = new List<int>();
        for (var i = 0; i < 60; i++)
        {
            products.Add(await bed.AddProductAsync($"SKU-{i:00}"));
        }

        await bed.Bulk.PublishAsync(products, [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        var started = await bed.Bulk.UpdatePricesAsync(products, [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Amount, AmountMinor: 100))], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        Assert.Equal(60, started.Queued);
        Assert.Equal(3, bed.TikTok.PriceCalls);
        Assert.All(bed.TikTok.Prices.Values, p => Assert.Equal(26.00m, p));
    }

    [Fact]
    public async Task PriceAndStockPushes_CarryTheSkuIdsThePublishAnswered()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("SKU-ID-1");
        await bed.Bulk.PublishAsync([product], [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        await bed.Bulk.UpdatePricesAsync([product], [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Amount, AmountMinor: 100))], Clerk, CancellationToken.None);
        await bed.Bulk.SyncInventoryAsync([product], [accounts[0]], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        // The fake channel answers a create with sku id "sku-{SKU}", as TikTok answers with its sku_ids.
        Assert.Equal(("sku-SKU-ID-1", 26.00m), (bed.TikTok.PriceSkuIds["SKU-ID-1"], bed.TikTok.Prices["SKU-ID-1"]));
        Assert.Equal(("sku-SKU-ID-1", 7), (bed.TikTok.StockSkuIds["SKU-ID-1"], bed.TikTok.Quantities["SKU-ID-1"]));
    }

    [Fact]
    public async Task APriceQueuedBeforeThePublishAnswered_GoesOutWithTheSkuIdsRecordedSince()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("LATE-1");
        await bed.Bulk.PublishAsync([product], [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);
        await SetSkuIdAsync("LATE-1", null);

        await bed.Bulk.UpdatePricesAsync([product], [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Amount, AmountMinor: 100))], Clerk, CancellationToken.None);
        // The channel's answer (a republish, a read-back) is recorded after the price was queued and before it runs.
        await SetSkuIdAsync("LATE-1", "sku-answered-later");
        await bed.DrainAsync(accounts[0]);

        Assert.Equal(("sku-answered-later", 26.00m), (bed.TikTok.PriceSkuIds["LATE-1"], bed.TikTok.Prices["LATE-1"]));
    }

    [Fact]
    public async Task PushesQueuedByTheOldCode_WithIdsAndOnHandInTheirPayloads_StillGoOutRight()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("OLD-1");
        await bed.Bulk.PublishAsync([product], [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        // Payloads as the previous release wrote them: the ids looked up when queued (none yet here), and on hand.
        await bed.Queue.EnqueueAsync(new SyncJobRequest(accounts[0], SyncJobKind.PushPrice, "OLD-1",
            """{"sku":"OLD-1","amount":24.5,"currency":"USD","externalId":null,"externalSkuId":null}""",
            SyncJobRequest.PriceKey(accounts[0], "OLD-1")), CancellationToken.None);
        await bed.Queue.EnqueueAsync(new SyncJobRequest(accounts[0], SyncJobKind.PushStock, "OLD-1",
            """{"sku":"OLD-1","quantity":99,"externalId":null,"externalSkuId":null}""",
            SyncJobRequest.StockKey(accounts[0], "OLD-1")), CancellationToken.None);
        var summary = await bed.Dispatcher.DrainAccountAsync(accounts[0], CancellationToken.None);

        Assert.Equal((2, 0), (summary.Succeeded, summary.Failed));
        Assert.Equal(("sku-OLD-1", 24.5m), (bed.TikTok.PriceSkuIds["OLD-1"], bed.TikTok.Prices["OLD-1"]));
        Assert.Equal(("sku-OLD-1", 7), (bed.TikTok.StockSkuIds["OLD-1"], bed.TikTok.Quantities["OLD-1"]));
    }

    [Fact]
    public async Task ALaterPriceForTheSameSku_ReplacesTheQueuedOne_AndGoesOutOnce()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("CO-1");
        await bed.Bulk.PublishAsync([product], [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        await bed.Bulk.UpdatePricesAsync([product], [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Amount, AmountMinor: 100))], Clerk, CancellationToken.None);
        await bed.Bulk.UpdatePricesAsync([product], [new ChannelPlan(accounts[0], new PriceRule(PriceRuleKind.Amount, AmountMinor: 300))], Clerk, CancellationToken.None);
        await bed.DrainAsync(accounts[0]);

        // Bulk jobs coalesce when claimed: the older one is cancelled as superseded, the newer one goes out.
        Assert.Equal(1, bed.TikTok.PriceCalls);
        Assert.Equal(("sku-CO-1", 28.00m), (bed.TikTok.PriceSkuIds["CO-1"], bed.TikTok.Prices["CO-1"]));
        await using var db = bed.Db.CreateDbContext();
        var statuses = await db.SyncJobs.Where(j => j.Kind == SyncJobKind.PushPrice).OrderBy(j => j.Id).Select(j => j.Status).ToListAsync();
        Assert.Equal([SyncJobStatus.Cancelled, SyncJobStatus.Succeeded], statuses);
    }

    private async Task SetSkuIdAsync(string sku, string? externalSkuId)
    {
        await using var db = bed.Db.CreateDbContext();
        Assert.Equal(1, await db.ChannelListingSkus.Where(s => s.Sku == sku).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExternalSkuId, externalSkuId)));
    }

    [Fact]
    public async Task ARestartMidOperation_FinishesIt_WithNothingLostOrDuplicated()
    {
        var accounts = await bed.AddAccountsAsync();
        var products = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            products.Add(await bed.AddProductAsync($"R-{i:00}"));
        }

        var started = await bed.Bulk.PublishAsync(products, [new ChannelPlan(accounts[0], PriceRule.Base)], Clerk, CancellationToken.None);
        // The first process claims a few jobs and dies before finishing them.
        var orphaned = await bed.Queue.ClaimAsync(accounts[0], 5, CancellationToken.None);
        Assert.Equal(5, orphaned.Count);

        // A new process on the same database, with the same channel, after the lease ran out.
        var restarted = new ListingsTestBed(bed.Db);
        await using (var db = bed.Db.CreateDbContext())
        {
            await db.SyncJobs.Where(j => j.Status == SyncJobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        await restarted.DrainAsync(accounts[0]);

        Assert.Equal(12, restarted.TikTok.CreateCalls);
        Assert.Equal(12, restarted.TikTok.Listings.Count);
        var progress = await restarted.Bulk.ProgressAsync(started.OperationId, CancellationToken.None);
        Assert.Equal(12, progress!.Succeeded);
        Assert.Equal(0, progress.Pending + progress.Running + progress.Failed);
    }
}
