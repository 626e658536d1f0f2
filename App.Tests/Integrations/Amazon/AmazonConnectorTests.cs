using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Tests.Integrations.Amazon.Support;

using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>The connector over real HTTP against the emulator, connected through the consent page and LWA.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonConnectorTests(AmazonEmulatorFixture emulator)
{
    private static ListingDraft Draft(string sku, decimal price, int quantity) => new()
    {
        ProductKey = sku,
        Title = $"Card binder {sku}",
        Brand = "Vault X",
        Description = "Nine pockets per page.",
        ChannelFields = new Dictionary<string, string> { ["product_type"] = "PRODUCT" },
        Variants = [new ListingVariantDraft(sku, new ChannelMoney(price, "USD"), quantity, new Dictionary<string, string>())],
    };

    [Fact]
    public void Connect_ThroughConsentAndLwa_YieldsSellerTokensAndMarketplace()
    {
        var connected = emulator.Tokens.Connected!;

        Assert.Equal("A3SANDBOXSELLER1", connected.SellerId);
        // One account per seller per region: the same seller in Europe is another authorization and another account.
        Assert.Equal("A3SANDBOXSELLER1/NA", connected.Shops[0].ShopId);
        Assert.Equal("A3SANDBOXSELLER1", connected.Shops[0].FormerShopId);
        Assert.StartsWith("Atza|", connected.Tokens.AccessToken);
        Assert.StartsWith("Atzr|", connected.Tokens.RefreshToken);
        Assert.True(connected.Tokens.AccessTokenExpiresUtc > DateTime.UtcNow.AddMinutes(50));
        Assert.Equal("ATVPDKIKX0DER", connected.Shops[0].Properties["marketplace_id"]);
    }

    [Fact]
    public async Task FullJourney_ListUpdateSixtyInOneFeed_PageOrders_Ship_Unpublish()
    {
        await emulator.RateLimitsAsync(false);
        var connector = emulator.Connector;
        var account = emulator.Account;
        var skus = Enumerable.Range(1, 60).Select(i => $"JRNY-{i:000}").ToList();

        foreach (var sku in skus)
        {
            var created = await connector.CreateListingAsync(account, Draft(sku, 10.00m, 1), CancellationToken.None);
            Assert.Equal(sku, created.ExternalId);
        }

        var feedsBefore = (await emulator.StatsAsync()).GetProperty("feeds").GetInt32();
        var results = await connector.UpdateOffersAsync(account,
            skus.Select((sku, i) => new AmazonOfferUpdate(sku, new ChannelMoney(12.49m + i, "USD"), 5 + i)).ToList(), CancellationToken.None);
        var feedsAfter = (await emulator.StatsAsync()).GetProperty("feeds").GetInt32();

        Assert.Equal(1, feedsAfter - feedsBefore);
        Assert.Equal(60, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));

        // Read back through the listings search (20 per page) and one SKU directly.
        var seen = new Dictionary<string, ChannelSkuSnapshot>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await connector.ListListingsAsync(account, cursor, CancellationToken.None);
            foreach (var sku in page.Items.SelectMany(l => l.Skus))
            {
                seen[sku.Sku] = sku;
            }

            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.True(pages >= 3);
        Assert.Equal(new ChannelMoney(12.49m + 59, "USD"), seen["JRNY-060"].Price);
        Assert.Equal(5 + 59, seen["JRNY-060"].Quantity);
        var one = await connector.GetListingAsync(account, "JRNY-007", CancellationToken.None);
        Assert.Equal(new ChannelMoney(18.49m, "USD"), one!.Skus[0].Price);
        Assert.Equal(11, one.Skus[0].Quantity);

        // 250 orders paged through NextToken, 100 at a time. Of SKUs not listed here: a listed SKU sells only the
        // units it shows (JRNY-001..005 show a handful each), and this part is about paging.
        string[] orderSkus = ["JRNY-ELSEWHERE-1", "JRNY-ELSEWHERE-2"];
        await emulator.ControlAsync("orders", new { count = 250, skus = orderSkus, unitPrice = "12.49" });
        var orders = new List<ChannelOrder>();
        var query = new OrderQuery(DateTime.UtcNow.AddHours(-2), PageSize: 100);
        var orderPages = 0;
        do
        {
            var page = await connector.ListOrdersAsync(account, query, CancellationToken.None);
            orders.AddRange(page.Items);
            query = query with { Cursor = page.NextCursor };
            orderPages++;
        }
        while (query.Cursor is not null);

        // Other tests on the shared emulator add orders of their own SKUs; these are the journey's.
        orders = [.. orders.Where(o => o.Lines.All(l => orderSkus.Contains(l.Sku)))];
        Assert.True(orderPages >= 3);
        Assert.Equal(250, orders.Count);
        Assert.Equal(250, orders.Select(o => o.ExternalOrderId).Distinct().Count());
        Assert.All(orders, o => Assert.Equal(OrderStatus.Processing, o.Status));
        Assert.All(orders, o => Assert.Single(o.Lines));
        Assert.Contains(orders, o => o.Lines[0].Quantity == 3 && o.Lines[0].UnitPrice.Amount == 12.49m);

        // Ship one with tracking.
        var toShip = orders[17];
        await connector.MarkShippedAsync(account, new Shipment(toShip.ExternalOrderId, "USPS", "9400111899223197428490"), CancellationToken.None);
        var shipped = await connector.GetOrderAsync(account, toShip.ExternalOrderId, CancellationToken.None);
        Assert.Equal(OrderStatus.Shipped, shipped!.Status);
        Assert.Equal("SHIPPED", shipped.RawStatus);
        var again = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            connector.MarkShippedAsync(account, new Shipment(toShip.ExternalOrderId, "USPS", "1"), CancellationToken.None));
        Assert.Equal(ChannelKind.Amazon, again.Channel);

        // Unpublish.
        await connector.UnpublishListingAsync(account, new ListingRef("JRNY-001", ["JRNY-001"]), CancellationToken.None);
        Assert.Null(await connector.GetListingAsync(account, "JRNY-001", CancellationToken.None));
        Assert.NotNull(await connector.GetListingAsync(account, "JRNY-002", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateOffers_FeedMessageError_LandsOnThatSkusResult()
    {
        await emulator.RateLimitsAsync(false);
        var connector = emulator.Connector;
        foreach (var sku in new[] { "ERR-A", "ERR-B", "ERR-C" })
        {
            await connector.CreateListingAsync(emulator.Account, Draft(sku, 5m, 1), CancellationToken.None);
        }

        var results = await connector.UpdateOffersAsync(emulator.Account,
        [
            new AmazonOfferUpdate("ERR-A", new ChannelMoney(6.50m, "USD"), 2),
            new AmazonOfferUpdate("ERR-B", new ChannelMoney(0m, "USD"), 2),
            new AmazonOfferUpdate("ERR-C", null, 9),
        ], CancellationToken.None);

        Assert.True(results.Single(r => r.Sku == "ERR-A").Succeeded);
        var failed = results.Single(r => r.Sku == "ERR-B");
        Assert.False(failed.Succeeded);
        Assert.Equal("99022", failed.ErrorCode);
        Assert.Contains("purchasable_offer", failed.Error);
        Assert.True(results.Single(r => r.Sku == "ERR-C").Succeeded);
        Assert.Equal(5m, (await connector.GetListingAsync(emulator.Account, "ERR-B", CancellationToken.None))!.Skus[0].Price!.Amount);
        Assert.Equal(9, (await connector.GetListingAsync(emulator.Account, "ERR-C", CancellationToken.None))!.Skus[0].Quantity);
    }

    [Fact]
    public async Task AStockChangeForOneSku_GoesByPatchListingsItem_NotByAFeed()
    {
        await emulator.RateLimitsAsync(false);
        await emulator.Connector.CreateListingAsync(emulator.Account, Draft("PATCH-1", 5m, 9), CancellationToken.None);
        var feedsBefore = (await emulator.StatsAsync()).GetProperty("feeds").GetInt32();

        var results = await emulator.Connector.UpdateInventoryAsync(emulator.Account, [new SkuQuantity("PATCH-1", 4)], CancellationToken.None);

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal(feedsBefore, (await emulator.StatsAsync()).GetProperty("feeds").GetInt32());
        Assert.Equal(4, (await emulator.Connector.GetListingAsync(emulator.Account, "PATCH-1", CancellationToken.None))!.Skus[0].Quantity);
    }

    [Fact]
    public async Task UpdatePrices_ThroughTheContract_OneResultPerSku()
    {
        await emulator.RateLimitsAsync(false);
        await emulator.Connector.CreateListingAsync(emulator.Account, Draft("CONTRACT-1", 5m, 1), CancellationToken.None);

        var results = await emulator.Connector.UpdatePricesAsync(emulator.Account,
            [new SkuPrice("CONTRACT-1", new ChannelMoney(7.25m, "USD"))], CancellationToken.None);

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal(7.25m, (await emulator.Connector.GetListingAsync(emulator.Account, "CONTRACT-1", CancellationToken.None))!.Skus[0].Price!.Amount);
    }

    [Fact]
    public async Task CreateListing_WithoutTitle_IsRefusedWithAmazonsIssue()
    {
        await emulator.RateLimitsAsync(false);

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            emulator.Connector.CreateListingAsync(emulator.Account, Draft("NO-TITLE", 5m, 1) with { Title = "" }, CancellationToken.None));

        Assert.Equal("90220", ex.ErrorCode);
        Assert.Contains(ex.FieldErrors, e => e.Field == "item_name" && e.Sku == "NO-TITLE");
    }

    [Fact]
    public async Task SearchCatalog_ByKeywordsAndByAsin_FindsItems()
    {
        await emulator.RateLimitsAsync(false);

        var byKeywords = await emulator.Connector.SearchCatalogAsync(emulator.Account, "brake pads", null, null, CancellationToken.None);
        var byAsin = await emulator.Connector.SearchCatalogAsync(emulator.Account, null, ["B0SANDBOX03"], "ASIN", CancellationToken.None);

        Assert.Equal("B0SANDBOX02", Assert.Single(byKeywords).Asin);
        Assert.Equal("Stainless Steel Water Bottle 750 ml", Assert.Single(byAsin).Summaries![0].ItemName);
    }

    [Fact]
    public async Task ExpiredAccessToken_IsRefreshedOnceAndTheCallSucceeds()
    {
        await emulator.RateLimitsAsync(false);
        var before = emulator.Tokens.Refreshes;
        await emulator.ControlAsync("expire-access-tokens");

        var result = await emulator.Connector.TestConnectionAsync(emulator.Account, CancellationToken.None);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(before + 1, emulator.Tokens.Refreshes);
    }

    [Fact]
    public async Task ConnectWithRefreshToken_SelfAuthorized_Works_AndAWrongTokenNeedsReauthorization()
    {
        var minted = await emulator.ControlAsync("refresh-tokens");

        var connected = await emulator.Authorization.ConnectWithRefreshTokenAsync(
            minted.GetProperty("refresh_token").GetString()!, minted.GetProperty("selling_partner_id").GetString()!, "NA", null, CancellationToken.None);
        var wrong = await Assert.ThrowsAsync<ChannelAuthException>(() =>
            emulator.Authorization.ConnectWithRefreshTokenAsync("Atzr|not-a-token", "A3SANDBOXSELLER1", "NA", null, CancellationToken.None));

        Assert.Equal("A3SANDBOXSELLER1", connected.SellerId);
        // One account per seller per region: the same seller in Europe is another authorization and another account.
        Assert.Equal("A3SANDBOXSELLER1/NA", connected.Shops[0].ShopId);
        Assert.Equal("A3SANDBOXSELLER1", connected.Shops[0].FormerShopId);
        Assert.StartsWith("Atza|", connected.Tokens.AccessToken);
        Assert.Equal(minted.GetProperty("refresh_token").GetString(), connected.Tokens.RefreshToken);
        Assert.Equal("invalid_grant", wrong.ErrorCode);
        Assert.True(wrong.RequiresReauthorization);
    }

    [Fact]
    public async Task Consent_Denied_CallbackCarriesErrorAndCompleteThrows()
    {
        var url = emulator.Authorization.BuildAuthorizeUrl(new AuthorizeRequest("deny-state", AmazonTestTokenSource.RedirectUri, ChannelEnvironment.Production, "NA"));

        var consent = await SellerPortal.Tests.Integrations.Support.ConsentFlow.DecideAsync(emulator.Factory, url, approve: false);

        Assert.StartsWith(AmazonTestTokenSource.RedirectUri.ToString(), consent.Location.ToString());
        Assert.Equal("deny-state", consent.Query["state"]);
        Assert.False(consent.Query.ContainsKey("spapi_oauth_code"));
        await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Authorization.CompleteAsync(
            new AuthorizationCallback(consent.Query, AmazonTestTokenSource.RedirectUri, ChannelEnvironment.Production, "NA"), CancellationToken.None));
    }

    [Fact]
    public async Task PublishedRateLimit_QuotaExceeded_SurfacesAsRateLimitExceptionWithCodeAndRequestId()
    {
        await emulator.RateLimitsAsync(true);
        try
        {
            // searchCatalogItems: 2 per second, burst 2.
            var ex = await Assert.ThrowsAsync<ChannelRateLimitException>(async () =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await emulator.Connector.SearchCatalogAsync(emulator.Account, "binder", null, null, CancellationToken.None);
                }
            });

            Assert.Equal("QuotaExceeded", ex.ErrorCode);
            Assert.False(string.IsNullOrEmpty(ex.RequestId));
            Assert.Equal(TimeSpan.FromSeconds(0.5), ex.RetryAfter);
        }
        finally
        {
            await emulator.RateLimitsAsync(false);
        }
    }
}
