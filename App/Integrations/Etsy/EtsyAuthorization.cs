using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Etsy.Dto;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// Connecting an Etsy seller (etsy.md §3.1): the consent URL with PKCE (S256) and state, the code exchange and the
/// refresh on <c>/v3/public/oauth/token</c>. Etsy rotates the refresh token on every refresh, so each answer's pair
/// replaces the stored one. The PKCE verifier is not stored: it is an HMAC of the one-time state under the app's shared
/// secret, so only this app can make it and the callback, which brings the state back, can make it again.
/// </summary>
public sealed class EtsyAuthorization(IHttpClientFactory clients, IOptions<EtsyOptions> options, TimeProvider time) : IChannelAuthorization
{
    public const string OAuthClientName = "Etsy.OAuth";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public ChannelKind Channel => ChannelKind.Etsy;

    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var settings = options.Value;
        var query = string.Join('&',
            "response_type=code",
            "client_id=" + Uri.EscapeDataString(EtsyOptions.Required(settings.Keystring, "Keystring")),
            "redirect_uri=" + Uri.EscapeDataString(RedirectUri(request.RedirectUri)),
            "scope=" + Uri.EscapeDataString(string.Join(' ', settings.Scopes)),
            "state=" + Uri.EscapeDataString(request.State),
            "code_challenge=" + Pkce.Challenge(Verifier(request.State)),
            "code_challenge_method=S256");
        return new Uri($"{settings.ConnectUrl}?{query}");
    }

    public async Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        if (callback.Query.TryGetValue("error", out var error))
        {
            callback.Query.TryGetValue("error_description", out var description);
            throw new ChannelAuthException(ChannelKind.Etsy, $"The seller did not grant access ({description ?? error}).", error, httpStatus: null);
        }

        if (!callback.Query.TryGetValue("code", out var code) || string.IsNullOrWhiteSpace(code)
            || !callback.Query.TryGetValue("state", out var state) || string.IsNullOrWhiteSpace(state))
        {
            throw new ChannelAuthException(ChannelKind.Etsy, "Etsy's callback lacks the authorization code or the state.", "invalid_request", httpStatus: null);
        }

        var tokens = await RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = EtsyOptions.Required(options.Value.Keystring, "Keystring"),
            ["redirect_uri"] = RedirectUri(callback.RedirectUri),
            ["code"] = code,
            ["code_verifier"] = Verifier(state),
        }, ct);

        // The tokens name the user ("<user_id>.<token>"); getMe names the shop the account is keyed by.
        var userId = tokens.AccessToken.Split('.')[0];
        var self = await GetMeAsync(tokens.AccessToken, ct);
        var shopId = self.ShopId.ToString(CultureInfo.InvariantCulture);
        return new ConnectedAccount(tokens, [new ShopInfo(shopId, $"Etsy shop {shopId}")], userId);
    }

    public Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = EtsyOptions.Required(options.Value.Keystring, "Keystring"),
            ["refresh_token"] = current.RefreshToken
                ?? throw new ChannelAuthException(ChannelKind.Etsy, "No refresh token is stored; connect the account again.", requiresReauthorization: true),
        }, ct);

    /// <summary>The PKCE verifier for a state: 43 characters of base64url, an HMAC under the app's shared secret.</summary>
    public string Verifier(string state) =>
        Pkce.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(EtsyOptions.Required(options.Value.SharedSecret, "SharedSecret")), Encoding.UTF8.GetBytes("pkce:" + state)));

    private string RedirectUri(Uri callback) => options.Value.RedirectUri ?? callback.ToString();

    private async Task<EtsySelf> GetMeAsync(string accessToken, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.ApiBaseUrl.ToString().TrimEnd('/') + "/v3/application/users/me"));
        request.Headers.TryAddWithoutValidation("x-api-key", settings.ApiKey);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Etsy, request, async (response, ct) =>
            response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<EtsySelf>(Json, ct) ?? throw new ChannelServerException(ChannelKind.Etsy, "Etsy's getMe answered without a body.")
                : throw await EtsyErrors.FromResponseAsync(response, "getMe", ct), ct);
    }

    private async Task<TokenSet> RequestTokensAsync(Dictionary<string, string> form, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBaseUrl.ToString().TrimEnd('/') + "/v3/public/oauth/token")) { Content = new FormUrlEncodedContent(form) };
        var requestedAt = time.GetUtcNow().UtcDateTime;
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Etsy, request, async (response, ct) =>
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw OAuthError(response, body);
            }

            var token = JsonSerializer.Deserialize<EtsyTokenResponse>(body, Json);
            if (string.IsNullOrEmpty(token?.AccessToken) || string.IsNullOrEmpty(token.RefreshToken))
            {
                throw new ChannelServerException(ChannelKind.Etsy, "Etsy's token endpoint answered without an access and a refresh token.");
            }

            // Rotation: the refresh token just used is spent; the new one replaces it.
            return new TokenSet(token.AccessToken, requestedAt.AddSeconds(token.ExpiresIn), token.RefreshToken, requestedAt + settings.RefreshTokenLifetime);
        }, ct);
    }

    private static ChannelException OAuthError(HttpResponseMessage response, string body)
    {
        EtsyOAuthError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<EtsyOAuthError>(body, Json);
        }
        catch (JsonException)
        {
        }

        var status = (int)response.StatusCode;
        var message = $"Etsy refused the token request: {error?.ErrorDescription ?? error?.Error ?? "HTTP " + status}.";
        return error?.Error switch
        {
            // A spent, revoked or expired refresh token: only a new consent fixes it.
            "invalid_grant" => new ChannelAuthException(ChannelKind.Etsy, message, error.Error, null, status, requiresReauthorization: true),
            _ when status >= 500 => new ChannelServerException(ChannelKind.Etsy, message, error?.Error, null, status),
            _ => new ChannelAuthException(ChannelKind.Etsy, message, error?.Error, null, status),
        };
    }
}
