using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;
using SellerPortal.Tests.Features.Orders;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>FBA stock read from getInventorySummaries over real HTTP, and kept apart from our own stock.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonFbaInventoryTests(AmazonEmulatorFixture emulator)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task GetInventorySummaries_FollowsNextTokenAcrossPages_AndReadsEveryDetail()
    {
        var skus = Enumerable.Range(1, 60).Select(i => $"FBAPG-{i:000}").ToList();
        await emulator.ControlAsync("fba-inventory", new { items = skus.Select((s, i) => new { sku = s, fulfillable = i, inbound = 1 }) });

        var seen = new Dictionary<string, InventorySummary>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await emulator.Client.GetInventorySummariesAsync(emulator.Account, null, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), next, Ct);
            foreach (var s in page.Payload!.InventorySummaries)
            {
                seen[s.SellerSku] = s;
            }

            next = page.Pagination?.NextToken;
            pages++;
        }
        while (next is not null);

        Assert.True(pages >= 2, $"{pages} page(s)");
        Assert.All(skus, s => Assert.Contains(s, seen.Keys));
        Assert.Equal((59, 60), (seen["FBAPG-060"].InventoryDetails!.FulfillableQuantity, seen["FBAPG-060"].TotalQuantity));
    }

    [Theory]
    [InlineData("granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER", "granularityType")]
    [InlineData("granularityType=Marketplace&marketplaceIds=ATVPDKIKX0DER", "granularityId")]
    [InlineData("granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER&nextToken=bogus", "nextToken")]
    public async Task TheEmulator_RejectsBadParameters_WithInvalidInput(string query, string named)
    {
        var token = await FreshTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/amazon/fba/inventory/v1/summaries?details=true&" + query);
        request.Headers.Add("x-amz-access-token", token);
        using var response = await emulator.Raw.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("InvalidInput", body);
        Assert.Contains(named, body);
    }

    [Fact]
    public async Task TheEmulator_RejectsFiftyOneSkus_AndACallWithoutAToken()
    {
        var token = await FreshTokenAsync();
        var skus = string.Join(',', Enumerable.Range(1, 51).Select(i => $"S{i}"));
        using var tooMany = new HttpRequestMessage(HttpMethod.Get,
            $"/sandbox/amazon/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER&sellerSkus={skus}");
        tooMany.Headers.Add("x-amz-access-token", token);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get,
            "/sandbox/amazon/fba/inventory/v1/summaries?details=true&granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await emulator.Raw.SendAsync(tooMany)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await emulator.Raw.SendAsync(anonymous)).StatusCode);
    }

    [Fact]
    public async Task Connector_AsksFiftySkusACall_AndReturnsOnlyTheSkusAmazonHolds()
    {
        var held = Enumerable.Range(1, 55).Select(i => $"FBACN-{i:000}").ToList();
        await emulator.ControlAsync("fba-inventory", new { items = held.Select((s, i) => new { sku = s, fulfillable = 100 + i }) });
        IFulfilledByChannelStock fba = emulator.Connector;

        var stock = await fba.GetAsync(emulator.Account, [.. held, "FBACN-NOT-HELD"], Ct);

        Assert.Equal(55, stock.Count);
        Assert.DoesNotContain(stock, s => s.Sku == "FBACN-NOT-HELD");
        Assert.Equal(154, stock.Single(s => s.Sku == "FBACN-055").Fulfillable);
    }

    [Fact]
    public async Task Reconciler_StoresTheFbaFigureInItsOwnColumn_AndLeavesOnHandAvailableAndDriftAlone()
    {
        var world = new OrdersWorld();
        var connector = emulator.Connector;
        const string sku = "FBARC-001";
        await emulator.RateLimitsAsync(false);
        var created = await connector.CreateListingAsync(emulator.Account, new ListingDraft
        {
            ProductKey = sku,
            Title = "Card binder FBA",
            Brand = "Vault X",
            Description = "Nine pockets per page.",
            ChannelFields = new Dictionary<string, string> { ["product_type"] = "PRODUCT" },
            Variants = [new ListingVariantDraft(sku, new ChannelMoney(15.00m, "USD"), 4, new Dictionary<string, string>())],
        }, Ct);
        await emulator.ControlAsync("fba-inventory", new { items = new[] { new { sku, fulfillable = 9, inbound = 3 } } });

        var accountId = await world.AddAccountAsync(ChannelKind.Amazon, "Amazon US");
        var (productId, variantId) = await world.AddProductAsync(sku, onHand: 4);
        var context = emulator.Account;
        await using (var db = world.Db.CreateDbContext())
        {
            var account = await db.ChannelAccounts.SingleAsync(a => a.Id == accountId);
            (account.SellerId, account.ShopId, account.Region) = (context.SellerId, context.ShopId, context.Region);
            account.PropertiesJson = ChannelAccountContexts.WriteProperties(context.Properties);
            var listing = new ChannelListing { ProductId = productId, ChannelAccountId = accountId, ExternalId = created.ExternalId, State = ListingState.Live };
            db.ChannelListings.Add(listing);
            await db.SaveChangesAsync();
            db.ChannelListingSkus.Add(new ChannelListingSku
            {
                ChannelListingId = listing.Id, VariantId = variantId, Sku = sku, LastPushedQuantity = 4, LastPushedUtc = OrdersWorld.Start, LastPushSucceeded = true,
            });
            await db.SaveChangesAsync();
        }

        var reconciler = new ListingReconciler(world.Db, TestChannels.Registry(connector), world.Queue, Options.Create(new ListingReconcileOptions()), world.Clock, NullLogger<ListingReconciler>.Instance);
        var result = await reconciler.ReconcileAccountAsync(accountId, Ct);

        Assert.True(result.Succeeded, result.Error);
        await using (var db = world.Db.CreateDbContext())
        {
            var row = await db.ChannelListingSkus.AsNoTracking().SingleAsync(s => s.VariantId == variantId);
            Assert.Equal((9, world.Clock.GetUtcNow().UtcDateTime), (row.ChannelFulfilledQuantity, row.ChannelFulfilledUtc));
            Assert.Equal((4, false, 4), (row.LastReadBackQuantity, row.Drift, row.LastPushedQuantity));
        }

        var explained = (await world.Inventory.ExplainAsync(variantId, Ct))!;
        Assert.Equal((4, 0, 4), (explained.OnHand, explained.Reserved, explained.Available));
        var figure = Assert.Single(explained.Channels);
        Assert.Equal((9, 4), (figure.FulfilledByChannel, figure.ShouldShow));
        var cell = Assert.Single(Assert.Single((await world.Inventory.SearchAsync(sku, false, InventorySort.Sku, false, 0, 10, Ct)).Rows).Channels);
        Assert.Equal(9, cell.FulfilledByChannel);
        Assert.Equal("Fulfilled by Amazon: 9 (read-only)", ChannelFulfilment.Describe(cell.Channel, cell.FulfilledByChannel!.Value));
        await using var check = world.Db.CreateDbContext();
        Assert.Empty(await check.SyncJobs.Where(j => j.Kind == SyncJobKind.PushStock).ToListAsync());
    }

    /// <summary>A token the emulator accepts now (another test may have expired them), with its buckets out of the way.</summary>
    private async Task<string> FreshTokenAsync()
    {
        await emulator.RateLimitsAsync(false);
        await emulator.Client.GetInventorySummariesAsync(emulator.Account, ["FBA-WARM"], null, null, Ct);
        return await emulator.Tokens.GetAccessTokenAsync(emulator.Account, Ct);
    }
}
