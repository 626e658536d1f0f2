using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SellerPortal.Sandbox.Shopify;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox.Shopify;

/// <summary>
/// The Shopify emulator's OAuth as shopify.md §4.1 states Shopify's: the consent page checks the app, the redirect,
/// the scope and a state; the callback carries code, hmac, host, shop, state and timestamp signed with the client
/// secret; the code is good once; expiring tokens come with a refresh token that is replaced on every use, the old
/// one good until the new one is first used.
/// </summary>
public sealed class ShopifyEmulatorAuthTests
{
    [OfficialExampleFact("shopify_hmac_vectors.json")]
    public void TheCallbackHmac_IsShopifysOfficialVector()
    {
        using var vectors = JsonDocument.Parse(OfficialExamples.Read("shopify_hmac_vectors.json")!);
        foreach (var vector in vectors.RootElement.GetProperty("oauth_callback").EnumerateArray())
        {
            var query = vector.TryGetProperty("query_received", out var received) ? received.GetString()! : vector.GetProperty("message").GetString()!;
            var parameters = QueryHelpers.ParseQuery("?" + query).Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString()));

            Assert.Equal(vector.GetProperty("expected_hmac_hex").GetString(), ShopifySandboxAuth.CallbackHmac(vector.GetProperty("client_secret").GetString()!, parameters));
        }
    }

    [Fact]
    public async Task TheConsentPage_RefusesAnUnknownApp_AnUnregisteredRedirect_NoState_OrABadScope()
    {
        await using var shopify = ShopifyEmulator.Start();

        Assert.Equal(HttpStatusCode.OK, (await shopify.Http.GetAsync(shopify.ConsentUrl())).StatusCode);
        foreach (var refused in new[]
        {
            shopify.ConsentUrl(clientId: "someone-else"),
            shopify.ConsentUrl(redirectUri: "https://evil.example/callback"),
            shopify.ConsentUrl(state: ""),
            shopify.ConsentUrl(scope: "read_products,everything"),
        })
        {
            using var response = await shopify.Http.GetAsync(refused);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var badShop = await shopify.Http.GetAsync(shopify.ConsentUrl(shop: "-bad.example.com"));
        Assert.Equal(HttpStatusCode.NotFound, badShop.StatusCode);
    }

    [Fact]
    public async Task TheCallback_CarriesShopifysParameters_SignedWithTheClientSecret_AndEchoesTheState()
    {
        await using var shopify = ShopifyEmulator.Start();

        var callback = await shopify.ApproveAsync(state: "0.6784241404160823");

        Assert.Equal(["code", "hmac", "host", "shop", "state", "timestamp"], callback.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("0.6784241404160823", callback["state"]);
        Assert.Equal(ShopifyEmulator.Shop, callback["shop"]);
        Assert.Equal("admin.shopify.com/store/maker-test", Encoding.UTF8.GetString(Convert.FromBase64String(callback["host"].PadRight((callback["host"].Length + 3) / 4 * 4, '='))));
        // Recomputed here from the documentation's rule: all but hmac, sorted, k=v joined by &, lower-hex HMAC-SHA256.
        var message = string.Join("&", callback.Where(p => p.Key != "hmac").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(shopify.App.ClientSecret), Encoding.UTF8.GetBytes(message)));
        Assert.Equal(expected, callback["hmac"]);
        Assert.InRange(long.Parse(callback["timestamp"], CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task TheConsentField_SignsInAsAnotherShop()
    {
        await using var shopify = ShopifyEmulator.Start();

        var callback = await shopify.ApproveAsync(owner: "second-store.myshopify.com");

        Assert.Equal("second-store.myshopify.com", callback["shop"]);
        using var exchanged = await shopify.TokenAsync(shopify.Exchange(callback["code"]), "second-store.myshopify.com");
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
    }

    [Fact]
    public async Task TheCode_WorksOnce_AndWithoutExpiringGivesOnlyTheTokenAndScope()
    {
        await using var shopify = ShopifyEmulator.Start();
        var code = (await shopify.ApproveAsync())["code"];

        using var wrongSecret = await shopify.TokenAsync(new Dictionary<string, string>(shopify.Exchange(code)) { ["client_secret"] = "nope" });
        using var exchanged = await shopify.TokenAsync(shopify.Exchange(code));
        using var again = await shopify.TokenAsync(shopify.Exchange(code));

        Assert.Equal(HttpStatusCode.BadRequest, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var token = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["access_token", "scope"], token.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("shpat_", token.GetProperty("access_token").GetString(), StringComparison.Ordinal);
        Assert.Equal(ShopifyEmulator.Scope, token.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var refused = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["error", "error_description"], refused.EnumerateObject().Select(p => p.Name));
        Assert.Equal("invalid_request", refused.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AnExpiringToken_RefreshesWithARotatingToken_TheOldOneGoodUntilTheNewOneIsUsed()
    {
        await using var shopify = ShopifyEmulator.Start();
        var code = (await shopify.ApproveAsync())["code"];
        using var exchanged = await shopify.TokenAsync(shopify.Exchange(code, expiring: true));
        var first = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["access_token", "scope", "expires_in", "refresh_token", "refresh_token_expires_in"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3600, first.GetProperty("expires_in").GetInt32());
        Assert.Equal(90 * 86400, first.GetProperty("refresh_token_expires_in").GetInt32());
        Dictionary<string, string> Refresh(string token) => new()
        {
            ["client_id"] = shopify.App.ClientId, ["client_secret"] = shopify.App.ClientSecret, ["grant_type"] = "refresh_token", ["refresh_token"] = token,
        };
        var r1 = first.GetProperty("refresh_token").GetString()!;

        using var once = await shopify.TokenAsync(Refresh(r1));
        var r2 = (await once.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;
        // The grace: r1 still works while r2 has not been used.
        using var graced = await shopify.TokenAsync(Refresh(r1));
        using var second = await shopify.TokenAsync(Refresh(r2));
        using var late = await shopify.TokenAsync(Refresh(r1));

        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.NotEqual(r1, r2);
        Assert.Equal(HttpStatusCode.OK, graced.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var token = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        var (status, body) = await shopify.GraphQLAsync(token, "{ shop { myshopifyDomain } }");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ShopifyEmulator.Shop, body.GetProperty("data").GetProperty("shop").GetProperty("myshopifyDomain").GetString());
    }
}
