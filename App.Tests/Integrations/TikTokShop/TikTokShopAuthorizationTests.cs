using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.TikTokShop.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>The OAuth flow through <see cref="TikTokShopAuthorization"/> against the emulator's consent page and token host.</summary>
public sealed class TikTokShopAuthorizationTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    [Fact]
    public void BuildAuthorizeUrl_CarriesServiceIdAndState()
    {
        var url = emulator.Authorization.BuildAuthorizeUrl(new AuthorizeRequest("st-1", new Uri("http://localhost/cb"), ChannelEnvironment.Sandbox));
        var query = QueryHelpers.ParseQuery(url.Query);

        Assert.Equal("/sandbox/tiktok/oauth/authorize", url.AbsolutePath);
        Assert.Equal(TikTokShopEmulatorFixture.ServiceId, query["service_id"].ToString());
        Assert.Equal("st-1", query["state"].ToString());
    }

    [Fact]
    public async Task ConsentPage_HasApproveAndDenyButtons()
    {
        var url = emulator.Authorization.BuildAuthorizeUrl(new AuthorizeRequest("st-2", new Uri("http://localhost/cb"), ChannelEnvironment.Sandbox));

        var html = await emulator.Portal.GetStringAsync(url.PathAndQuery);

        Assert.Contains("data-testid=\"consent-approve\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"consent-deny\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AfterApproval_GivesTokensAndTheShopWithItsCipher()
    {
        var (connected, _) = await emulator.Tokens.AuthorizeAsync("Consent Seller");

        var shop = Assert.Single(connected.Shops);
        Assert.Equal("Consent Seller Shop", shop.Name);
        Assert.Equal("US", shop.Region);
        Assert.StartsWith("ROW_", shop.Properties["shop_cipher"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(connected.SellerId));
        Assert.True(connected.Tokens.AccessTokenExpiresUtc > DateTime.UtcNow.AddDays(6));
        Assert.True(connected.Tokens.RefreshTokenExpiresUtc > connected.Tokens.AccessTokenExpiresUtc);
        Assert.DoesNotContain(connected.Tokens.AccessToken, connected.Tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AfterDenial_IsAnAuthErrorNeedingReauthorization()
    {
        var ex = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Tokens.AuthorizeAsync("Denying Seller", approve: false));

        Assert.Equal("auth_denied", ex.ErrorCode);
        Assert.True(ex.RequiresReauthorization);
    }

    [Fact]
    public async Task AuthCode_IsSingleUse()
    {
        var url = emulator.Authorization.BuildAuthorizeUrl(new AuthorizeRequest("st-3", new Uri("http://localhost/cb"), ChannelEnvironment.Sandbox));
        var answer = await HtmlForms.SubmitAsync(emulator.Portal, url.PathAndQuery, new Dictionary<string, string> { ["seller"] = "Once Seller", ["decision"] = "approve" });
        var query = QueryHelpers.ParseQuery(answer.Headers.Location!.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        var callback = new AuthorizationCallback(query, new Uri("http://localhost/cb"), ChannelEnvironment.Sandbox);
        await emulator.Authorization.CompleteAsync(callback, default);

        var ex = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Authorization.CompleteAsync(callback, default));

        Assert.Equal("36004005", ex.ErrorCode);
    }

    [Fact]
    public async Task Refresh_RotatesTheRefreshToken_AndTheOldOneIsRefused()
    {
        var account = await emulator.Tokens.ConnectAsync("Rotating Seller");
        var first = emulator.Tokens.Tokens(account);

        var second = await emulator.Authorization.RefreshAsync(account, first, default);
        var reuse = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Authorization.RefreshAsync(account, first, default));

        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.True(reuse.RequiresReauthorization);
        Assert.Equal("36004005", reuse.ErrorCode);
        var third = await emulator.Authorization.RefreshAsync(account, second, default);
        Assert.NotEqual(second.RefreshToken, third.RefreshToken);
    }

    [Fact]
    public async Task Refresh_AfterRevocation_NeedsReauthorization_AndTheAccessTokenStopsWorking()
    {
        var account = await emulator.Tokens.ConnectAsync("Revoking Seller");
        var tokens = emulator.Tokens.Tokens(account);

        var revoke = await emulator.ControlAsync("revoke", new { shop_id = account.ShopId });
        revoke.EnsureSuccessStatusCode();
        var revoked = await revoke.Content.ReadFromJsonAsync<JsonElement>();
        var ex = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Authorization.RefreshAsync(account, tokens, default));

        Assert.True(revoked.GetProperty("revoked_refresh_tokens").GetInt32() >= 1);
        Assert.True(ex.RequiresReauthorization);
        var call = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Client.GetAuthorizedShopsAsync(account, tokens.AccessToken, default));
        Assert.Equal("105001", call.ErrorCode);
    }

    [Fact]
    public async Task Refresh_WithAnExpiredRefreshToken_NeedsReauthorizationWithoutCallingTikTok()
    {
        var account = await emulator.Tokens.ConnectAsync("Expired Seller");
        var expired = emulator.Tokens.Tokens(account) with { RefreshTokenExpiresUtc = DateTime.UtcNow.AddMinutes(-1) };

        var ex = await Assert.ThrowsAsync<ChannelAuthException>(() => emulator.Authorization.RefreshAsync(account, expired, default));

        Assert.True(ex.RequiresReauthorization);
        Assert.Equal("36004001", ex.ErrorCode);
    }

    [Fact]
    public async Task TokenHost_WithWrongAppSecret_IsRefused()
    {
        var response = await emulator.Portal.GetAsync(
            $"/sandbox/tiktok/api/v2/token/refresh?app_key={TikTokShopEmulatorFixture.AppKey}&app_secret=wrong&refresh_token=x&grant_type=refresh_token");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(0, body.GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.TryGetProperty("data", out var data) ? data.ValueKind : JsonValueKind.Null);
    }
}
