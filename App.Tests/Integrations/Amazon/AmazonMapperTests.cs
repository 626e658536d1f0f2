using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Amazon.Dto;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Tests.Integrations.Amazon.Fixtures;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

public sealed class AmazonMapperTests
{
    private static AmazonOrdersPayload Orders(string json) =>
        JsonSerializer.Deserialize<AmazonPayloadResponse<AmazonOrdersPayload>>(json, AmazonJson.Orders)!.Payload!;

    private static AmazonOrderItemsPayload Items(string json) =>
        JsonSerializer.Deserialize<AmazonPayloadResponse<AmazonOrderItemsPayload>>(json, AmazonJson.Orders)!.Payload!;

    private static readonly HashSet<string> AllBlocks = ["BUYER", "RECIPIENT", "FULFILLMENT", "PROCEEDS"];

    /// <summary>
    /// A v0-shaped order (the emulator's stored shape, and what the v0 fixtures hold) as Orders 2026-01-01 sends it, through
    /// the emulator's own conversion, then mapped: the v0 fixtures keep checking what the portal makes of an order.
    /// </summary>
    private static ChannelOrder Mapped(AmazonOrder order, IReadOnlyList<AmazonOrderItem> items)
    {
        // The fixture travels as v0 JSON into the emulator's own stored shape.
        var stored = JsonSerializer.Deserialize<AmazonWireV0Order>(JsonSerializer.Serialize(order, AmazonJson.Orders))!;
        var storedItems = items.Select(i => JsonSerializer.Deserialize<AmazonWireV0OrderItem>(JsonSerializer.Serialize(i, AmazonJson.Orders))!).ToList();
        var wire = AmazonSandboxSearchOrders.ToWire(new SandboxOrder("A1SELLER", stored, storedItems, []), AllBlocks);
        var json = JsonSerializer.Serialize(wire, AmazonJson.Web);
        return AmazonMapper.ToChannelOrder(JsonSerializer.Deserialize<AmazonOrderV2>(json, AmazonJson.Web)!);
    }

    [Theory]
    [InlineData("PendingAvailability", OrderStatus.Pending)]
    [InlineData("Pending", OrderStatus.Pending)]
    [InlineData("Unshipped", OrderStatus.Processing)]
    [InlineData("PartiallyShipped", OrderStatus.Processing)]
    [InlineData("Shipped", OrderStatus.Shipped)]
    [InlineData("InvoiceUnconfirmed", OrderStatus.Shipped)]
    [InlineData("Canceled", OrderStatus.Cancelled)]
    [InlineData("Unfulfillable", OrderStatus.Cancelled)]
    public void EveryPublishedV0Status_AsOrders2026SpellsIt_MapsAsDocumented(string raw, OrderStatus expected) =>
        Assert.Equal(expected, AmazonMapper.MapFulfillmentStatus(AmazonSandboxSearchOrders.UpperSnake(raw)));

    [Fact]
    public void ToChannelOrder_UnshippedOrderWithItems_KeepsDecimalMoneyAddressAndUnitPrice()
    {
        var order = Orders(AmazonPayloads.GetOrders).Orders[0];
        var items = Items(AmazonPayloads.GetOrderItems).OrderItems;

        var mapped = Mapped(order, items);

        Assert.Equal("113-2233445-5566778", mapped.ExternalOrderId);
        Assert.Equal(OrderStatus.Processing, mapped.Status);
        Assert.Equal("UNSHIPPED", mapped.RawStatus);
        Assert.Equal(new ChannelMoneyView(71.97m, "USD"), View(mapped.Total));
        Assert.Equal(new DateTime(2026, 11, 20, 18, 24, 51, DateTimeKind.Utc), mapped.PlacedUtc);
        Assert.Equal(DateTimeKind.Utc, mapped.UpdatedUtc.Kind);
        Assert.Equal("Portland", mapped.ShipTo!.City);
        Assert.Equal("OR", mapped.ShipTo.Region);
        Assert.Equal("Robin Park", mapped.BuyerName);
        Assert.Equal(2, mapped.Lines.Count);
        var binder = mapped.Lines[0];
        Assert.Equal("BINDER-9P-BLK", binder.Sku);
        Assert.Equal("68828574383266", binder.ExternalLineId);
        Assert.Equal(3, binder.Quantity);
        Assert.Equal(23.99m, binder.UnitPrice.Amount);
        Assert.Equal("USD", binder.UnitPrice.Currency);
        // A line without ItemPrice (a free item) keeps quantity and gets zero in the order's currency.
        Assert.Equal(0m, mapped.Lines[1].UnitPrice.Amount);
        Assert.Equal("USD", mapped.Lines[1].UnitPrice.Currency);
        Assert.Null(mapped.Lines[1].Title);
    }

