using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SellerPortal.Sandbox.Etsy;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox.Etsy;

/// <summary>
/// The Etsy emulator's OAuth as etsy.md states Etsy's: authorization code with PKCE S256 only and a required state,
/// the code bound to its redirect URI and verifier and good once, refresh tokens that rotate, "&lt;user_id&gt;." tokens;
/// and every API call's <c>x-api-key</c> of keystring and shared secret.
/// </summary>
public sealed class EtsyEmulatorAuthTests
{
    [OfficialExampleFact("pkce_rfc7636_vector.json")]
    public void TheChallenge_IsRfc7636s_S256OfTheVerifier()
    {
        using var vector = JsonDocument.Parse(OfficialExamples.Read("pkce_rfc7636_vector.json")!);
        var root = vector.RootElement;

        Assert.Equal("S256", root.GetProperty("code_challenge_method").GetString());
        Assert.Equal(root.GetProperty("expected_code_challenge").GetString(), EtsySandboxAuth.Challenge(root.GetProperty("code_verifier").GetString()!));
        Assert.Equal(EtsyEmulator.Verifier, root.GetProperty("code_verifier").GetString());
    }

    [Fact]
    public async Task TheConsentPage_RefusesAPlainChallenge_NoState_AnUnknownScope_OrAnUnregisteredRedirect()
    {
        await using var etsy = EtsyEmulator.Start();

        Assert.Equal(HttpStatusCode.OK, (await etsy.Http.GetAsync(etsy.ConsentUrl())).StatusCode);
        foreach (var refused in new[]
        {
            etsy.ConsentUrl(method: "plain"),
            etsy.ConsentUrl(state: ""),
            etsy.ConsentUrl(scope: "listings_r orders_r"),
            etsy.ConsentUrl(redirectUri: "https://evil.example/callback"),
        })
        {
            using var response = await etsy.Http.GetAsync(refused);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task TheCode_NeedsItsVerifierAndRedirect_WorksOnce_AndGivesUserIdPrefixedTokens()
    {
        await using var etsy = EtsyEmulator.Start();
        var decided = await etsy.ApproveAsync();
        Assert.Equal("st-1", decided["state"]);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = etsy.App.Keystring, ["redirect_uri"] = etsy.RedirectUri,
            ["code"] = decided["code"], ["code_verifier"] = new string('a', 43),
        };

        using var wrongVerifier = await etsy.TokenAsync(form);
        using var wrongRedirect = await etsy.TokenAsync(new Dictionary<string, string>(form) { ["code_verifier"] = EtsyEmulator.Verifier, ["redirect_uri"] = "https://evil.example/cb" });
        using var exchanged = await etsy.TokenAsync(new Dictionary<string, string>(form) { ["code_verifier"] = EtsyEmulator.Verifier });
        using var again = await etsy.TokenAsync(new Dictionary<string, string>(form) { ["code_verifier"] = EtsyEmulator.Verifier });

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongVerifier.StatusCode, await OAuthError(wrongVerifier)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (wrongRedirect.StatusCode, await OAuthError(wrongRedirect)));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (again.StatusCode, await OAuthError(again)));
        var token = await exchanged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], token.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("Bearer", 3600), (token.GetProperty("token_type").GetString(), token.GetProperty("expires_in").GetInt32()));
        var userId = token.GetProperty("access_token").GetString()!.Split('.')[0];
        Assert.True(long.TryParse(userId, out _), token.ToString());
        Assert.StartsWith(userId + ".", token.GetProperty("refresh_token").GetString(), StringComparison.Ordinal);
    }

    [OfficialExampleFact("etsy_examples.json")]
    public async Task TheTokenAnswer_HasTheOfficialShape_AndARefreshRotatesTheRefreshToken()
    {
        using var official = JsonDocument.Parse(OfficialExamples.Read("etsy_examples.json")!);
        await using var etsy = EtsyEmulator.Start();
        var (access, refresh, _) = await etsy.ConnectAsync();
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = etsy.App.Keystring, ["refresh_token"] = refresh };

        using var refreshed = await etsy.TokenAsync(form);
        using var reused = await etsy.TokenAsync(form);

        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        JsonShape.AssertWithin(official.RootElement.GetProperty("token_exchange").GetProperty("response_shape"), body);
        Assert.Equal(JsonShape.Of(official.RootElement.GetProperty("token_exchange").GetProperty("response_shape")).Keys.Order(), JsonShape.Of(body).Keys.Order());
        Assert.NotEqual(refresh, body.GetProperty("refresh_token").GetString());
        Assert.NotEqual(access, body.GetProperty("access_token").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_grant"), (reused.StatusCode, await OAuthError(reused)));
    }

    [OfficialExampleFact("etsy_examples.json")]
    public async Task EveryCall_NeedsTheKeystringAndSharedSecret_AndABearerToken_InEtsysErrorShape()
    {
        using var official = JsonDocument.Parse(OfficialExamples.Read("etsy_examples.json")!);
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shopId) = await etsy.ConnectAsync();
        var path = $"/v3/application/shops/{shopId}/listings";

        using var withoutSecret = await etsy.CallAsync(HttpMethod.Get, path, access, apiKey: etsy.App.Keystring);
        using var wrongKey = await etsy.CallAsync(HttpMethod.Get, path, access, apiKey: "nosuchkey:" + etsy.App.SharedSecret);
        using var withoutToken = await etsy.CallAsync(HttpMethod.Get, path, null);
        using var fine = await etsy.CallAsync(HttpMethod.Get, path, access);

        Assert.Equal(HttpStatusCode.Forbidden, withoutSecret.StatusCode);
        Assert.Equal("Shared secret is required in x-api-key header", await EtsyEmulator.ErrorOf(withoutSecret));
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
        Assert.Equal("Invalid API key", await EtsyEmulator.ErrorOf(wrongKey));
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        var unauthorized = await withoutToken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_token", unauthorized.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        // The error body is ErrorSchema exactly: {"error": "<message string>"}.
        JsonShape.AssertWithin(official.RootElement.GetProperty("error_shape"), unauthorized);
        Assert.Equal(JsonShape.Of(official.RootElement.GetProperty("error_shape")).Keys, JsonShape.Of(unauthorized).Keys);
    }

    [Fact]
    public async Task ATokenWithoutTheCallsScope_IsRefused_AndAnotherShopsPath_IsForbidden()
    {
        await using var etsy = EtsyEmulator.Start();
        var (readOnly, _, shopId) = await etsy.ConnectAsync(scope: "listings_r");
        var (_, _, otherShop) = await etsy.ConnectAsync(seller: "othermaker");

        using var write = await etsy.CallAsync(HttpMethod.Post, $"/v3/application/shops/{shopId}/listings", readOnly, EtsyEmulator.Form(("title", "x")));
        using var other = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{otherShop}/listings", readOnly);

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("insufficient_scope: this call needs listings_w", await EtsyEmulator.ErrorOf(write));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.NotEqual(shopId, otherShop);
    }

    [Fact]
    public async Task GetMe_NamesTheTokensUserAndShop_TheUserBeingTheTokensPrefix()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync(scope: "listings_r");

        using var me = await etsy.CallAsync(HttpMethod.Get, "/v3/application/users/me", access);
        var self = await me.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(["user_id", "shop_id"], self.EnumerateObject().Select(p => p.Name));
        Assert.Equal(shop, self.GetProperty("shop_id").GetInt64());
        Assert.Equal(access.Split('.')[0], self.GetProperty("user_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> OAuthError(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
}
