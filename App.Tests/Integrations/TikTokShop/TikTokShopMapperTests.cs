using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Tests.Integrations.TikTokShop;

public sealed class TikTokShopMapperTests
{
    // Shaped like POST /order/202309/orders/search (examples/tiktok-orders-search.json): string amounts, unix times,
    // the cancelled order has no payment detail beyond the total, no address, no packages.
    private const string OrderSearchResponse = """
        {"code":0,"message":"Success","request_id":"202611201405330102451234567","data":{
          "next_page_token":"aDU2dHNxNHgyUjZxWWVmMkpqZUVtNVhpVT0=","total_count":2,
          "orders":[
            {"id":"576461413038785752","status":"AWAITING_SHIPMENT","create_time":1763647200,"update_time":1763647533,
             "buyer_email":"v3x9k2@scs.tiktokw.us","user_id":"7021436810468230477",
             "payment":{"currency":"USD","sub_total":"29.99","shipping_fee":"0.00","tax":"2.40","total_amount":"32.39"},
             "recipient_address":{"name":"Sam Lee","phone_number":"(+1)213***3333","address_line1":"500 S Grand Ave","address_line2":"Suite 100","address_line3":" ",
               "postal_code":"90071","region_code":"US",
               "district_info":[{"address_level_name":"State","address_name":"California"},{"address_level_name":"City","address_name":"Los Angeles"}]},
             "line_items":[{"id":"577087614418520712","sku_id":"1729592969712207008","seller_sku":"BINDER-9P-BLK","product_name":"Premium 9-Pocket Card Binder",
               "sale_price":"29.99","original_price":"34.99","package_id":"1153132168123859123"}],
             "packages":[{"id":"1153132168123859123"}]},
            {"id":"576461413038785753","status":"CANCELLED","create_time":1763640000,"update_time":1763646000,
             "payment":{"currency":"USD","total_amount":"15.00"},
             "line_items":[{"id":"577087614418520713","sku_id":"1729592969712207009","seller_sku":"SLEEVES-100","product_name":"Card Sleeves 100 pack","sale_price":"15.00"}]}
          ]}}
        """;

    [Fact]
    public void ToChannelOrder_SearchResponse_MapsStatusMoneyAddressAndLines()
    {
        var page = TikTokShopClient.Unwrap<TikTokOrderSearchResult>(OrderSearchResponse, 200);

        var order = TikTokShopMapper.ToChannelOrder(page.Orders[0]);

        Assert.Equal("aDU2dHNxNHgyUjZxWWVmMkpqZUVtNVhpVT0=", page.NextPageToken);
        Assert.Equal("576461413038785752", order.ExternalOrderId);
        Assert.Equal(OrderStatus.Processing, order.Status);
        Assert.Equal("AWAITING_SHIPMENT", order.RawStatus);
        Assert.Equal(new ChannelMoney(32.39m, "USD"), order.Total);
        Assert.Equal(new DateTime(2025, 11, 20, 14, 0, 0, DateTimeKind.Utc), order.PlacedUtc);
        Assert.Equal(DateTimeKind.Utc, order.UpdatedUtc.Kind);
        Assert.Equal("Sam Lee", order.BuyerName);
        Assert.Equal(new ChannelAddress("Sam Lee", "500 S Grand Ave", "Suite 100", "Los Angeles", "California", "90071", "US", "(+1)213***3333"), order.ShipTo);
        var line = Assert.Single(order.Lines);
        Assert.Equal(new ChannelOrderLine("577087614418520712", "BINDER-9P-BLK", "Premium 9-Pocket Card Binder", 1, new ChannelMoney(29.99m, "USD")), line);
    }

    [Fact]
    public void ToChannelOrder_CancelledOrderWithoutAddress_IsCancelledWithNoShipTo()
    {
        var page = TikTokShopClient.Unwrap<TikTokOrderSearchResult>(OrderSearchResponse, 200);

        var order = TikTokShopMapper.ToChannelOrder(page.Orders[1]);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("CANCELLED", order.RawStatus);
        Assert.Null(order.ShipTo);
        Assert.Null(order.BuyerName);
        Assert.Equal(new ChannelMoney(15.00m, "USD"), order.Total);
    }

    [Fact]
    public void ToChannelOrder_CancelledOrderWithNoLinesAndNoPayment_KeepsRawStatusAndZeroTotal()
    {
        var order = Parse("""{"id":"5","status":"CANCELLED","create_time":1763640000,"update_time":1763646000}""");

        var mapped = TikTokShopMapper.ToChannelOrder(order);

        Assert.Equal(OrderStatus.Cancelled, mapped.Status);
        Assert.Empty(mapped.Lines);
        Assert.Equal(0m, mapped.Total.Amount);
        Assert.Null(mapped.ShipTo);
    }

