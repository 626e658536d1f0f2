using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SellerPortal.Tests.Integrations.Amazon.Support;

using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>The emulator answers the way SP-API does: raw HTTP, no client library in between.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonEmulatorProtocolTests(AmazonEmulatorFixture emulator)
{
    private async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/amazon" + pathAndQuery);
        if (token is not null)
        {
            request.Headers.Add("x-amz-access-token", token);
        }

        return await emulator.Raw.SendAsync(request);
    }

    private static async Task<(string Code, string Message)> FirstErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = body.GetProperty("errors")[0];
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }

    private Task<string> TokenAsync() => emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None);

    [Fact]
    public async Task MissingOrUnknownToken_Is403Unauthorized_WithRequestId()
    {
        var missing = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z", null);
        var unknown = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z", "Atza|forged");

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("Unauthorized", (await FirstErrorAsync(missing)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.True(unknown.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task GetOrders_RequiresMarketplaceAndExactlyOneDateFilter()
    {
        await emulator.RateLimitsAsync(false);
        var token = await TokenAsync();

        var noMarketplace = await GetAsync("/orders/v0/orders?LastUpdatedAfter=2026-01-01T00:00:00Z", token);
        var both = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&CreatedAfter=2026-01-01T00:00:00Z", token);
        var neither = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER", token);
        var tooMany = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&MaxResultsPerPage=101", token);
        var sandboxCase = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=TEST_CASE_400", token);

        foreach (var response in new[] { noMarketplace, both, neither, tooMany, sandboxCase })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("InvalidInput", (await FirstErrorAsync(response)).Code);
        }
    }

    [Fact]
    public async Task SearchOrders_RefusesWhatAmazonRefuses()
    {
        await emulator.RateLimitsAsync(false);
        var token = await TokenAsync();
        const string Path = "/orders/2026-01-01/orders?marketplaceIds=ATVPDKIKX0DER";

        var both = await GetAsync(Path + "&lastUpdatedAfter=2026-01-01T00:00:00Z&createdAfter=2026-01-01T00:00:00Z", token);
        var neither = await GetAsync(Path, token);
        var mixedBounds = await GetAsync(Path + "&createdAfter=2026-01-01T00:00:00Z&lastUpdatedBefore=2026-02-01T00:00:00Z", token);
        var tooMany = await GetAsync(Path + "&lastUpdatedAfter=2026-01-01T00:00:00Z&maxResultsPerPage=101", token);
        var unknownBlock = await GetAsync(Path + "&lastUpdatedAfter=2026-01-01T00:00:00Z&includedData=FULFILLMENT,EVERYTHING", token);
        var forgedToken = await GetAsync(Path + "&paginationToken=not-a-token", token);

        var messages = new List<string>();
        foreach (var response in new[] { both, neither, mixedBounds, tooMany, unknownBlock, forgedToken })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var (code, message) = await FirstErrorAsync(response);
            Assert.Equal("InvalidInput", code);
            messages.Add(message);
        }

        Assert.Contains("EVERYTHING", messages[4]);
    }

    [Fact]
    public async Task SearchOrders_ItemsInline_BlocksOnlyWhenAsked_SameOrdersAsV0()
    {
        await emulator.RateLimitsAsync(false);
        var token = await TokenAsync();
        var sku = $"S26-{Guid.NewGuid():N}"[..16];
        var created = await emulator.ControlAsync("orders", new { count = 3, skus = new[] { sku }, unitPrice = "10.00" });
        var ids = created.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var after = Uri.EscapeDataString(DateTime.UtcNow.AddHours(-2).ToString("o"));
        // Amazon takes an upper bound only two minutes or more in the past.
        var before = Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(-3).ToString("o"));

        var found = new List<JsonElement>();
        string? next = null;
        do
        {
            var query = next is null
                ? $"&lastUpdatedAfter={after}&lastUpdatedBefore={before}&maxResultsPerPage=100&includedData=FULFILLMENT,RECIPIENT"
                : $"&includedData=FULFILLMENT,RECIPIENT&paginationToken={Uri.EscapeDataString(next)}";
            var response = await GetAsync("/orders/2026-01-01/orders?marketplaceIds=ATVPDKIKX0DER" + query, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.False(body.TryGetProperty("payload", out _));
            found.AddRange(body.GetProperty("orders").EnumerateArray().Where(o => ids.Contains(o.GetProperty("orderId").GetString()!)));
            next = body.TryGetProperty("pagination", out var p) ? p.GetProperty("nextToken").GetString() : null;
        }
        while (next is not null);

        Assert.Equal(ids, found.Select(o => o.GetProperty("orderId").GetString()!).ToHashSet());
        var first = found.Single(o => o.GetProperty("orderItems")[0].GetProperty("quantityOrdered").GetInt32() == 2);
        Assert.Equal("UNSHIPPED", first.GetProperty("fulfillment").GetProperty("fulfillmentStatus").GetString());
        Assert.Equal("MERCHANT", first.GetProperty("fulfillment").GetProperty("fulfilledBy").GetString());
        Assert.Equal(sku, first.GetProperty("orderItems")[0].GetProperty("product").GetProperty("sellerSku").GetString());
        Assert.Equal("10.00", first.GetProperty("orderItems")[0].GetProperty("product").GetProperty("price").GetProperty("unitPrice").GetProperty("amount").GetString());
        Assert.Equal("Seattle", first.GetProperty("recipient").GetProperty("deliveryAddress").GetProperty("city").GetString());
        Assert.False(first.TryGetProperty("buyer", out _));
        Assert.False(first.TryGetProperty("proceeds", out _));

        var one = await GetAsync($"/orders/2026-01-01/orders/{first.GetProperty("orderId").GetString()}?includedData=FULFILLMENT", token);
        var single = (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order");
        Assert.Equal("UNSHIPPED", single.GetProperty("fulfillment").GetProperty("fulfillmentStatus").GetString());
        Assert.Equal(sku, single.GetProperty("orderItems")[0].GetProperty("product").GetProperty("sellerSku").GetString());
        Assert.False(single.TryGetProperty("recipient", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/orders/2026-01-01/orders/902-0000000-0000000", token)).StatusCode);

        var v0 = await GetAsync($"/orders/v0/orders/{first.GetProperty("orderId").GetString()}", token);
        var v0Order = (await v0.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payload");
        Assert.Equal("Unshipped", v0Order.GetProperty("OrderStatus").GetString());
        Assert.Equal(v0Order.GetProperty("LastUpdateDate").GetString(), first.GetProperty("lastUpdatedTime").GetString());
    }

    [Fact]
    public async Task GetOrders_OverThePublishedBurst_Is429QuotaExceededWithRateHeader()
    {
        await emulator.RateLimitsAsync(true);
        try
        {
            var token = await TokenAsync();
            HttpResponseMessage? limited = null;
            // getOrders: 0.0167 per second after a burst of 20.
            for (var i = 0; i < 25 && limited is null; i++)
            {
                var response = await GetAsync("/orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z", token);
                limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }

            Assert.NotNull(limited);
            Assert.Equal("0.0167", limited.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
            var (code, message) = await FirstErrorAsync(limited);
            Assert.Equal("QuotaExceeded", code);
            Assert.Equal("You exceeded your quota for the requested resource.", message);
        }
        finally
        {
            await emulator.RateLimitsAsync(false);
        }
    }

    [Fact]
    public async Task Lwa_WrongClientSecret_Is401InvalidClient_AndUnknownCodeIsInvalidGrant()
    {
        var wrongClient = await emulator.Raw.PostAsync("/sandbox/amazon/auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "Atzr|x", ["client_id"] = "amzn1.application-oa2-client.sandbox0001", ["client_secret"] = "wrong",
        }));
        var badCode = await emulator.Raw.PostAsJsonAsync("/sandbox/amazon/auth/o2/token", new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = "ANnope", ["client_id"] = "amzn1.application-oa2-client.sandbox0001",
            ["client_secret"] = "sandbox-amazon-client-secret",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongClient.StatusCode);
        Assert.Equal("invalid_client", (await wrongClient.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal("invalid_grant", (await badCode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Listings_ForAnotherSeller_IsRefused_AndWithoutMarketplaceIsInvalid()
    {
        await emulator.RateLimitsAsync(false);
        var token = await TokenAsync();

        var other = await GetAsync("/listings/2021-08-01/items/AOTHERSELLER/SKU-1?marketplaceIds=ATVPDKIKX0DER", token);
        var noMarketplace = await GetAsync("/listings/2021-08-01/items/A3SANDBOXSELLER1/SKU-1", token);
        var missing = await GetAsync("/listings/2021-08-01/items/A3SANDBOXSELLER1/NO-SUCH-SKU?marketplaceIds=ATVPDKIKX0DER", token);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noMarketplace.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task FeedDocumentUpload_WithABadSignature_IsDenied()
    {
        var response = await emulator.Raw.PutAsync("/sandbox/amazon/_storage/amzn1.tortuga.4.na.nope?X-Amz-Signature=forged", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/javascript; charset=UTF-8")]
    public async Task CreateFeedDocument_WithAContentTypeAmazonDoesNotTake_IsInvalidInput(string contentType)
    {
        await emulator.RateLimitsAsync(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/amazon/feeds/2021-06-30/documents")
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["contentType"] = contentType }),
        };
        request.Headers.Add("x-amz-access-token", await TokenAsync());

        var response = await emulator.Raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("InvalidInput", $"contentType {contentType} is not a supported feed content type."), await FirstErrorAsync(response));
    }
}
