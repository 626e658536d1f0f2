using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>
/// The emulator parses as SP-API does (issue 20): wrong casing, unknown or misspelled members, wrong JSON types, a
/// wrong content type or method are refused in Amazon's error envelope, and nothing is changed.
/// </summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonEmulatorStrictnessTests(AmazonEmulatorFixture emulator)
{
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        await emulator.RateLimitsAsync(false);
        using var request = new HttpRequestMessage(method, "/sandbox/amazon" + path);
        request.Headers.Add("x-amz-access-token", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await emulator.Raw.SendAsync(request);
    }

    private static async Task<JsonElement> FirstErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];

    private async Task<(string OrderId, string ItemId)> UnshippedOrderAsync()
    {
        await emulator.RateLimitsAsync(false);
        var orderId = (await emulator.ControlAsync("orders", new { count = 1, skus = new[] { "STRICT-SHIP" } })).GetProperty("orderIds")[0].GetString()!;
        var order = await emulator.Client.GetOrderV2Async(emulator.Account, orderId, CancellationToken.None);
        return (orderId, order!.OrderItems[0].OrderItemId);
    }

    [Fact]
    public async Task APascalCaseConfirmShipment_IsRefusedInvalidInput_AndTheOrderStaysUnshipped()
    {
        var (orderId, itemId) = await UnshippedOrderAsync();

        var response = await SendRawAsync(HttpMethod.Post, $"/orders/v0/orders/{orderId}/shipmentConfirmation",
            $$$"""{"MarketplaceId":"ATVPDKIKX0DER","PackageDetail":{"PackageReferenceId":"1","CarrierCode":"UPS","TrackingNumber":"T1","ShipDate":"2026-12-01T00:00:00Z","OrderItems":[{"OrderItemId":"{{{itemId}}}","Quantity":1}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await FirstErrorAsync(response);
        Assert.Equal("InvalidInput", error.GetProperty("code").GetString());
        Assert.Contains("MarketplaceId", error.GetProperty("details").GetString());
        var order = await emulator.Client.GetOrderV2Async(emulator.Account, orderId, CancellationToken.None);
        Assert.Equal(0, order!.OrderItems[0].Fulfillment!.QuantityFulfilled);
    }

    [Fact]
    public async Task AQuantityAsAString_AndAMisspelledMember_AreRefusedInvalidInput()
    {
        var (orderId, itemId) = await UnshippedOrderAsync();
        var path = $"/orders/v0/orders/{orderId}/shipmentConfirmation";

        var asString = await SendRawAsync(HttpMethod.Post, path,
            $$$"""{"marketplaceId":"ATVPDKIKX0DER","packageDetail":{"packageReferenceId":"1","carrierCode":"UPS","trackingNumber":"T1","shipDate":"2026-12-01T00:00:00Z","orderItems":[{"orderItemId":"{{{itemId}}}","quantity":"1"}]}}""");
        var misspelled = await SendRawAsync(HttpMethod.Post, path,
            $$$"""{"marketplaceId":"ATVPDKIKX0DER","packageDetail":{"packageReferenceId":"1","carrierCode":"UPS","trackingNumbr":"T1","shipDate":"2026-12-01T00:00:00Z","orderItems":[{"orderItemId":"{{{itemId}}}","quantity":1}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, asString.StatusCode);
        Assert.Contains("quantity", (await FirstErrorAsync(asString)).GetProperty("details").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, misspelled.StatusCode);
        Assert.Equal("InvalidInput", (await FirstErrorAsync(misspelled)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task APascalCaseListingsPut_IsRefused_AndNoListingIsMade()
    {
        var sku = "STRICT-PUT-" + Guid.NewGuid().ToString("N")[..6];
        var response = await SendRawAsync(HttpMethod.Put, $"/listings/2021-08-01/items/{emulator.Account.SellerId}/{sku}?marketplaceIds=ATVPDKIKX0DER",
            """{"ProductType":"PRODUCT","Attributes":{"item_name":[{"value":"Mug"}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidInput", (await FirstErrorAsync(response)).GetProperty("code").GetString());
        Assert.Null(await emulator.Client.GetListingsItemAsync(emulator.Account, sku, CancellationToken.None));
    }

    [Fact]
    public async Task AFormBody_Is415_AndAWrongMethod_Is405_BothInAmazonsEnvelope()
    {
        var form = await SendRawAsync(HttpMethod.Post, "/feeds/2021-06-30/documents", "contentType=text", "application/x-www-form-urlencoded");
        var method = await SendRawAsync(HttpMethod.Delete, "/feeds/2021-06-30/documents");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("Content-Type", (await FirstErrorAsync(form)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("MethodNotAllowed", (await FirstErrorAsync(method)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CreateFeed_WithAnUnknownMember_IsRefused()
    {
        var response = await SendRawAsync(HttpMethod.Post, "/feeds/2021-06-30/feeds",
            """{"feedType":"JSON_LISTINGS_FEED","marketplaceIds":["ATVPDKIKX0DER"],"inputFeedDocumentId":"x","priority":"high"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("priority", (await FirstErrorAsync(response)).GetProperty("details").GetString());
    }
}