    [Fact]
    public void ToChannelOrder_DetailWithMissingOptionalBlocks_UsesLineCurrencyAndRestrictedAddress()
    {
        // Order detail (202507 shape) with no payment block, no packages and an address restricted to region and postal code.
        var order = Parse("""
            {"id":"576461413038785999","status":"UNPAID","create_time":1619611561,"update_time":1619621355,
             "recipient_address":{"postal_code":"95110","region_code":"US"},
             "line_items":[{"id":"1","sku_id":"2729382476852921560","product_name":"Women's Winter Crochet Clothes","sku_name":"Red, XL",
                            "sale_price":"5000","original_price":"6000","currency":"IDR"},
                           {"id":"2","sku_id":"2729382476852921561","seller_sku":"red_iphone_256","product_name":"Phone","sale_price":"0.01","currency":"IDR"}]}
            """);

        var mapped = TikTokShopMapper.ToChannelOrder(order);

        Assert.Equal(OrderStatus.Pending, mapped.Status);
        Assert.Equal("IDR", mapped.Total.Currency);
        Assert.Equal(new ChannelAddress(null, null, null, null, null, "95110", "US", null), mapped.ShipTo);
        Assert.Equal("2729382476852921560", mapped.Lines[0].Sku);
        Assert.Equal("Women's Winter Crochet Clothes (Red, XL)", mapped.Lines[0].Title);
        Assert.Equal(new ChannelMoney(5000m, "IDR"), mapped.Lines[0].UnitPrice);
        Assert.Equal(new ChannelMoney(0.01m, "IDR"), mapped.Lines[1].UnitPrice);
    }

    [Theory]
    [InlineData("UNPAID", OrderStatus.Pending)]
    [InlineData("ON_HOLD", OrderStatus.Pending)]
    [InlineData("AWAITING_SHIPMENT", OrderStatus.Processing)]
    [InlineData("PARTIALLY_SHIPPING", OrderStatus.Processing)]
    [InlineData("AWAITING_COLLECTION", OrderStatus.Processing)]
    [InlineData("IN_TRANSIT", OrderStatus.Shipped)]
    [InlineData("DELIVERED", OrderStatus.Delivered)]
    [InlineData("COMPLETED", OrderStatus.Delivered)]
    [InlineData("CANCELLED", OrderStatus.Cancelled)]
    [InlineData("CANCEL", OrderStatus.Cancelled)]
    public void MapStatus_FollowsTheNotes(string raw, OrderStatus expected) =>
        Assert.Equal(expected, TikTokShopMapper.MapStatus(raw));

    [Theory]
    [InlineData("5000", "IDR", 5000)]
    [InlineData("21.3", "USD", 21.3)]
    [InlineData("0.10", "GBP", 0.1)]
    [InlineData("1234567.89", "USD", 1234567.89)]
    public void Money_ParsesDecimalStringsExactly(string amount, string currency, double expected)
    {
        var money = TikTokShopMapper.Money(amount, currency);

        Assert.Equal((decimal)expected, money.Amount);
        Assert.Equal(currency, money.Currency);
    }

