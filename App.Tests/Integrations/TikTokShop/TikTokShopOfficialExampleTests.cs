using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Integrations.TikTokShop.Dto;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop's official examples, read in place, as the truth the client is held to (issue 20): each request we
/// send has the official request's names, casing, nesting and JSON types; each official answer is read with its
/// values; the official error envelope becomes the typed error with TikTok's code. Offline: the answers are served
/// by <see cref="TikTokWireRecorder"/> exactly as published.
/// </summary>
public sealed class TikTokShopOfficialExampleTests
{
    private const string ProductId = "1729592969712207008";
    private const string SkuId = "1729592969712207013";
    private const string WarehouseId = "7068517275539719942";
    private const string OtherWarehouseId = "7068517275539710001";
    private const string UploadedUri = "tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe";

    private static readonly ChannelAccountContext Account = TikTokWireRecorder.Account;

    private static string Official(string file) => OfficialExamples.Read(file)!;

    private static JsonElement OfficialElement(string file) => JsonDocument.Parse(Official(file)).RootElement;

    private static string Member(string file, string member) => JsonNode.Parse(Official(file))![member]!.ToJsonString();

    [OfficialExampleFact("tiktok_createProduct_202309_request_example.json", "tiktok_createProduct_202309_response_example.json")]
    public async Task CreateListing_SendsTheOfficialCreateShape_WithTheUploadedImage_AndReadsTheOfficialAnswer()
    {
        var recorder = new TikTokWireRecorder()
            .Answer("logistics/202309/warehouses", Warehouses)
            .Answer(TikTokShopClient.ImageUploadPath, UploadAnswer)
            .Answer("product/202309/products", Official("tiktok_createProduct_202309_response_example.json"));
        var images = new MerchantImageHost();
        var connector = recorder.Services(images).GetRequiredService<TikTokShopConnector>();

        var result = await connector.CreateListingAsync(Account, new ListingDraft
        {
            ProductKey = "SOCKS-1",
            Title = "Men's Fashion Sports Low Cut Cotton Breathable Ankle Short Boat Invisible Socks",
            Description = "<p>Please check the measurements before purchase.</p>",
            CategoryId = "600001",
            ImageUrls = [$"{MerchantImageHost.Base}/800x800/socks.png"],
            Variants = [new ListingVariantDraft("Color-Red-XM001", new ChannelMoney(1.21m, "USD"), 999, new Dictionary<string, string> { ["Color"] = "Red" }, WeightGrams: 1320)],
        }, CancellationToken.None);

        Assert.Equal(ProductId, result.ExternalId);
        Assert.Equal("1729592969712207012", result.ExternalSkuIds["Color-Red-XM001"]);
        var upload = Assert.Single(recorder.Requests, r => r.Url.AbsolutePath.EndsWith(TikTokShopClient.ImageUploadPath, StringComparison.Ordinal));
        Assert.DoesNotContain("shop_cipher", upload.Url.Query, StringComparison.Ordinal);
        Assert.Equal("multipart/form-data", upload.Request.Content!.Headers.ContentType!.MediaType);
        var create = Assert.Single(recorder.Requests, r => r.Method == HttpMethod.Post && r.Url.AbsolutePath.EndsWith("/product/202309/products", StringComparison.Ordinal));
        Assert.Contains("shop_cipher=GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3", create.Url.Query, StringComparison.Ordinal);
        var body = JsonDocument.Parse(create.Body!).RootElement;
        JsonShape.AssertWithin(OfficialElement("tiktok_createProduct_202309_request_example.json"), body);
        Assert.Equal(UploadedUri, body.GetProperty("main_images")[0].GetProperty("uri").GetString());
        var sku = body.GetProperty("skus")[0];
        Assert.Equal("1.21", sku.GetProperty("price").GetProperty("amount").GetString());
        Assert.Equal(WarehouseId, sku.GetProperty("inventory")[0].GetProperty("warehouse_id").GetString());
        Assert.Equal(999, sku.GetProperty("inventory")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("1.32", body.GetProperty("package_weight").GetProperty("value").GetString());
        Assert.Equal("KILOGRAM", body.GetProperty("package_weight").GetProperty("unit").GetString());
        Assert.Equal(["/800x800/socks.png"], images.Served);
    }

    [OfficialExampleFact("tiktok_token_and_webhook_examples.json", "tiktok_getAuthorizedShops_202309_example.json")]
    public async Task Connect_ReadsTheOfficialTokenAnswer_AndTheOfficialShops()
    {
        var recorder = new TikTokWireRecorder()
            .Answer("api/v2/token/get", Member("tiktok_token_and_webhook_examples.json", "token_get_response"))
            .Answer("authorization/202309/shops", Official("tiktok_getAuthorizedShops_202309_example.json"));
        var authorization = recorder.Services().GetRequiredService<TikTokShopAuthorization>();

        var connected = await authorization.CompleteAsync(new AuthorizationCallback(
            new Dictionary<string, string> { ["code"] = "TTP_FeBoANmHP3yqdoUI9fZOCw", ["state"] = "s" },
            new Uri("https://portal.example/connect/callback"), ChannelEnvironment.Production), CancellationToken.None);

        Assert.Equal("TTP_Fw8rBwAAAAAkW03FYd09DG-9INtpw361hWthei8S3fHX8iPJ5AUv99fLSCYD9-UucaqxTgNRzKZxi5-tfFMtdWqglEt5_iCk", connected.Tokens.AccessToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1660556783).UtcDateTime, connected.Tokens.AccessTokenExpiresUtc);
        Assert.Equal("TTP_NTUxZTNhYTQ2ZDk2YmRmZWNmYWY2YWY2YzkxNGYwNjQ3YjkzYTllYjA0YmNlMw", connected.Tokens.RefreshToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1691487031).UtcDateTime, connected.Tokens.RefreshTokenExpiresUtc);
        Assert.Equal("7010736057180325637", connected.SellerId);
        var shop = Assert.Single(connected.Shops);
        Assert.Equal(("7000714532876273420", "Maomao beauty shop", "GB"), (shop.ShopId, shop.Name, shop.Region));
        Assert.Equal("GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3", shop.Properties[TikTokShopSigningMessageHandler.ShopCipherProperty]);
        Assert.Equal("CNGBCBA4LLU8", shop.Properties["shop_code"]);
        Assert.Equal("CROSS_BORDER", shop.Properties["seller_type"]);

