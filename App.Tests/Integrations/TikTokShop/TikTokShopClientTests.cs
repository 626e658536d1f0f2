using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Integrations.TikTokShop.Dto;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>The typed client and connector against the emulator over HTTP, signed for real.</summary>
public sealed class TikTokShopClientTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    [Fact]
    public async Task Product_CreateSearchStockDeactivate_IsReflectedByTheEmulator()
    {
        var account = await emulator.Tokens.ConnectAsync("Products Seller");
        var connector = emulator.Connector;

        var created = await connector.CreateListingAsync(account, Draft("P-100", "BINDER-BLK", "BINDER-RED"), default);
        var found = await emulator.Client.SearchProductsAsync(account, new TikTokProductSearchRequest { SellerSkus = ["BINDER-RED"] }, 10, null, default);
        var results = await connector.UpdateInventoryAsync(account,
        [
            new SkuQuantity("BINDER-BLK", 7, created.ExternalId, created.ExternalSkuIds["BINDER-BLK"]),
            new SkuQuantity("BINDER-RED", 0, created.ExternalId, created.ExternalSkuIds["BINDER-RED"]),
        ], default);
        await connector.UnpublishListingAsync(account, new ListingRef(created.ExternalId, ["BINDER-BLK", "BINDER-RED"]), default);

        var product = Assert.Single(found.Products);
        Assert.Equal(created.ExternalId, product.Id);
        Assert.Equal("ACTIVATE", product.Status);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        var listed = await connector.ListListingsAsync(account, null, default);
        var snapshot = Assert.Single(listed.Items);
        Assert.Equal("SELLER_DEACTIVATED", snapshot.Status);
        Assert.Equal(7, snapshot.Skus.Single(s => s.Sku == "BINDER-BLK").Quantity);
        Assert.Equal(0, snapshot.Skus.Single(s => s.Sku == "BINDER-RED").Quantity);
        Assert.Equal(new ChannelMoney(19.99m, "USD"), snapshot.Skus.Single(s => s.Sku == "BINDER-BLK").Price);
    }

    [Fact]
    public async Task UpdateListing_FullEdit_KeepsSkuIdsAndDropsOmittedVariants()
    {
        var account = await emulator.Tokens.ConnectAsync("Editing Seller");
        var created = await emulator.Connector.CreateListingAsync(account, Draft("P-150", "DECK-S", "DECK-L"), default);
        var edit = Draft("P-150", "DECK-S") with { ExternalId = created.ExternalId, Title = "Deck box, small" };
        edit = edit with { Variants = [edit.Variants[0] with { ExternalSkuId = created.ExternalSkuIds["DECK-S"] }] };

        var updated = await emulator.Connector.UpdateListingAsync(account, edit, default);

        var product = await emulator.Client.GetProductAsync(account, created.ExternalId, default);
        Assert.Equal("Deck box, small", product.Title);
        var sku = Assert.Single(product.Skus);
        Assert.Equal(created.ExternalSkuIds["DECK-S"], sku.Id);
        Assert.Equal(created.ExternalSkuIds["DECK-S"], updated.ExternalSkuIds["DECK-S"]);
    }

    [Fact]
    public async Task Create_RetriedWithTheSameIdempotencyKey_ReturnsTheSameProduct()
    {
        var account = await emulator.Tokens.ConnectAsync("Idempotent Seller");
        var image = await emulator.Client.UploadProductImageAsync(account, MerchantImageHost.Png(800, 800), "idem.png", "image/png", TikTokShopImages.MainImageUseCase, default);
        var request = TikTokShopMapper.ToCreateProductRequest(Draft("P-175", "IDEM-1"), (await emulator.Client.GetWarehousesAsync(account, default)).Warehouses[0].Id, [image.Uri]);

        var first = await emulator.Client.CreateProductAsync(account, request, default);
        var second = await emulator.Client.CreateProductAsync(account, request, default);

        Assert.Equal(first.ProductId, second.ProductId);
        var all = await emulator.Client.SearchProductsAsync(account, new TikTokProductSearchRequest(), 100, null, default);
        Assert.Equal(1, all.TotalCount);
    }

    [Fact]
    public async Task Orders_ForeignPageToken_IsAValidationError()
    {
        var account = await emulator.Tokens.ConnectAsync("Token Seller");

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            emulator.Connector.ListOrdersAsync(account, new OrderQuery(DateTime.UtcNow.AddDays(-1), Cursor: "not-a-token"), default));

        Assert.Equal(400, ex.HttpStatus);
        Assert.Contains("page_token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prices_UpdatePerProduct_AreReflected()
    {
        var account = await emulator.Tokens.ConnectAsync("Prices Seller");
        var created = await emulator.Connector.CreateListingAsync(account, Draft("P-200", "SLEEVES-100"), default);

        var results = await emulator.Connector.UpdatePricesAsync(account,
            [new SkuPrice("SLEEVES-100", new ChannelMoney(12.5m, "USD"), created.ExternalId, created.ExternalSkuIds["SLEEVES-100"])], default);

        Assert.True(Assert.Single(results).Succeeded);
        var product = await emulator.Client.GetProductAsync(account, created.ExternalId, default);
        Assert.Equal("12.50", product.Skus[0].Price!.TaxExclusivePrice);
    }

    [Fact]
    public async Task Inventory_UnlinkedOrUnknownProducts_FailPerSkuWhileOthersSucceed()
    {
        var account = await emulator.Tokens.ConnectAsync("Mixed Seller");
        var created = await emulator.Connector.CreateListingAsync(account, Draft("P-250", "MIX-1"), default);

        var results = await emulator.Connector.UpdateInventoryAsync(account,
        [
            new SkuQuantity("MIX-1", 4, created.ExternalId, created.ExternalSkuIds["MIX-1"]),
            new SkuQuantity("GONE-1", 4, "1000000000000000000", "2000000000000000000"),
            new SkuQuantity("NEW-1", 4),
        ], default);

        Assert.True(results.Single(r => r.Sku == "MIX-1").Succeeded);
        Assert.Equal("12052048", results.Single(r => r.Sku == "GONE-1").ErrorCode);
        Assert.Equal("not_linked", results.Single(r => r.Sku == "NEW-1").ErrorCode);
    }

    [Fact]
    public async Task PublishedAgainAfterAnUnpublish_TheEditedProductIsBackOnSale()
    {
        var account = await emulator.Tokens.ConnectAsync("Relisting Seller");
        var created = await emulator.Connector.CreateListingAsync(account, Draft("P-RE", "RELIST-1"), default);
        await emulator.Connector.UnpublishListingAsync(account, new ListingRef(created.ExternalId, ["RELIST-1"]), default);
        var off = (await emulator.Client.GetProductAsync(account, created.ExternalId, default)).Status;

        var edit = Draft("P-RE", "RELIST-1") with { ExternalId = created.ExternalId, Title = "Relisted" };
        await emulator.Connector.UpdateListingAsync(account, edit with { Variants = [edit.Variants[0] with { ExternalSkuId = created.ExternalSkuIds["RELIST-1"] }] }, default);

        var product = await emulator.Client.GetProductAsync(account, created.ExternalId, default);
        Assert.Equal(TikTokShopConnector.SellerDeactivated, off);
        Assert.Equal(("ACTIVATE", "Relisted"), (product.Status, product.Title));
    }

    [Fact]
    public async Task Inventory_UnknownWarehouse_ComesBackAsAPerSkuFailureInsideASuccess()
    {
        var account = await emulator.Tokens.ConnectAsync("Warehouse Seller");
        var created = await emulator.Connector.CreateListingAsync(account, Draft("P-300", "MAT-1"), default);
        var skuId = created.ExternalSkuIds["MAT-1"];

        var answer = await emulator.Client.UpdateInventoryAsync(account, created.ExternalId,
            new TikTokInventoryUpdate([new TikTokSkuInventory(skuId, [new TikTokInventory { WarehouseId = "1", Quantity = 3 }])]), default);

        var listedIn = (await emulator.Client.GetWarehousesAsync(account, default)).Warehouses[0].Id;
        var error = Assert.Single(answer.Errors!);
        Assert.Equal(skuId, error.Detail!.SkuId);
        Assert.Equal(
            [("1", 12052097), (listedIn, 12052098)],
            error.Detail.ExtraErrors!.Select(e => (e.WarehouseId, e.Code)).OrderBy(e => e.Item2));
    }

    [Fact]
    public async Task Orders_PagedWithPageTokens_ReturnEveryOrderOnce()
    {
        var account = await emulator.Tokens.ConnectAsync("Orders Seller");
        var since = DateTime.UtcNow.AddMinutes(-1);
        var generated = await GenerateOrdersAsync(account, 25, "CASE-1");

        var seen = new List<ChannelOrder>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await emulator.Connector.ListOrdersAsync(account, new OrderQuery(since, Cursor: cursor, PageSize: 10), default);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(generated.OrderBy(x => x), seen.Select(o => o.ExternalOrderId).OrderBy(x => x));
        Assert.All(seen, o => Assert.Equal(OrderStatus.Processing, o.Status));
        Assert.All(seen, o => Assert.Equal("CASE-1", Assert.Single(o.Lines).Sku));
    }

    [Fact]
    public async Task MarkShipped_WithCarrierName_SetsTrackingOnTheEmulatorsOrder()
    {
        var account = await emulator.Tokens.ConnectAsync("Shipping Seller");
        var orderId = Assert.Single(await GenerateOrdersAsync(account, 1, "SHIP-1", "SHIP-2"));

        await emulator.Connector.MarkShippedAsync(account, new Shipment(orderId, "UPS", "1Z999AA10123456784"), default);

        var stored = await emulator.Portal.GetFromJsonAsync<JsonElement>($"/sandbox/tiktok/_control/orders/{orderId}");
        Assert.Equal("IN_TRANSIT", stored.GetProperty("status").GetString());
        Assert.Equal("1Z999AA10123456784", stored.GetProperty("tracking_number").GetString());
        Assert.Equal("UPS", stored.GetProperty("shipping_provider").GetString());
        Assert.All(stored.GetProperty("line_items").EnumerateArray(), l => Assert.Equal("1Z999AA10123456784", l.GetProperty("tracking_number").GetString()));
        var mapped = await emulator.Connector.GetOrderAsync(account, orderId, default);
        Assert.Equal(OrderStatus.Shipped, mapped!.Status);
    }

    [Fact]
    public async Task MarkShipped_UnknownCarrier_IsAValidationErrorNamingTheChoices()
    {
        var account = await emulator.Tokens.ConnectAsync("Carrier Seller");
        var orderId = Assert.Single(await GenerateOrdersAsync(account, 1, "C-1"));

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            emulator.Connector.MarkShippedAsync(account, new Shipment(orderId, "Pigeon Post", "X1"), default));

        Assert.Contains("USPS", Assert.Single(ex.FieldErrors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_IsRejectedWithTikToksBadSignCode_AsAnAuthError()
    {
        var account = await emulator.Tokens.ConnectAsync("Sign Seller");
        var token = emulator.Tokens.Tokens(account).AccessToken;
        var wrongClient = emulator.BuildClientServices("not-the-secret").GetRequiredService<TikTokShopClient>();

        var ex = await Assert.ThrowsAsync<ChannelAuthException>(() => wrongClient.GetAuthorizedShopsAsync(account, token, default));

        Assert.Equal("106001", ex.ErrorCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.Equal(401, ex.HttpStatus);
    }

    [Fact]
    public async Task WrongSign_OverRawHttp_AnswersTikToksErrorEnvelope()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var response = await emulator.Portal.GetAsync(
            $"/sandbox/tiktok/authorization/202309/shops?app_key={TikTokShopEmulatorFixture.AppKey}&timestamp={now}&sign=00ff");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(106001, body.GetProperty("code").GetInt32());
        Assert.Contains("sign", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("request_id").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task StaleTimestamp_IsRefusedWith36009004()
    {
        var path = "/authorization/202309/shops";
        var query = new Dictionary<string, string> { ["app_key"] = TikTokShopEmulatorFixture.AppKey, ["timestamp"] = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var sign = TikTokShopSigner.Sign(path, query, null, TikTokShopEmulatorFixture.AppSecret);

        var response = await emulator.Portal.GetAsync($"/sandbox/tiktok{path}?app_key={query["app_key"]}&timestamp={query["timestamp"]}&sign={sign}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(36009004, body.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task ShopScopedCall_WithoutCipher_IsRefusedWith106013()
    {
        var account = await emulator.Tokens.ConnectAsync("Cipherless Seller");
        var withoutCipher = account with { Properties = new Dictionary<string, string>() };

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() => emulator.Client.GetWarehousesAsync(withoutCipher, default));

        Assert.Equal("106013", ex.ErrorCode);
    }

    [Fact]
    public async Task RejectedAccessToken_IsRefreshedOnceAndTheCallResent()
    {
        var account = await emulator.Tokens.ConnectAsync("Refresh Seller");
        var before = emulator.Tokens.Refreshes;
        emulator.Tokens.Spoil(account);

        var shops = await emulator.Client.GetAuthorizedShopsAsync(account, default);

        Assert.Equal(account.ShopId, Assert.Single(shops.Shops).Id);
        Assert.Equal(before + 1, emulator.Tokens.Refreshes);
        Assert.StartsWith("TTP_", emulator.Tokens.Tokens(account).AccessToken, StringComparison.Ordinal);
        Assert.NotEqual("TTP_spoiled", emulator.Tokens.Tokens(account).AccessToken);
    }

    [Fact]
    public async Task InjectedRateLimit_SurfacesAsRateLimitWithTikToksCode()
    {
        var account = await emulator.Tokens.ConnectAsync("Busy Seller");
        (await emulator.ControlAsync("faults?queue429=1", new { retryAfterSeconds = 2 })).EnsureSuccessStatusCode();

        var ex = await Assert.ThrowsAsync<ChannelRateLimitException>(() => emulator.Client.GetWarehousesAsync(account, default));

        Assert.Equal("36009002", ex.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
        await emulator.ResetFaultsAsync();
    }

    [Fact]
    public void SandboxRegistration_PointsThePortalsOptionsAtTheEmulator()
    {
        var options = emulator.Factory.Services.GetRequiredService<IOptions<TikTokShopOptions>>().Value;

        var emulatorBase = SandboxOptions.DefaultPortalBaseUrl + "/sandbox/tiktok";
        Assert.Equal(emulatorBase, options.ApiBaseUrl);
        Assert.Equal(emulatorBase, options.AuthBaseUrl);
        Assert.Equal(emulatorBase + "/oauth/authorize", options.AuthorizePageUrl);
        Assert.Equal(TikTokShopEmulatorFixture.AppKey, options.AppKey);
    }

    private async Task<IReadOnlyList<string>> GenerateOrdersAsync(ChannelAccountContext account, int count, params string[] skus)
    {
        var response = await emulator.ControlAsync("orders", new { shop_id = account.ShopId, count, seller_skus = skus });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("order_ids").EnumerateArray().Select(e => e.GetString()!)];
    }

    private static ListingDraft Draft(string key, params string[] skus) => new()
    {
        ProductKey = key,
        Title = $"Product {key}",
        CategoryId = "600001",
        ImageUrls = [$"{MerchantImageHost.Base}/800x800/{key}.png"],
        Variants = [.. skus.Select((s, i) => new ListingVariantDraft(s, new ChannelMoney(19.99m + i, "USD"), 5,
            new Dictionary<string, string> { ["Color"] = s }, WeightGrams: 500))],
    };
}