    [Fact]
    public void ToChannelOrder_CancelledOrderWithoutTotalAddressOrLines_MapsToZeroInMarketplaceCurrency()
    {
        var payload = Orders(AmazonPayloads.GetOrders);
        var cancelled = payload.Orders[1];

        var mapped = Mapped(cancelled, []);

        Assert.Equal(OrderStatus.Cancelled, mapped.Status);
        Assert.Equal(0m, mapped.Total.Amount);
        Assert.Equal("EUR", mapped.Total.Currency);
        Assert.Null(mapped.ShipTo);
        Assert.Null(mapped.BuyerName);
        Assert.Empty(mapped.Lines);
        // +01:00 on the wire becomes UTC.
        Assert.Equal(new DateTime(2026, 11, 19, 8, 11, 0, DateTimeKind.Utc), mapped.PlacedUtc);
        Assert.Equal("MRgZW55IGNhcm5hbCBwbGVhc3VyZS4=", payload.NextToken);
    }

    [Fact]
    public void ToSkuResults_ErrorIssue_LandsOnItsMessagesSku_WarningsDoNotFail()
    {
        var feed = AmazonMapper.ToPriceQuantityFeed("A3SELLER", "ATVPDKIKX0DER", "PRODUCT",
        [
            new AmazonOfferUpdate("SKU-A", new(10m, "USD"), 1),
            new AmazonOfferUpdate("SKU-B", new(0m, "USD"), 2),
            new AmazonOfferUpdate("SKU-C", null, 3),
        ]);
        var report = JsonSerializer.Deserialize<ListingsFeedProcessingReport>(AmazonPayloads.ProcessingReport, AmazonJson.Web)!;

        var results = AmazonMapper.ToSkuResults(feed, report);

        Assert.True(results.Single(r => r.Sku == "SKU-A").Succeeded);
        var failed = results.Single(r => r.Sku == "SKU-B");
        Assert.False(failed.Succeeded);
        Assert.Equal("99022", failed.ErrorCode);
        Assert.Contains("our_price", failed.Error);
        Assert.True(results.Single(r => r.Sku == "SKU-C").Succeeded);
    }

    [Fact]
    public void ToPriceQuantityFeed_WritesPatchMessagesWithDecimalPriceAndQuantity()
    {
        var feed = AmazonMapper.ToPriceQuantityFeed("A3SELLER", "ATVPDKIKX0DER", "PRODUCT", [new AmazonOfferUpdate("SKU-A", new(19.99m, "USD"), 7)]);

        var json = JsonSerializer.Serialize(feed, AmazonJson.Web);

        Assert.Contains("\"sellerId\":\"A3SELLER\"", json);
        Assert.Contains("\"version\":\"2.0\"", json);
        Assert.Contains("\"operationType\":\"PATCH\"", json);
        Assert.Contains("\"path\":\"/attributes/purchasable_offer\"", json);
        Assert.Contains("\"value_with_tax\":19.99", json);
        Assert.Contains("\"marketplace_id\":\"ATVPDKIKX0DER\"", json);
        Assert.Contains("{\"fulfillment_channel_code\":\"DEFAULT\",\"quantity\":7}", json);
    }