        // The token exchange names its query parameters as the official request does.
        var token = Assert.Single(recorder.Requests, r => r.Url.AbsolutePath.EndsWith("api/v2/token/get", StringComparison.Ordinal));
        var official = new Uri(JsonNode.Parse(Official("tiktok_token_and_webhook_examples.json"))!["token_get_request"]!.GetValue<string>()["GET ".Length..]);
        Assert.Equal(QueryNames(official), QueryNames(token.Url));
        Assert.Contains("grant_type=authorized_code", token.Url.Query, StringComparison.Ordinal);
        Assert.Contains("auth_code=TTP_FeBoANmHP3yqdoUI9fZOCw", token.Url.Query, StringComparison.Ordinal);
    }

    [OfficialExampleFact("tiktok_token_and_webhook_examples.json")]
    public void TheOfficialOrderStatusWebhook_Verified_AsksToRefreshItsOrder_UnderItsNotificationId()
    {
        var body = Encoding.UTF8.GetBytes(Member("tiktok_token_and_webhook_examples.json", "webhook_order_status_change"));
        var verifier = new TikTokWireRecorder().Services(time: new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1644412885)))
            .GetRequiredService<TikTokShopWebhookVerifier>();
        var signature = TikTokShopWebhookVerifier.ComputeSignature(TikTokWireRecorder.AppKey, TikTokWireRecorder.AppSecret, body);

        var result = verifier.Verify(new WebhookRequest("/webhooks/TikTokShop", new Dictionary<string, string> { ["Authorization"] = signature }, body));

        Assert.True(result.SignatureValid, result.Error);
        Assert.Equal("7327112393057371910", result.EventId);
        Assert.Equal("ORDER_STATUS_CHANGE", result.EventType);
        Assert.Equal("7494049642642441621", result.ShopId);
        Assert.Equal(new RefreshOrderAction("576486316948490001"), Assert.Single(result.Actions));
    }

    [OfficialExampleFact("tiktok_token_and_webhook_examples.json")]
    public async Task TheOfficialErrorEnvelope_BecomesTheTypedError_WithTikToksCodeMessageAndRequest()
    {
        var recorder = new TikTokWireRecorder()
            .Answer("authorization/202309/shops", Member("tiktok_token_and_webhook_examples.json", "error_envelope"), System.Net.HttpStatusCode.Unauthorized);
        var connector = recorder.Services().GetRequiredService<TikTokShopConnector>();

        var error = await Assert.ThrowsAsync<ChannelAuthException>(() => connector.TestConnectionAsync(Account, CancellationToken.None));

        Assert.Equal("106001", error.ErrorCode);
        Assert.Equal("202203070749000101890810281E8C70B7", error.RequestId);
        Assert.Contains("Invalid credentials. The 'sign' query parameter is invalid.", error.Message, StringComparison.Ordinal);
    }

    [OfficialExampleFact("tiktok_getOrderDetail_202507_example.json")]
    public async Task TheOfficialOrderDetail_IsReadWithItsValues()
    {
        var recorder = new TikTokWireRecorder().Answer("order/202309/orders", Official("tiktok_getOrderDetail_202507_example.json"));
        var connector = recorder.Services().GetRequiredService<TikTokShopConnector>();

        var order = await connector.GetOrderAsync(Account, "576461413038785752", CancellationToken.None);

        Assert.NotNull(order);
        AssertOfficialOrder(order, "Suite 100, Vila Olímpia, Avenida Presidente Juscelino Kubitschek");
        Assert.Equal("ids=576461413038785752", Assert.Single(recorder.Requests).Url.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("ids=", StringComparison.Ordinal)));
    }

    [OfficialExampleFact("tiktok_getOrderList_202309_example.json", "tiktok_getOrderList_202309_request_body_example.json")]
    public async Task OrderSearch_SendsTheOfficialFilterShape_AndReadsTheOfficialPage()
    {
        var recorder = new TikTokWireRecorder().Answer("order/202309/orders/search", Official("tiktok_getOrderList_202309_example.json"));
        var connector = recorder.Services().GetRequiredService<TikTokShopConnector>();
        var since = DateTime.SpecifyKind(new DateTime(2021, 6, 16), DateTimeKind.Utc);

        var page = await connector.ListOrdersAsync(Account, new OrderQuery(since, UpdatedUntilUtc: since.AddDays(1)), CancellationToken.None);

        // The list example's address has only a second line.
        AssertOfficialOrder(Assert.Single(page.Items), "Suite 100");
        Assert.Equal("6AsPQsUMvH3RkchNUPPh22NROHkE0D8pmq/N5M1kHYcZmtRyv9aVrNv65W7Q6tFA+7D1ud64MPNz5OaT", page.NextCursor);
        var sent = Assert.Single(recorder.Requests);
        var body = JsonDocument.Parse(sent.Body!).RootElement;
        JsonShape.AssertWithin(OfficialElement("tiktok_getOrderList_202309_request_body_example.json"), body);
        Assert.Equal(new DateTimeOffset(since).ToUnixTimeSeconds(), body.GetProperty("update_time_ge").GetInt64());
        Assert.Equal(new DateTimeOffset(since.AddDays(1)).ToUnixTimeSeconds(), body.GetProperty("update_time_lt").GetInt64());
        Assert.Contains("sort_field=update_time", sent.Url.Query, StringComparison.Ordinal);
    }

    [OfficialExampleFact("tiktok_shipPackage_202309_request_example.json")]
    public async Task ShipPackage_SendsTheOfficialBodyShape()
    {
        var recorder = new TikTokWireRecorder().Answer("/ship", EmptySuccess);
        var client = recorder.Services().GetRequiredService<TikTokShopClient>();

        await client.ShipPackageAsync(Account, "1153132168123859123",
            new TikTokShipPackageRequest { HandoverMethod = "PICKUP", SelfShipment = new TikTokSelfShipment("JX12345", "6617675021119438849") }, CancellationToken.None);

        var sent = Assert.Single(recorder.Requests);
        Assert.EndsWith("/fulfillment/202309/packages/1153132168123859123/ship", sent.Url.AbsolutePath, StringComparison.Ordinal);
        var body = JsonDocument.Parse(sent.Body!).RootElement;
        JsonShape.AssertWithin(OfficialElement("tiktok_shipPackage_202309_request_example.json"), body);
        Assert.Equal("JX12345", body.GetProperty("self_shipment").GetProperty("tracking_number").GetString());
        Assert.Equal("6617675021119438849", body.GetProperty("self_shipment").GetProperty("shipping_provider_id").GetString());
    }

    [OfficialExampleFact("tiktok_updateShippingInfo_request_example.json")]
    public async Task UpdateShippingInfo_SendsExactlyTheOfficialBody()
    {
        var recorder = new TikTokWireRecorder().Answer("/shipping_info/update", EmptySuccess);
        var client = recorder.Services().GetRequiredService<TikTokShopClient>();

        await client.UpdateShippingInfoAsync(Account, "576461413038785752", new TikTokShippingInfoUpdate("576460868968549926", "6965352555291346690"), CancellationToken.None);

        var sent = Assert.Single(recorder.Requests);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Official("tiktok_updateShippingInfo_request_example.json")), JsonNode.Parse(sent.Body!)), sent.Body);
    }

    [OfficialExampleFact("tiktok_updatePrice_202309_request_example.json", "tiktok_updatePrice_202309_response_example.json")]
    public async Task UpdatePrices_SendsTheOfficialPriceShape_AndTheOfficialAnswerIsSuccess()
    {
        var recorder = new TikTokWireRecorder().Answer("/prices/update", Official("tiktok_updatePrice_202309_response_example.json"));
        var connector = recorder.Services().GetRequiredService<TikTokShopConnector>();

        var results = await connector.UpdatePricesAsync(Account, [new SkuPrice("SOCKS-RED", new ChannelMoney(1.32m, "USD"), ProductId, SkuId)], CancellationToken.None);

        Assert.Equal([SkuUpdateResult.Ok("SOCKS-RED")], results);
        var sent = Assert.Single(recorder.Requests);
        Assert.EndsWith($"/product/202309/products/{ProductId}/prices/update", sent.Url.AbsolutePath, StringComparison.Ordinal);
        var body = JsonDocument.Parse(sent.Body!).RootElement;
        JsonShape.AssertWithin(OfficialElement("tiktok_updatePrice_202309_request_example.json"), body);
        var sku = body.GetProperty("skus")[0];
        Assert.Equal(SkuId, sku.GetProperty("id").GetString());
        Assert.Equal("1.32", sku.GetProperty("price").GetProperty("amount").GetString());
        Assert.Equal("USD", sku.GetProperty("price").GetProperty("currency").GetString());
    }

    [OfficialExampleFact("tiktok_updateInventory_202309_request_example.json", "tiktok_updateInventory_202309_response_example.json")]
    public async Task UpdateInventory_SendsTheOfficialShape_EveryWarehouse_AndReadsTheOfficialPerWarehouseRefusal()
    {
        var recorder = new TikTokWireRecorder()
            .Answer("logistics/202309/warehouses", Warehouses)
            .Answer($"product/202309/products/{ProductId}", CurrentProduct)
            .Answer("/inventory/update", Official("tiktok_updateInventory_202309_response_example.json"));
        var connector = recorder.Services().GetRequiredService<TikTokShopConnector>();

        var results = await connector.UpdateInventoryAsync(Account, [new SkuQuantity("SOCKS-RED", 999, ProductId, SkuId)], CancellationToken.None);

        var result = Assert.Single(results);
        Assert.False(result.Succeeded);
        Assert.Equal("12052097", result.ErrorCode);
        Assert.Equal($"Check failed: The warehouse does not exist (warehouse {WarehouseId})", result.Error);
        var sent = Assert.Single(recorder.Requests, r => r.Url.AbsolutePath.EndsWith("/inventory/update", StringComparison.Ordinal));
        var body = JsonDocument.Parse(sent.Body!).RootElement;
        JsonShape.AssertWithin(OfficialElement("tiktok_updateInventory_202309_request_example.json"), body);
        var inventory = body.GetProperty("skus")[0].GetProperty("inventory").EnumerateArray()
            .ToDictionary(i => i.GetProperty("warehouse_id").GetString()!, i => i.GetProperty("quantity").GetInt32());
        // Ours set to 999; the other warehouse keeps the 40 TikTok holds for it.
        Assert.Equal(new Dictionary<string, int> { [WarehouseId] = 999, [OtherWarehouseId] = 40 }, inventory);
    }

    private static void AssertOfficialOrder(ChannelOrder order, string addressLine2)
    {
        Assert.Equal("576461413038785752", order.ExternalOrderId);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal("UNPAID", order.RawStatus);
        Assert.Equal(new ChannelMoney(5000m, "IDR"), order.Total);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1619611561).UtcDateTime, order.PlacedUtc);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1619621355).UtcDateTime, order.UpdatedUtc);
        Assert.Equal("David Kong", order.BuyerName);
        Assert.Equal("7021436810468230477", order.BuyerUsername);
        Assert.Equal(new ChannelAddress("David Kong", "TikTok 5800 bristol Pkwy", addressLine2,
            null, null, "95110", "US", "(+1)213-***-1234"), order.ShipTo);
        var line = Assert.Single(order.Lines);
        Assert.Equal(new ChannelOrderLine("577086512123755123", "red_iphone_256", "Women's Winter Crochet Clothes (Iphone)", 1, new ChannelMoney(0.01m, "IDR")), line);
    }

    private static string[] QueryNames(Uri uri) =>
        [.. uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)];

    // The project's own answers, in TikTok's envelope, for the calls no official example covers.
    private const string EmptySuccess = """{"code":0,"message":"Success","request_id":"202612060001","data":{}}""";

    private const string Warehouses = $$$"""
        {"code":0,"message":"Success","request_id":"202612060002","data":{"warehouses":[
          {"id":"{{{WarehouseId}}}","name":"Main","effect_status":"ENABLED","type":"SALES_WAREHOUSE","sub_type":"DOMESTIC_WAREHOUSE","is_default":true},
          {"id":"{{{OtherWarehouseId}}}","name":"Overflow","effect_status":"ENABLED","type":"SALES_WAREHOUSE","sub_type":"DOMESTIC_WAREHOUSE","is_default":false}]}}
        """;

    private const string UploadAnswer = $$$"""
        {"code":0,"message":"Success","request_id":"202612060003","data":{"uri":"{{{UploadedUri}}}",
          "url":"https://p16-oec-va.ibyteimg.com/{{{UploadedUri}}}~tplv-o3syd03w52-origin-jpeg.jpeg","width":800,"height":800,"use_case":"MAIN_IMAGE"}}
        """;

    private const string CurrentProduct = $$$"""
        {"code":0,"message":"Success","request_id":"202612060004","data":{"id":"{{{ProductId}}}","status":"ACTIVATE","title":"Socks",
          "skus":[{"id":"{{{SkuId}}}","seller_sku":"SOCKS-RED","price":{"currency":"USD","tax_exclusive_price":"1.21"},
            "inventory":[{"warehouse_id":"{{{WarehouseId}}}","quantity":3},{"warehouse_id":"{{{OtherWarehouseId}}}","quantity":40}]}]}}
        """;
}
