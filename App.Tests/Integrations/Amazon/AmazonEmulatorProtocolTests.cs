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
}
