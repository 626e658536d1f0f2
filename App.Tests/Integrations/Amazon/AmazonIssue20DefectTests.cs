using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>Issue 20's Amazon defects, each held by a test that failed on the code before the fix.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonIssue20DefectTests(AmazonEmulatorFixture emulator)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An unshipped order of two units on one line, as getOrder (2026-01-01) answers; written for these tests.</summary>
    private const string OrderToShip = """
        {"order":{"orderId":"114-0000001-0000001","createdTime":"2026-12-05T10:00:00Z","lastUpdatedTime":"2026-12-05T10:00:00Z",
          "salesChannel":{"channelName":"AMAZON","marketplaceId":"ATVPDKIKX0DER"},
          "fulfillment":{"fulfillmentStatus":"UNSHIPPED","fulfilledBy":"MERCHANT"},
          "orderItems":[{"orderItemId":"55500011112222","quantityOrdered":2,
            "product":{"asin":"B0OFFLINE1","sellerSku":"MUG-RED","price":{"unitPrice":{"currencyCode":"USD","amount":"9.50"}}},
            "fulfillment":{"quantityFulfilled":0,"quantityUnfulfilled":2}}]}}
        """;

    private static async Task<(AmazonWireRecorder Recorder, JsonElement Body)> ConfirmOfflineAsync(string carrier)
    {
        var recorder = new AmazonWireRecorder().Answer("/orders/2026-01-01/orders/114-0000001-0000001", OrderToShip);
        var connector = AmazonWireRecorder.Connector(recorder, new FakeTimeProvider(Now));
        await connector.MarkShippedAsync(AmazonWireRecorder.Account,
            new Shipment("114-0000001-0000001", carrier, "1Z999AA10123456784", ShippedUtc: Now.UtcDateTime.AddHours(-1)), CancellationToken.None);
        var sent = recorder.Requests.Single(r => r.Method == HttpMethod.Post);
        Assert.EndsWith("/orders/v0/orders/114-0000001-0000001/shipmentConfirmation", sent.Url.AbsolutePath);
        return (recorder, JsonDocument.Parse(sent.Body!).RootElement);
    }

    // Item 1: confirmShipment went out PascalCase.
    [OfficialExampleFact("amazon_confirmShipment_request_example.json")]
    public async Task ConfirmShipment_AsSent_HasTheOfficialExamplesNamesCasingNestingAndTypes()
    {
        var official = JsonShape.Of(OfficialExamples.Read("amazon_confirmShipment_request_example.json")!);
        var (_, body) = await ConfirmOfflineAsync("UPS");
        var ours = JsonShape.Of(body);

        // Every member we send is one the official request has, at the same place, with the same JSON type.
        foreach (var (path, kind) in ours)
        {
            Assert.True(official.TryGetValue(path, out var expected), $"{path} is not in Amazon's request example.");
            Assert.Equal(expected, kind);
        }

        // And every member Amazon requires is there.
        foreach (var required in new[] { "marketplaceId", "packageDetail.packageReferenceId", "packageDetail.carrierCode", "packageDetail.trackingNumber",
            "packageDetail.shipDate", "packageDetail.orderItems[].orderItemId", "packageDetail.orderItems[].quantity" })
        {
            Assert.True(ours.ContainsKey(required), $"{required} is missing.");
        }

        Assert.Equal("ATVPDKIKX0DER", body.GetProperty("marketplaceId").GetString());
        var package = body.GetProperty("packageDetail");
        Assert.Equal("UPS", package.GetProperty("carrierCode").GetString());
        Assert.Equal("2026-12-06T11:00:00Z", package.GetProperty("shipDate").GetString());
        Assert.Equal(2, package.GetProperty("orderItems")[0].GetProperty("quantity").GetInt32());
        Assert.False(package.TryGetProperty("carrierName", out _));
    }

    // Item 6: the carrier went as typed.
    [Theory]
    [InlineData("ups", "UPS", null)]
    [InlineData("Federal Express", "FedEx", null)]
    [InlineData("royal mail", "Royal Mail", null)]
    [InlineData("Speedy Couriers Ltd", "Other", "Speedy Couriers Ltd")]
    public void CarrierCodes_MapWhatStaffTypeToAmazonsCode_OrOtherWithTheName(string typed, string code, string? name)
    {
        Assert.Equal((code, name), AmazonCarrierCodes.Resolve(typed));
        Assert.Contains(code, AmazonCarrierCodes.All);
    }

    [Fact]
    public async Task ConfirmShipment_WithAnUnlistedCarrier_SendsOtherAndTheCarriersName()
    {
        var (_, body) = await ConfirmOfflineAsync("Speedy Couriers Ltd");

        Assert.Equal("Other", body.GetProperty("packageDetail").GetProperty("carrierCode").GetString());
        Assert.Equal("Speedy Couriers Ltd", body.GetProperty("packageDetail").GetProperty("carrierName").GetString());
    }

    [Fact]
    public async Task Emulator_RefusesAnUnknownCarrierCode_AndOtherWithoutCarrierName()
    {
        await emulator.RateLimitsAsync(false);
        var orderId = (await emulator.ControlAsync("orders", new { count = 1, skus = new[] { "CARRIER-1" } })).GetProperty("orderIds")[0].GetString()!;
        var order = await emulator.Client.GetOrderV2Async(emulator.Account, orderId, CancellationToken.None);
        var itemId = order!.OrderItems[0].OrderItemId;
        async Task<(HttpStatusCode, string)> ConfirmAsync(string package)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/sandbox/amazon/orders/v0/orders/{orderId}/shipmentConfirmation")
            {
                Content = new StringContent($$$"""{"marketplaceId":"ATVPDKIKX0DER","packageDetail":{"packageReferenceId":"1",{{{package}}},"trackingNumber":"T1","shipDate":"2026-12-01T00:00:00Z","orderItems":[{"orderItemId":"{{{itemId}}}","quantity":1}]}}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-amz-access-token", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));
            using var response = await emulator.Raw.SendAsync(request);
            var error = response.StatusCode == HttpStatusCode.NoContent ? ""
                : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("code").GetString()!;
            return (response.StatusCode, error);
        }

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidInput"), await ConfirmAsync("\"carrierCode\":\"Speedy Couriers\""));
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidInput"), await ConfirmAsync("\"carrierCode\":\"Other\""));
        Assert.Equal((HttpStatusCode.NoContent, ""), await ConfirmAsync("\"carrierCode\":\"Other\",\"carrierName\":\"Speedy Couriers\""));
    }

    // Item 2: the import window ended at the moment of the request.
    [Fact]
    public async Task SearchOrders_EndsTheWindowAtLeastTwoMinutesBeforeTheRequest()
    {
        var recorder = new AmazonWireRecorder().Answer("/orders/2026-01-01/orders", """{"orders":[]}""");
        var connector = AmazonWireRecorder.Connector(recorder, new FakeTimeProvider(Now));

        await connector.ListOrdersAsync(AmazonWireRecorder.Account, new OrderQuery(Now.UtcDateTime.AddHours(-1), Now.UtcDateTime), CancellationToken.None);

        var query = System.Web.HttpUtility.ParseQueryString(recorder.Requests.Single().Url.Query);
        var before = DateTime.Parse(query["lastUpdatedBefore"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.True(before <= Now.UtcDateTime.AddMinutes(-2), $"lastUpdatedBefore {before:o} is within two minutes of the request.");
        Assert.True(before >= Now.UtcDateTime.AddMinutes(-3));
    }

    [Fact]
    public async Task Emulator_RefusesALastUpdatedBeforeWithinTwoMinutes_InAmazonsEnvelope()
    {
        await emulator.RateLimitsAsync(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/amazon/orders/2026-01-01/orders?marketplaceIds=ATVPDKIKX0DER"
            + "&lastUpdatedAfter=" + Uri.EscapeDataString(DateTime.UtcNow.AddHours(-1).ToString("o"))
            + "&lastUpdatedBefore=" + Uri.EscapeDataString(DateTime.UtcNow.ToString("o")));
        request.Headers.Add("x-amz-access-token", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));

        using var response = await emulator.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("InvalidInput", error.GetProperty("code").GetString());
        Assert.Contains("two minutes", error.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.String, error.GetProperty("details").ValueKind);
    }

    // Item 3: no User-Agent.
    [Fact]
    public async Task EveryCall_NamesTheAppInAmazonsUserAgentForm()
    {
        var recorder = new AmazonWireRecorder().Answer("/orders/2026-01-01/orders", """{"orders":[]}""");
        var connector = AmazonWireRecorder.Connector(recorder, new FakeTimeProvider(Now));

        await connector.ListOrdersAsync(AmazonWireRecorder.Account, new OrderQuery(Now.UtcDateTime.AddHours(-1)), CancellationToken.None);

        var userAgent = string.Join(' ', recorder.Requests.Single().Request.Headers.GetValues("User-Agent"));
        Assert.Matches(new Regex(@"^SellerPortal/\d+\.\d+\.\d+ \(Language=csharp/\d+[\d.]*; Platform=\w+/[\d.]+\)$"), userAgent);
    }

    [Fact]
    public async Task Emulator_RefusesACallWithoutUserAgent()
    {
        using var bare = emulator.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/amazon/fba/inventory/v1/summaries?granularityType=Marketplace&granularityId=ATVPDKIKX0DER&marketplaceIds=ATVPDKIKX0DER");
        request.Headers.Add("x-amz-access-token", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));

        using var response = await bare.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("User-Agent", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    // Item 4: searchOrders was held to getOrders' rate.
    [Fact]
    public void RateLimits_AreTheUsagePlansAmazonPublishes()
    {
        var expected = new Dictionary<string, AmazonRateLimit>
        {
            [AmazonRateLimits.GetOrders] = new(0.0167, 20),
            [AmazonRateLimits.SearchOrders] = new(0.0056, 20),
            [AmazonRateLimits.GetOrderV2] = new(0.5, 30),
            [AmazonRateLimits.GetOrder] = new(0.5, 30),
            [AmazonRateLimits.GetOrderItems] = new(0.5, 30),
            [AmazonRateLimits.ConfirmShipment] = new(2, 10),
            [AmazonRateLimits.GetListingsItem] = new(5, 10),
            [AmazonRateLimits.PutListingsItem] = new(5, 10),
            [AmazonRateLimits.PatchListingsItem] = new(5, 5),
            [AmazonRateLimits.DeleteListingsItem] = new(5, 5),
            [AmazonRateLimits.SearchListingsItems] = new(5, 5),
            [AmazonRateLimits.SearchCatalogItems] = new(2, 2),
            [AmazonRateLimits.GetCatalogItem] = new(2, 2),
            [AmazonRateLimits.GetInventorySummaries] = new(2, 2),
            [AmazonRateLimits.CreateFeedDocument] = new(0.5, 15),
            [AmazonRateLimits.CreateFeed] = new(0.0083, 15),
            [AmazonRateLimits.GetFeed] = new(2, 15),
            [AmazonRateLimits.GetFeedDocument] = new(0.0222, 10),
        };

        Assert.Equal(expected.OrderBy(e => e.Key), AmazonRateLimits.Published.OrderBy(e => e.Key));
        Assert.Equal(new AmazonRateLimit(0.0056, 20), new AmazonOptions().RateLimits[AmazonRateLimits.SearchOrders]);
    }

    // Item 5: a gzip processing report was read as text and every per-SKU outcome was lost.
    [Fact]
    public async Task AGzipProcessingReport_IsUnpacked_AndEachSkusOutcomeLands()
    {
        await emulator.RateLimitsAsync(false);
        var skus = Enumerable.Range(1, 12).Select(i => $"GZ-{Guid.NewGuid():N}"[..12] + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        foreach (var sku in skus)
        {
            await emulator.Connector.CreateListingAsync(emulator.Account, new ListingDraft
            {
                ProductKey = sku, Title = $"Mug {sku}", Brand = "Clay", Description = "Stoneware.",
                ChannelFields = new Dictionary<string, string> { ["product_type"] = "PRODUCT" },
                Variants = [new ListingVariantDraft(sku, new ChannelMoney(9m, "USD"), 1, new Dictionary<string, string>())],
            }, CancellationToken.None);
        }

        await emulator.ControlAsync("report-compression", new { gzip = true });
        try
        {
            // Twelve SKUs go by feed (more than PatchUpToSkus); the last one's price of 0 is refused by Amazon.
            var results = await emulator.Connector.UpdateOffersAsync(emulator.Account,
                [.. skus.Select((sku, i) => new AmazonOfferUpdate(sku, new ChannelMoney(i == 11 ? 0m : 12m, "USD"), 4))], CancellationToken.None);

            Assert.Equal(12, results.Count);
            Assert.All(results.Take(11), r => Assert.True(r.Succeeded, r.Error));
            Assert.False(results[11].Succeeded);
            Assert.Equal("99022", results[11].ErrorCode);
        }
        finally
        {
            await emulator.ControlAsync("report-compression", new { gzip = false });
        }
    }
}
