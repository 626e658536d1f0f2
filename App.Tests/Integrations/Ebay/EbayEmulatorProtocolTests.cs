using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SellerPortal.Tests.Integrations.Ebay.Support;

using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>The emulator answers the way eBay does: raw HTTP, no client library in between.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class EbayEmulatorProtocolTests(EbayEmulatorFixture emulator)
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool token = true, string? contentLanguage = null)
    {
        using var request = new HttpRequestMessage(method, "/sandbox/ebay" + path);
        if (token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
            if (contentLanguage is not null)
            {
                request.Content.Headers.ContentLanguage.Add(contentLanguage);
            }
        }

        return await emulator.Raw.SendAsync(request);
    }

    private static async Task<int> ErrorIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("errorId").GetInt32();

    [Fact]
    public async Task MissingToken_Is401WithErrorId1001()
    {
        var response = await SendAsync(HttpMethod.Get, "/sell/inventory/v1/inventory_item?limit=1", token: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1001, await ErrorIdAsync(response));
    }

    [Fact]
    public async Task BulkUpdate_MoreThan25_IsRejected()
    {
        var requests = Enumerable.Range(1, 26).Select(i => new { sku = $"S{i}", shipToLocationAvailability = new { quantity = 1 } }).ToArray();

        var response = await SendAsync(HttpMethod.Post, "/sell/inventory/v1/bulk_update_price_quantity", new { requests });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(25002, await ErrorIdAsync(response));
    }

    [Fact]
    public async Task GetOrders_LimitOver200_IsAnError_AndABadFilterIs30800()
    {
        var tooMany = await SendAsync(HttpMethod.Get, "/sell/fulfillment/v1/order?limit=201");
        var badFilter = await SendAsync(HttpMethod.Get, "/sell/fulfillment/v1/order?filter=lastmodifieddate:yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal(30800, await ErrorIdAsync(badFilter));
    }

    [Fact]
    public async Task InventoryItem_WithoutContentLanguage_Is25709()
    {
        var response = await SendAsync(HttpMethod.Put, "/sell/inventory/v1/inventory_item/CL-1",
            new { availability = new { shipToLocationAvailability = new { quantity = 1 } }, condition = "NEW", product = new { title = "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(25709, await ErrorIdAsync(response));
    }

    [Fact]
    public async Task TokenEndpoint_RequiresBasicClientCredentials_AndRuNameAsRedirect()
    {
        var noBasic = await emulator.Raw.PostAsync("/sandbox/ebay/identity/v1/oauth2/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        using var wrongRedirect = new HttpRequestMessage(HttpMethod.Post, "/sandbox/ebay/identity/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = "https://portal.example.test/callback",
            }),
        };
        wrongRedirect.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("SellerPo-portal-SBX-0a1b2c3d4-5e6f7a8b:SBX-sandbox-ebay-client-secret")));
        var redirect = await emulator.Raw.SendAsync(wrongRedirect);

        Assert.Equal(HttpStatusCode.Unauthorized, noBasic.StatusCode);
        Assert.Equal("invalid_client", (await noBasic.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, redirect.StatusCode);
    }

    [Fact]
    public async Task ConsentPage_WithAUrlInsteadOfTheRuName_IsRefused()
    {
        var response = await emulator.Raw.GetAsync(
            "/sandbox/ebay/oauth2/authorize?client_id=SellerPo-portal-SBX-0a1b2c3d4-5e6f7a8b&redirect_uri=https%3A%2F%2Fportal.example.test%2Fcb&response_type=code&state=s");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
