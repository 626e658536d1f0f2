using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Ebay.Dto;
using SellerPortal.Tests.Integrations.Ebay.Fixtures;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

public sealed class EbayMapperTests
{
    private static EbayOrdersPage Page(string json) => JsonSerializer.Deserialize<EbayOrdersPage>(json, EbayJson.Options)!;

    [Theory]
    [InlineData("NOT_STARTED", "PAID", "NONE_REQUESTED", OrderStatus.Processing)]
    [InlineData("IN_PROGRESS", "PAID", "NONE_REQUESTED", OrderStatus.Processing)]
    [InlineData("FULFILLED", "PAID", "NONE_REQUESTED", OrderStatus.Shipped)]
    [InlineData("NOT_STARTED", "PENDING", "NONE_REQUESTED", OrderStatus.Pending)]
    [InlineData("NOT_STARTED", "PAID", "CANCELED", OrderStatus.Cancelled)]
    [InlineData("FULFILLED", "FULLY_REFUNDED", "CANCELED", OrderStatus.Cancelled)]
    [InlineData("NOT_STARTED", "PAID", "IN_PROGRESS", OrderStatus.Processing)]
    public void MapStatus_FollowsCancelThenPaymentThenFulfillment(string fulfillment, string payment, string cancel, OrderStatus expected) =>
        Assert.Equal(expected, EbayMapper.MapStatus(fulfillment, payment, cancel));

    [Fact]
    public void ToChannelOrder_PaidOrder_KeepsUsernameAddressDecimalMoneyAndUnitPrice()
    {
        var page = Page(EbayPayloads.GetOrders);

        var order = EbayMapper.ToChannelOrder(page.Orders[0]);

        Assert.Equal(3, page.Total);
        Assert.Null(page.Next);
        Assert.Equal("14-01234-56789", order.ExternalOrderId);
        // Was the legacy id; issue 20 item 14: the orderId is the number Seller Hub and the buyer see.
        Assert.Equal("14-01234-56789", order.OrderNumber);
        Assert.Equal("225400112233-2345678901", order.AlternateOrderNumber);
        Assert.Equal(OrderStatus.Processing, order.Status);
        Assert.Equal("NOT_STARTED", order.RawStatus);
        Assert.Equal("gearhead_77", order.BuyerUsername);
        Assert.Equal("Sam Lee", order.BuyerName);
        Assert.Equal(new ChannelMoney(186.95m, "USD"), order.Total);
        Assert.Equal(new DateTime(2026, 11, 20, 14, 5, 33, DateTimeKind.Utc), order.PlacedUtc);
        Assert.Equal(DateTimeKind.Utc, order.UpdatedUtc.Kind);
        Assert.Equal(new ChannelAddress("Sam Lee", "77 Oak Ave", "Unit 4", "Austin", "TX", "78701", "US", "5125550100"), order.ShipTo);
        var line = Assert.Single(order.Lines);
        Assert.Equal("10052213999012", line.ExternalLineId);
        Assert.Equal("ROTOR-F150-PAIR", line.Sku);
        Assert.Equal(2, line.Quantity);
        Assert.Equal(new ChannelMoney(89.50m, "USD"), line.UnitPrice);
    }

    [Fact]
    public void ToChannelOrder_CancelledWithNoLinesOrAddress_IsCancelledWithItsCurrency()
    {
        var order = EbayMapper.ToChannelOrder(Page(EbayPayloads.GetOrders).Orders[1]);

        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("CANCELED", order.RawStatus);
        Assert.Equal(new ChannelMoney(12.50m, "GBP"), order.Total);
        Assert.Equal("j***r", order.BuyerUsername);
        Assert.Null(order.BuyerName);
        Assert.Null(order.ShipTo);
        Assert.Empty(order.Lines);
    }

    [Fact]
    public void ToChannelOrder_PendingPaymentWithoutBuyerTotalOrSku_FallsBackSafely()
    {
        var order = EbayMapper.ToChannelOrder(Page(EbayPayloads.GetOrders).Orders[2]);

        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Null(order.BuyerUsername);
        Assert.Equal(new ChannelMoney(0m, "USD"), order.Total);
        // No SKU on the line: the legacy item id stands in so the line can still be matched by hand.
        Assert.Equal("225400119999", Assert.Single(order.Lines).Sku);
    }

    [Theory]
    [InlineData(19.99, "19.99")]
    [InlineData(5, "5.00")]
    [InlineData(1234.5, "1234.50")]
    [InlineData(0.125, "0.125")]
    public void ToAmount_WritesInvariantDecimalStrings(decimal amount, string expected) =>
        Assert.Equal(expected, EbayMapper.ToAmount(new ChannelMoney(amount, "USD")).Value);

    [Fact]
    public void ToSkuResult_FailedResponse_CarriesErrorIdAndMessage()
    {
        var result = EbayMapper.ToSkuResult(new EbayPriceQuantityResult
        {
            StatusCode = 400,
            Sku = "SKU-9",
            Errors = [new EbayError { ErrorId = 25002, Message = "A user error has occurred.", LongMessage = "The price must be greater than 0." }],
        }, "SKU-9");

        Assert.False(result.Succeeded);
        Assert.Equal("25002", result.ErrorCode);
        Assert.Equal("The price must be greater than 0.", result.Error);
    }

    [OfficialExampleFact("ebay_examples.json")]
    public void OfficialExamples_GetOrdersAndBulkUpdate_MapBuyerTotalsAndResults()
    {
        var shared = OfficialExamples.Read("ebay_examples.json")!;
        using var doc = JsonDocument.Parse(shared);
        var page = JsonSerializer.Deserialize<EbayOrdersPage>(doc.RootElement.GetProperty("getOrders_response_skeleton").GetRawText(), EbayJson.Options)!;
        var order = EbayMapper.ToChannelOrder(Assert.Single(page.Orders));
        Assert.Equal("buyer_1", order.BuyerUsername);
        Assert.Equal(new ChannelMoney(24.94m, "USD"), order.Total);
        Assert.Equal(19.99m, order.Lines[0].UnitPrice.Amount);

        var bulk = JsonSerializer.Deserialize<EbayBulkPriceQuantityResponse>(
            doc.RootElement.GetProperty("bulkUpdatePriceQuantity").GetProperty("response_200_or_207").GetRawText(), EbayJson.Options)!;
        Assert.True(EbayMapper.ToSkuResult(bulk.Responses[0], "SKU-1").Succeeded);
    }

    [OfficialExampleFact("ebay_token_response_example.json")]
    public void OfficialTokenResponse_RefreshGrantKeepsTheRefreshToken_AndReadsTheExpiry()
    {
        var tokenJson = OfficialExamples.Read("ebay_token_response_example.json")!;
        using var doc = JsonDocument.Parse(tokenJson);
        var refresh = JsonSerializer.Deserialize<EbayTokenResponse>(doc.RootElement.GetProperty("refresh_token_grant_response").GetRawText())!;
        Assert.Null(refresh.RefreshToken);
        Assert.Equal(7200, refresh.ExpiresIn);
    }

    [Fact]
    public void ApiNotesExample_MapsTheOrderTotal_WhenPresent()
    {
        // The shared example order from the API notes, in place.
        if (OfficialExamples.ReadExample("ebay-getOrders.json") is { } notes)
        {
            var order = EbayMapper.ToChannelOrder(Page(notes).Orders[0]);
            Assert.Equal(new ChannelMoney(97.45m, "USD"), order.Total);
            Assert.Equal("j***r", order.BuyerUsername);
        }
    }
}
