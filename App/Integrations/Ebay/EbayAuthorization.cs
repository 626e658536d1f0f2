using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// Connecting an eBay seller: the consent URL (RuName as redirect_uri), the code exchange and refresh on
/// <c>/identity/v1/oauth2/token</c> with HTTP Basic client credentials. The refresh token does not rotate (about 18 months).
/// </summary>
public sealed class EbayAuthorization(IHttpClientFactory clients, IOptions<EbayOptions> options, TimeProvider time) : IChannelAuthorization
{
    public const string OAuthClientName = "Ebay.OAuth";
    private readonly EbayOptions settings = options.Value;

    public ChannelKind Channel => ChannelKind.Ebay;

    /// <summary>
    /// eBay sends the seller back to the accept URL registered under the RuName, so <see cref="AuthorizeRequest.RedirectUri"/>
    /// must be that URL in the developer portal; only the RuName travels.
    /// </summary>
    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var keyset = settings.For(request.Environment);
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(Required(keyset.ClientId, "ClientId")),
            "redirect_uri=" + Uri.EscapeDataString(Required(keyset.RuName, "RuName")),
            "response_type=code",
            "scope=" + Uri.EscapeDataString(string.Join(' ', settings.Scopes)),
            "state=" + Uri.EscapeDataString(request.State));
        return new Uri($"{keyset.AuthBaseUrl.ToString().TrimEnd('/')}/oauth2/authorize?{query}");
    }

    public async Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        if (callback.Query.TryGetValue("error", out var error))
        {
            callback.Query.TryGetValue("error_description", out var description);
            throw new ChannelAuthException(ChannelKind.Ebay, $"The seller did not grant access ({description ?? error}).", error, httpStatus: null);
        }

        if (!callback.Query.TryGetValue("code", out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new ChannelAuthException(ChannelKind.Ebay, "eBay's callback lacks the authorization code.", "invalid_request", httpStatus: null);
        }

        var keyset = settings.For(callback.Environment);
        var tokens = await RequestTokensAsync(callback.Environment, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = Required(keyset.RuName, "RuName"),
        }, null, null, ct);

        // The token answer names no user: Commerce Identity says whose token it is, and the account is keyed by
        // that immutable user id, so a second store connects as a second account.
        var user = await GetUserAsync(callback.Environment, tokens.AccessToken, ct);
        var name = string.IsNullOrWhiteSpace(user.Username) || user.Username == user.UserId ? user.UserId! : user.Username;
        var shop = new ShopInfo(user.UserId!, $"{name} (eBay {settings.MarketplaceId})", settings.MarketplaceId)
        {
            Properties = new Dictionary<string, string> { ["marketplace_id"] = settings.MarketplaceId },
            FormerShopId = settings.MarketplaceId,
        };
        return new ConnectedAccount(tokens, [shop], user.UserId);
    }

    private async Task<EbayIdentityUser> GetUserAsync(ChannelEnvironment environment, string accessToken, CancellationToken ct)
    {
        var keyset = settings.For(environment);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{keyset.IdentityBaseUrl.ToString().TrimEnd('/')}/commerce/identity/v1/user/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Ebay, request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await EbayErrors.FromResponseAsync(response, "getUser", ct);
            }

            var user = await response.Content.ReadFromJsonAsync<EbayIdentityUser>(EbayJson.Options, ct);
            return string.IsNullOrWhiteSpace(user?.UserId)
                ? throw new ChannelServerException(ChannelKind.Ebay, "eBay's identity service answered without a user id.")
                : user;
        }, ct);
    }

    public Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct) =>
        RequestTokensAsync(account.Environment, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = current.RefreshToken
                ?? throw new ChannelAuthException(ChannelKind.Ebay, "No refresh token is stored; connect the account again.", requiresReauthorization: true),
            ["scope"] = string.Join(' ', settings.Scopes),
        }, current.RefreshToken, current.RefreshTokenExpiresUtc, ct);

    /// <summary>An application token (client credentials grant), for app-level calls such as notification public keys.</summary>
    public HttpRequestMessage BuildApplicationTokenRequest(ChannelEnvironment environment)
    {
        var keyset = settings.For(environment);
        var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint(keyset))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = "https://api.ebay.com/oauth/api_scope",
            }),
        };
        request.Headers.Authorization = Basic(keyset);
        return request;
    }

    private async Task<TokenSet> RequestTokensAsync(
        ChannelEnvironment environment, Dictionary<string, string> form, string? currentRefreshToken, DateTime? currentRefreshExpiry, CancellationToken ct)
    {
        var keyset = settings.For(environment);
        using var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint(keyset)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = Basic(keyset);
        var requestedAt = time.GetUtcNow().UtcDateTime;
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Ebay, request, async (response, ct) =>
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw OAuthError(response, body);
            }

            var token = JsonSerializer.Deserialize<EbayTokenResponse>(body);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                throw new ChannelServerException(ChannelKind.Ebay, "eBay's token endpoint answered without an access token.");
            }

            // A refresh answers with a new access token only; the refresh token and its expiry stay as they were.
            return token.RefreshToken is { } refresh
                ? new TokenSet(token.AccessToken, requestedAt.AddSeconds(token.ExpiresIn), refresh,
                    token.RefreshTokenExpiresIn is { } s ? requestedAt.AddSeconds(s) : null)
                : new TokenSet(token.AccessToken, requestedAt.AddSeconds(token.ExpiresIn), currentRefreshToken, currentRefreshExpiry);
        }, ct);
    }

    private static ChannelException OAuthError(HttpResponseMessage response, string body)
    {
        EbayOAuthError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<EbayOAuthError>(body);
        }
        catch (JsonException)
        {
        }

        var status = (int)response.StatusCode;
        var message = $"eBay refused the token request: {error?.ErrorDescription ?? error?.Error ?? "HTTP " + status}.";
        return error?.Error switch
        {
            // Refresh token revoked or expired (18 months): only a new consent fixes it.
            "invalid_grant" => new ChannelAuthException(ChannelKind.Ebay, message, error.Error, null, status, requiresReauthorization: true),
            _ when status >= 500 => new ChannelServerException(ChannelKind.Ebay, message, error?.Error, null, status),
            _ => new ChannelAuthException(ChannelKind.Ebay, message, error?.Error, null, status),
        };
    }

    private static Uri TokenEndpoint(EbayEnvironmentOptions keyset) => new($"{keyset.ApiBaseUrl.ToString().TrimEnd('/')}/identity/v1/oauth2/token");

    private static AuthenticationHeaderValue Basic(EbayEnvironmentOptions keyset) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{Required(keyset.ClientId, "ClientId")}:{Required(keyset.ClientSecret, "ClientSecret")}")));

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"Channels:Ebay:<Production|Sandbox>:{key} is not configured.") : value;
}