    [Fact]
    public void ToCreateProductRequest_MapsVariantsToSkusWithSalesAttributesPricesAndStock()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-1",
            Title = "Card Binder",
            Description = "<p>Nine pockets.</p>",
            ImageUrls = ["https://img.example/1.jpg"],
            ChannelFields = new Dictionary<string, string> { ["category_id"] = "600001", ["brand_id"] = "7082427311584347905" },
            Variants =
            [
                new ListingVariantDraft("BINDER-BLK", new ChannelMoney(19.9m, "USD"), 12, new Dictionary<string, string> { ["Color"] = "Black" }, WeightGrams: 1320),
                new ListingVariantDraft("BINDER-RED", new ChannelMoney(21m, "USD"), 0, new Dictionary<string, string> { ["Color"] = "Red" }),
            ],
        };

        var request = TikTokShopMapper.ToCreateProductRequest(draft, "7068517275539719942", ["tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe"]);
        var json = JsonDocument.Parse(JsonSerializer.Serialize(request, TikTokJson.Options)).RootElement;

        Assert.Equal("600001", json.GetProperty("category_id").GetString());
        Assert.Equal("7082427311584347905", json.GetProperty("brand_id").GetString());
        Assert.Equal("tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", json.GetProperty("main_images")[0].GetProperty("uri").GetString());
        Assert.Equal("1.32", json.GetProperty("package_weight").GetProperty("value").GetString());
        Assert.Equal("KILOGRAM", json.GetProperty("package_weight").GetProperty("unit").GetString());
        var sku = json.GetProperty("skus")[0];
        Assert.Equal("BINDER-BLK", sku.GetProperty("seller_sku").GetString());
        Assert.Equal("19.90", sku.GetProperty("price").GetProperty("amount").GetString());
        Assert.Equal("USD", sku.GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal("7068517275539719942", sku.GetProperty("inventory")[0].GetProperty("warehouse_id").GetString());
        Assert.Equal(12, sku.GetProperty("inventory")[0].GetProperty("quantity").GetInt32());
        Assert.Equal("Color", sku.GetProperty("sales_attributes")[0].GetProperty("name").GetString());
        Assert.Equal("Black", sku.GetProperty("sales_attributes")[0].GetProperty("value_name").GetString());
        Assert.False(sku.TryGetProperty("id", out _));
        Assert.Equal("21.00", json.GetProperty("skus")[1].GetProperty("price").GetProperty("amount").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("idempotency_key").GetString()));
    }

    [Fact]
    public void ToCreateProductRequest_ReadsTheEditorsCamelCaseFields_AndPrefersTheDraftCategory()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-3",
            Title = "Sleeves",
            CategoryId = "700002",
            ChannelFields = new Dictionary<string, string> { ["categoryId"] = "ignored", ["brandId"] = "42", ["mainImageUris"] = "tos-a, tos-b" },
            Variants = [new ListingVariantDraft("SL-1", new ChannelMoney(5m, "GBP"), 3, new Dictionary<string, string>(), WeightGrams: 80)],
        };

        var request = TikTokShopMapper.ToCreateProductRequest(draft, "w1", TikTokShopMapper.GivenImageUris(draft)!);

        Assert.Equal("700002", request.CategoryId);
        Assert.Equal("42", request.BrandId);
        Assert.Equal(["tos-a", "tos-b"], request.MainImages.Select(i => i.Uri));
        Assert.Equal("5.00", request.Skus[0].Price!.Amount);
        Assert.Empty(request.Skus[0].SalesAttributes!);
    }

    [Fact]
    public void ToCreateProductRequest_WithoutCategoryImageOrWeight_NamesEachGapBeforeAnyCall()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-2",
            Title = "No category",
            Variants = [new ListingVariantDraft("X", new ChannelMoney(1m, "USD"), 1, new Dictionary<string, string>())],
        };

        var ex = Assert.Throws<ChannelValidationException>(() => TikTokShopMapper.ToCreateProductRequest(draft, "w", []));

        // No category, no picture, no weight: all three named at once, before any call.
        Assert.Equal(["categoryId", "ImageUrls", "WeightGrams"], ex.FieldErrors.Select(e => e.Field));
        Assert.Contains("TikTok category", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least one product image", ex.Message, StringComparison.Ordinal);
        Assert.Contains("package weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCreateProductRequest_WithTenImages_IsRefused_NineAreTaken()
    {
        ListingDraft Draft(int images) => new()
        {
            ProductKey = "P-9",
            Title = "Many pictures",
            CategoryId = "600001",
            ImageUrls = [.. Enumerable.Range(1, images).Select(n => $"https://img.example/{n}.png")],
            Variants = [new ListingVariantDraft("X", new ChannelMoney(1m, "USD"), 1, new Dictionary<string, string>(), WeightGrams: 200)],
        };

        var ex = Assert.Throws<ChannelValidationException>(() => TikTokShopMapper.RequireListable(Draft(10)));
        TikTokShopMapper.RequireListable(Draft(9));

        Assert.Equal("ImageUrls", Assert.Single(ex.FieldErrors).Field);
        Assert.Contains("at most 9 main images; this product has 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unwrap_ErrorEnvelope_KeepsCodeMessageAndRequestId()
    {
        const string body = """{"code":106001,"message":"Invalid credentials. The 'sign' query parameter is invalid.","request_id":"202203070749000101890810281E8C70B7","data":null}""";

        var ex = Assert.Throws<ChannelAuthException>(() => TikTokShopClient.Unwrap<TikTokEmpty>(body, 401));

        Assert.Equal("106001", ex.ErrorCode);
        Assert.Equal("202203070749000101890810281E8C70B7", ex.RequestId);
        Assert.Contains("sign", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.RequiresReauthorization);
    }

    private static TikTokOrder Parse(string json) => JsonSerializer.Deserialize<TikTokOrder>(json, TikTokJson.Options)!;
}