    [Theory]
    [InlineData("PENDING_AVAILABILITY", OrderStatus.Pending)]
    [InlineData("PENDING", OrderStatus.Pending)]
    [InlineData("UNSHIPPED", OrderStatus.Processing)]
    [InlineData("PARTIALLY_SHIPPED", OrderStatus.Processing)]
    [InlineData("SHIPPED", OrderStatus.Shipped)]
    [InlineData("CANCELLED", OrderStatus.Cancelled)]
    [InlineData("UNFULFILLABLE", OrderStatus.Cancelled)]
    public void MapFulfillmentStatus_Orders2026Statuses_MapLikeV0s(string raw, OrderStatus expected) =>
        Assert.Equal(expected, AmazonMapper.MapFulfillmentStatus(raw));

    [Fact]
    public void ToChannelOrder_SearchOrders_ItemsInlineWithUnitPrices_CancelledWithoutProceedsInMarketplaceCurrency()
    {
        var page = JsonSerializer.Deserialize<AmazonSearchOrdersResponse>(AmazonPayloads.SearchOrders, AmazonJson.Web)!;

        var open = AmazonMapper.ToChannelOrder(page.Orders[0]);
        var cancelled = AmazonMapper.ToChannelOrder(page.Orders[1]);

        Assert.Equal("bmV4dC1wYWdl", page.Pagination!.NextToken);
        Assert.Equal("114-1112223-3334445", open.ExternalOrderId);
        Assert.Equal(OrderStatus.Processing, open.Status);
        Assert.Equal("PARTIALLY_SHIPPED", open.RawStatus);
        Assert.Equal(new ChannelMoneyView(64.47m, "USD"), View(open.Total));
        Assert.Equal(new DateTime(2026, 11, 22, 12, 40, 31, DateTimeKind.Utc), open.UpdatedUtc);
        Assert.Equal("Austin", open.ShipTo!.City);
        Assert.Equal("Kim Lee", open.BuyerName);
        Assert.Equal(["KETTLE-1L", "FILTER-100"], open.Lines.Select(l => l.Sku));
        Assert.Equal(24.99m, open.Lines[0].UnitPrice.Amount);
        Assert.Equal(2, open.Lines[0].Quantity);
        Assert.Equal("70011122233344", open.Lines[0].ExternalLineId);
        Assert.Null(open.Lines[1].Title);

        Assert.Equal(OrderStatus.Cancelled, cancelled.Status);
        Assert.Equal(new ChannelMoneyView(0m, "EUR"), View(cancelled.Total));
        Assert.Equal(new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc), cancelled.PlacedUtc);
        Assert.Null(cancelled.ShipTo);
        Assert.Empty(cancelled.Lines);
    }

    [OfficialExampleFact("amazon_orders2026_searchOrders_example.json")]
    public void OfficialSearchOrders2026_MapsEveryOrderWithItsLinesAndStatus()
    {
        var searchJson = OfficialExamples.Read("amazon_orders2026_searchOrders_example.json")!;
        var page = JsonSerializer.Deserialize<AmazonSearchOrdersResponse>(searchJson, AmazonJson.Web)!;
        Assert.NotEmpty(page.Orders);
        Assert.False(string.IsNullOrEmpty(page.Pagination?.NextToken));
        foreach (var order in page.Orders)
        {
            var mapped = AmazonMapper.ToChannelOrder(order);
            Assert.Equal(order.OrderItems.Count, mapped.Lines.Count);
            Assert.All(mapped.Lines, l => Assert.False(string.IsNullOrEmpty(l.Sku)));
            Assert.Equal(DateTimeKind.Utc, mapped.UpdatedUtc.Kind);
            Assert.Equal(AmazonMapper.MapFulfillmentStatus(order.Fulfillment?.FulfillmentStatus), mapped.Status);
        }
    }

    [OfficialExampleFact("amazon_getOrders_example.json")]
    public void OfficialGetOrders_MapsIdsTimesAndTotals()
    {
        var ordersJson = OfficialExamples.Read("amazon_getOrders_example.json")!;
        using var doc = JsonDocument.Parse(ordersJson);
        var payloadJson = Find(doc.RootElement, "payload");
        var payload = JsonSerializer.Deserialize<AmazonOrdersPayload>(payloadJson.GetRawText(), AmazonJson.Orders)!;
        Assert.NotEmpty(payload.Orders);
        foreach (var order in payload.Orders)
        {
            var mapped = Mapped(order, []);
            Assert.False(string.IsNullOrEmpty(mapped.ExternalOrderId));
            Assert.Equal(DateTimeKind.Utc, mapped.PlacedUtc.Kind);
            if (order.OrderTotal?.Amount is { } amount)
            {
                Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), mapped.Total.Amount);
            }
        }
    }

    [OfficialExampleFact("amazon_getOrderItems_example.json")]
    public void OfficialGetOrderItems_CarriesASellerSkuOnEveryItem()
    {
        var itemsJson = OfficialExamples.Read("amazon_getOrderItems_example.json")!;
        using var doc = JsonDocument.Parse(itemsJson);
        var payload = JsonSerializer.Deserialize<AmazonOrderItemsPayload>(Find(doc.RootElement, "payload").GetRawText(), AmazonJson.Orders)!;
        Assert.NotEmpty(payload.OrderItems);
        Assert.All(payload.OrderItems, i => Assert.False(string.IsNullOrEmpty(i.SellerSKU)));
    }

    [OfficialExampleFact("amazon_lwa_token_response_example.json")]
    public void OfficialLwaTokenResponse_ReadsTheTokensAndExpiry()
    {
        var lwaJson = OfficialExamples.Read("amazon_lwa_token_response_example.json")!;
        using var doc = JsonDocument.Parse(lwaJson);
        var token = JsonSerializer.Deserialize<LwaTokenResponse>(doc.RootElement.GetProperty("response").GetRawText())!;
        Assert.StartsWith("Atza|", token.AccessToken);
        Assert.StartsWith("Atzr|", token.RefreshToken);
        Assert.Equal(3600, token.ExpiresIn);
    }

    [OfficialExampleFact("amazon_getListingsItem_example.json")]
    public void OfficialGetListingsItem_MapsToASnapshotOfItsSku()
    {
        var listingJson = OfficialExamples.Read("amazon_getListingsItem_example.json")!;
        using var doc = JsonDocument.Parse(listingJson);
        var item = Find(doc.RootElement, "sku", parent: true);
        var listing = JsonSerializer.Deserialize<ListingsItem>(item.GetRawText(), AmazonJson.Web)!;
        var snapshot = AmazonMapper.ToSnapshot(listing, "ATVPDKIKX0DER");
        Assert.Equal(listing.Sku, snapshot.Skus[0].Sku);
    }

    [Fact]
    public void ApiNotesExamples_MapTotalsAndStatus_WhenPresent()
    {
        if (OfficialExamples.ReadExample("amazon-getOrders.json") is { } notesOrders
            && OfficialExamples.ReadExample("amazon-getOrderItems.json") is { } notesItems)
        {
            var order = Mapped(Orders(notesOrders).Orders[0], Items(notesItems).OrderItems);
            Assert.Equal(47.98m, order.Total.Amount);
            Assert.Equal(23.99m, order.Lines[0].UnitPrice.Amount);
            Assert.Equal(OrderStatus.Cancelled, Mapped(Orders(notesOrders).Orders[1], []).Status);
        }
    }

    /// <summary>The first object holding <paramref name="name"/> (or that property's value), wherever the example nests it.</summary>
    private static JsonElement Find(JsonElement element, string name, bool parent = false)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out var value))
            {
                return parent ? element : value;
            }

            foreach (var property in element.EnumerateObject())
            {
                var found = Find(property.Value, name, parent);
                if (found.ValueKind != JsonValueKind.Undefined)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                var found = Find(item, name, parent);
                if (found.ValueKind != JsonValueKind.Undefined)
                {
                    return found;
                }
            }
        }

        return default;
    }

    private static ChannelMoneyView View(SellerPortal.Integrations.Abstractions.ChannelMoney money) => new(money.Amount, money.Currency);

    private sealed record ChannelMoneyView(decimal Amount, string Currency);
}
