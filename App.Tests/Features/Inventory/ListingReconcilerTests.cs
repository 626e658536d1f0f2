using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Orders;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class ListingReconcilerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly OrdersWorld world = new();
    private readonly ListingsChannel ebay = new(ChannelKind.Ebay);
    private readonly ListingsChannel tiktok = new(ChannelKind.TikTokShop);

    [Fact]
    public async Task AChannelShowingAnotherQuantityThanPushed_IsFlaggedAsDrift_WithTheReadBackValueAndTime()
    {
        var (account, product, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10);
        ebay.Show("L-1", "MUG-BLUE", quantity: 7);
        world.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await Reconciler().ReconcileAccountAsync(account, Ct);

        Assert.Equal((true, 1, 1), (result.Succeeded, result.SkusRead, result.QuantityDrifts));
        var row = await RowAsync(variant);
        Assert.Equal((7, true), (row.LastReadBackQuantity, row.Drift));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, row.LastReadBackUtc);
        var figure = Assert.Single((await world.Inventory.ExplainAsync(variant, Ct))!.Channels);
        Assert.Equal((7, true, 10), (figure.LastReadBackQuantity, figure.Drift, figure.LastPushedQuantity));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, figure.LastReadBackUtc);
        var cell = Assert.Single(Assert.Single((await world.Inventory.SearchAsync("MUG-BLUE", false, InventorySort.Sku, false, 0, 10, Ct)).Rows).Channels);
        Assert.True(cell.Drift);
        Assert.Equal(7, cell.ReadBackQuantity);
    }

    [Fact]
    public async Task MatchingQuantities_AreNotFlagged_AndAnEarlierDriftIsCleared()
    {
        var (account, _, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10, drift: true);
        ebay.Show("L-1", "MUG-BLUE", quantity: 10);

        var result = await Reconciler().ReconcileAccountAsync(account, Ct);

        Assert.Equal(0, result.QuantityDrifts);
        var row = await RowAsync(variant);
        Assert.Equal((10, false), (row.LastReadBackQuantity, row.Drift));
    }

    [Fact]
    public async Task AChannelThatCountedItsOwnSale_ShowsWhatItShould_AndIsNotFlagged()
    {
        var (account, _, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 3))], OrderChangeSource.Import, Ct);
        ebay.Show("L-1", "MUG-BLUE", quantity: 7);

        await Reconciler().ReconcileAccountAsync(account, Ct);

        var row = await RowAsync(variant);
        Assert.Equal((7, false), (row.LastReadBackQuantity, row.Drift));
    }

    [Fact]
    public async Task WithAutoRepushOn_AQuantityDriftQueuesOneCoalescedPushOfTheCurrentFigure()
    {
        var (account, _, _) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 8, buffer: 2);
        ebay.Show("L-1", "MUG-BLUE", quantity: 3);
        var reconciler = Reconciler(autoRepush: true);

        await reconciler.ReconcileAccountAsync(account, Ct);
        await reconciler.ReconcileAccountAsync(account, Ct);

        var job = Assert.Single(await PushStockJobsAsync());
        Assert.Equal((account, "MUG-BLUE", SyncJobRequest.StockKey(account, "MUG-BLUE"), SyncJobStatus.Pending),
            (job.ChannelAccountId, job.Target, job.DedupeKey, job.Status));
        var payload = SyncPayload.Read<StockPushPayload>(job);
        Assert.Equal(("MUG-BLUE", 8, "L-1", "S-MUG-BLUE"), (payload.Sku, payload.Quantity, payload.ExternalId, payload.ExternalSkuId));
    }

    [Fact]
    public async Task WithAutoRepushOff_ADriftIsOnlyFlagged()
    {
        var (account, _, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10);
        ebay.Show("L-1", "MUG-BLUE", quantity: 4);

        await Reconciler(autoRepush: false).ReconcileAccountAsync(account, Ct);

        Assert.True((await RowAsync(variant)).Drift);
        Assert.Empty(await PushStockJobsAsync());
    }

    [Fact]
    public async Task AListingWeThinkLive_ThatTheChannelLacks_IsFlagged_ButADraftIsNot()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay, "eBay US");
        var (live, _) = await world.AddProductAsync("MUG-BLUE", 5);
        var (draft, _) = await world.AddProductAsync("MUG-RED", 5, "Red mug");
        var liveId = await ListAsync(live, account, "L-1", ListingState.Live);
        var draftId = await ListAsync(draft, account, "L-2", ListingState.Draft);
        ebay.Show("L-9", "SOMEONE-ELSES", quantity: 1);

        var result = await Reconciler().ReconcileAccountAsync(account, Ct);

        Assert.Equal(1, result.StatusDrifts);
        await using var db = world.Db.CreateDbContext();
        var flagged = await db.ChannelListings.SingleAsync(l => l.Id == liveId);
        Assert.Equal((true, (string?)null), (flagged.StatusDrift, flagged.ChannelStatus));
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, flagged.LastReadBackUtc);
        Assert.False((await db.ChannelListings.SingleAsync(l => l.Id == draftId)).StatusDrift);
    }

    [Fact]
    public async Task AListingWeThinkLive_ThatTheChannelShowsInactive_IsFlaggedWithTheChannelsStatus()
    {
        var (account, product, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10);
        ebay.Show("L-1", "MUG-BLUE", quantity: 10, status: "UNPUBLISHED");

        await Reconciler().ReconcileAccountAsync(account, Ct);

        var figure = Assert.Single((await world.Inventory.ExplainAsync(variant, Ct))!.Channels);
        Assert.Equal(("UNPUBLISHED", true), (figure.ChannelStatus, figure.ListingDrift));
    }

    [Fact]
    public async Task APriceOtherThanTheRulesIsFlagged_AndTheRulesOwnPriceIsNot()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay, "eBay US");
        var (blue, blueVariant) = await world.AddProductAsync("MUG-BLUE", 5);
        var (red, redVariant) = await world.AddProductAsync("MUG-RED", 5, "Red mug");
        await ListAsync(blue, account, "L-1", ListingState.Live);
        await ListAsync(red, account, "L-2", ListingState.Live, new PriceRule(PriceRuleKind.Percent, PercentBasisPoints: 1000));
        await AddSkuRowAsync(blueVariant, "MUG-BLUE", 5);
        await AddSkuRowAsync(redVariant, "MUG-RED", 5);
        ebay.Show("L-1", "MUG-BLUE", quantity: 5, price: 14.00m);
        ebay.Show("L-2", "MUG-RED", quantity: 5, price: 16.50m);

        var result = await Reconciler().ReconcileAccountAsync(account, Ct);

        Assert.Equal(1, result.PriceDrifts);
        var blueRow = await RowAsync(blueVariant);
        Assert.Equal((1400L, "USD", true), (blueRow.LastReadBackPriceMinor, blueRow.LastReadBackCurrency, blueRow.PriceDrift));
        Assert.False((await RowAsync(redVariant)).PriceDrift);
        var figure = Assert.Single((await world.Inventory.ExplainAsync(blueVariant, Ct))!.Channels);
        Assert.Equal((new Money(1500, "USD"), new Money(1400, "USD"), true), (figure.ShouldPrice, figure.ReadBackPrice, figure.PriceDrift));
    }

    [Fact]
    public async Task ManyListings_AreReadPageByPage_AndEveryPageIsRecorded()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay, "eBay US");
        var variants = new List<int>();
        for (var i = 1; i <= 5; i++)
        {
            var (product, variant) = await world.AddProductAsync($"SKU-{i}", 5, $"Mug {i}");
            await ListAsync(product, account, $"L-{i}", ListingState.Live);
            await AddSkuRowAsync(variant, $"SKU-{i}", 5);
            ebay.Show($"L-{i}", $"SKU-{i}", quantity: i);
            variants.Add(variant);
        }

        var result = await Reconciler().ReconcileAccountAsync(account, Ct);

        Assert.Equal([null, "2", "4"], ebay.CursorsAsked);
        Assert.Equal((5, 4, 0), (result.SkusRead, result.QuantityDrifts, result.StatusDrifts));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(i + 1, (await RowAsync(variants[i])).LastReadBackQuantity);
        }
    }

    [Fact]
    public async Task OneAccountsConnectorThrowing_DoesNotStopTheOthers_AndItsCheckKeepsTheError()
    {
        var failing = await world.AddAccountAsync(ChannelKind.TikTokShop, "TikTok UK");
        var (account, _, variant) = await ListedAsync("MUG-BLUE", onHand: 10, pushed: 10);
        tiktok.Failure = new ChannelServerException(ChannelKind.TikTokShop, "The channel is having a bad minute", "500");
        ebay.Show("L-1", "MUG-BLUE", quantity: 6);

        var results = await Reconciler().ReconcileAllAsync(Ct);

        Assert.Equal([failing, account], results.Select(r => r.AccountId));
        Assert.False(results[0].Succeeded);
        Assert.True(results[1].Succeeded);
        Assert.Equal((6, true), ((await RowAsync(variant)).LastReadBackQuantity, (await RowAsync(variant)).Drift));
        await using var db = world.Db.CreateDbContext();
        var checks = await db.ListingReconcileChecks.ToDictionaryAsync(c => c.ChannelAccountId);
        Assert.Contains("bad minute", checks[failing].LastError);
        Assert.Null(checks[failing].LastSuccessUtc);
        Assert.Null(checks[account].LastError);
        Assert.Equal((1, 1), (checks[account].SkusRead, checks[account].QuantityDrifts));
    }

    [Fact]
    public async Task OnlyConnectedAccountsOfChannelsThatListListings_AreReconciled()
    {
        var connected = await world.AddAccountAsync(ChannelKind.Ebay);
        var disconnected = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.AddAccountAsync(ChannelKind.Amazon);
        await using (var db = world.Db.CreateDbContext())
        {
            await db.ChannelAccounts.Where(a => a.Id == disconnected).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ChannelAccountStatus.Disconnected));
        }

        Assert.Equal([connected], await Reconciler().AccountIdsAsync(Ct));
    }

    [Theory]
    [InlineData(ChannelKind.TikTokShop, "ACTIVATE", ChannelListingActivity.Active)]
    [InlineData(ChannelKind.TikTokShop, "SELLER_DEACTIVATED", ChannelListingActivity.Inactive)]
    [InlineData(ChannelKind.TikTokShop, "PENDING", ChannelListingActivity.Unknown)]
    [InlineData(ChannelKind.Ebay, "PUBLISHED", ChannelListingActivity.Active)]
    [InlineData(ChannelKind.Ebay, "UNPUBLISHED", ChannelListingActivity.Inactive)]
    [InlineData(ChannelKind.Amazon, "BUYABLE,DISCOVERABLE", ChannelListingActivity.Active)]
    [InlineData(ChannelKind.Amazon, "DISCOVERABLE", ChannelListingActivity.Inactive)]
    [InlineData(ChannelKind.Amazon, "UNKNOWN", ChannelListingActivity.Unknown)]
    public void DescriptorStatusWords_ReadAsActiveOrNot(ChannelKind channel, string status, ChannelListingActivity expected) =>
        Assert.Equal(expected, TestChannels.Registry().Describe(channel).ReadListingStatus(status));

    private ListingReconciler Reconciler(bool autoRepush = false) =>
        new(world.Db, TestChannels.Registry(ebay, tiktok), world.Queue, Options.Create(new ListingReconcileOptions { AutoRepush = autoRepush }), world.Clock, NullLogger<ListingReconciler>.Instance);

    /// <summary>An eBay account with one live listing "L-1" of one SKU whose last push is recorded.</summary>
    private async Task<(int Account, int Product, int Variant)> ListedAsync(string sku, int onHand, int pushed, int buffer = 0, bool drift = false)
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay, "eBay US");
        var (product, variant) = await world.AddProductAsync(sku, onHand);
        await ListAsync(product, account, "L-1", ListingState.Live, buffer: buffer);
        await AddSkuRowAsync(variant, sku, pushed, drift);
        return (account, product, variant);
    }

    private async Task<int> ListAsync(int productId, int accountId, string externalId, ListingState state, PriceRule? rule = null, int buffer = 0)
    {
        await using var db = world.Db.CreateDbContext();
        var listing = new ChannelListing { ProductId = productId, ChannelAccountId = accountId, ExternalId = externalId, State = state, QuantityBuffer = buffer };
        listing.PriceRule = rule ?? PriceRule.Base;
        db.ChannelListings.Add(listing);
        await db.SaveChangesAsync();
        return listing.Id;
    }

    private async Task AddSkuRowAsync(int variantId, string sku, int pushed, bool drift = false)
    {
        await using var db = world.Db.CreateDbContext();
        var productId = await db.Variants.Where(v => v.Id == variantId).Select(v => v.ProductId).SingleAsync();
        var listingId = await db.ChannelListings.Where(l => l.ProductId == productId).Select(l => l.Id).SingleAsync();
        db.ChannelListingSkus.Add(new ChannelListingSku
        {
            ChannelListingId = listingId, VariantId = variantId, Sku = sku, ExternalSkuId = $"S-{sku}",
            LastPushedQuantity = pushed, LastPushedUtc = OrdersWorld.Start, LastPushSucceeded = true, Drift = drift,
        });
        await db.SaveChangesAsync();
    }

    private async Task<ChannelListingSku> RowAsync(int variantId)
    {
        await using var db = world.Db.CreateDbContext();
        return await db.ChannelListingSkus.AsNoTracking().SingleAsync(s => s.VariantId == variantId);
    }

    private async Task<List<SyncJob>> PushStockJobsAsync()
    {
        await using var db = world.Db.CreateDbContext();
        return await db.SyncJobs.AsNoTracking().Where(j => j.Kind == SyncJobKind.PushStock).ToListAsync();
    }
}
