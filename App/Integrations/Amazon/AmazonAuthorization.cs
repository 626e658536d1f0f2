using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// Connecting an Amazon seller: the website authorization workflow (consent URL, callback with
/// <c>spapi_oauth_code</c>), the Login with Amazon token calls, and self-authorization with a refresh token copied from
/// Seller Central. The refresh token never rotates; access tokens last an hour (amazon-sp-api.md, "Authorization").
/// </summary>
public sealed class AmazonAuthorization(IHttpClientFactory clients, IOptions<AmazonOptions> options, TimeProvider time) : IChannelAuthorization, IRefreshTokenConnect
{
    public const string LwaClientName = "Amazon.Lwa";
    private readonly AmazonOptions settings = options.Value;

    public ChannelKind Channel => ChannelKind.Amazon;

    public Uri BuildAuthorizeUrl(AuthorizeRequest request) =>
        AmazonConsentUrl.Build(
            settings.Region(request.Region).SellerCentralUrl,
            settings.ApplicationId ?? throw NotConfigured(nameof(AmazonOptions.ApplicationId)),
            request.State,
            request.RedirectUri,
            settings.DraftApp);

    public async Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        if (callback.Query.TryGetValue("error", out var error))
        {
            callback.Query.TryGetValue("error_description", out var description);
            throw new ChannelAuthException(ChannelKind.Amazon, $"The seller did not authorize the app ({description ?? error}).", error, httpStatus: null);
        }

        if (!callback.Query.TryGetValue("spapi_oauth_code", out var code) || string.IsNullOrWhiteSpace(code)
            || !callback.Query.TryGetValue("selling_partner_id", out var sellerId) || string.IsNullOrWhiteSpace(sellerId))
        {
            throw new ChannelAuthException(ChannelKind.Amazon,
                "Amazon's callback lacks spapi_oauth_code or selling_partner_id.", "invalid_request", httpStatus: null);
        }

        var tokens = await RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = callback.RedirectUri.ToString(),
        }, currentRefreshToken: null, ct);
        return Connected(tokens, sellerId, callback.Region, null);
    }

    public Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct) =>
        RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = current.RefreshToken
                ?? throw new ChannelAuthException(ChannelKind.Amazon, "No refresh token is stored; connect the account again.", requiresReauthorization: true),
        }, current.RefreshToken, ct);

    /// <summary>
    /// Self-authorization: a private app's refresh token copied from Seller Central, with the seller's id. The token is
    /// tried at once, so a typo fails here and not at the first sync.
    /// </summary>
    public async Task<ConnectedAccount> ConnectWithRefreshTokenAsync(
        string refreshToken, string sellingPartnerId, string? region, string? marketplaceId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(sellingPartnerId);
        var tokens = await RequestTokensAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken.Trim(),
        }, refreshToken.Trim(), ct);
        return Connected(tokens, sellingPartnerId.Trim(), region, marketplaceId);
    }

    Task<ConnectedAccount> IRefreshTokenConnect.ConnectWithRefreshTokenAsync(string refreshToken, string sellerId, string? region, CancellationToken ct) =>
        ConnectWithRefreshTokenAsync(refreshToken, sellerId, region, null, ct);

    /// <summary>The account's key: the selling partner id and its region, <c>A3SELLER/NA</c>.</summary>
    public static string AccountKey(string sellerId, string regionCode) => $"{sellerId}/{regionCode}";

    private ConnectedAccount Connected(TokenSet tokens, string sellerId, string? region, string? marketplaceId)
    {
        var regionCode = string.IsNullOrWhiteSpace(region) ? settings.DefaultRegion : region.ToUpperInvariant();
        var marketplace = marketplaceId ?? settings.Region(regionCode).DefaultMarketplaceId;
        // A seller sells in several regions, each its own authorization: the account is the seller in one region.
        var shop = new ShopInfo(AccountKey(sellerId, regionCode), $"Amazon seller {sellerId} ({regionCode})", regionCode)
        {
            Properties = new Dictionary<string, string> { ["marketplace_id"] = marketplace },
            FormerShopId = sellerId,
        };
        return new ConnectedAccount(tokens, [shop], sellerId);
    }

    private async Task<TokenSet> RequestTokensAsync(Dictionary<string, string> form, string? currentRefreshToken, CancellationToken ct)
    {
        form["client_id"] = settings.ClientId ?? throw NotConfigured(nameof(AmazonOptions.ClientId));
        form["client_secret"] = settings.ClientSecret ?? throw NotConfigured(nameof(AmazonOptions.ClientSecret));
        var requestedAt = time.GetUtcNow().UtcDateTime;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.LwaTokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        return await clients.CreateClient(LwaClientName).SendAsync(ChannelKind.Amazon, request, async (response, ct) =>
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw LwaError(response, body);
            }

            var token = JsonSerializer.Deserialize<LwaTokenResponse>(body)
                ?? throw new ChannelServerException(ChannelKind.Amazon, "Login with Amazon answered without a body.");
            if (string.IsNullOrEmpty(token.AccessToken))
            {
                throw new ChannelServerException(ChannelKind.Amazon, "Login with Amazon answered without an access token.");
            }

            // The refresh token does not rotate: a refresh answers without one and the stored one stays valid.
            return new TokenSet(token.AccessToken, requestedAt.AddSeconds(token.ExpiresIn), token.RefreshToken ?? currentRefreshToken, null);
        }, ct);
    }

    private static ChannelException LwaError(HttpResponseMessage response, string body)
    {
        LwaErrorResponse? error = null;
        try
        {
            error = JsonSerializer.Deserialize<LwaErrorResponse>(body);
        }
        catch (JsonException)
        {
        }

        var status = (int)response.StatusCode;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var message = $"Login with Amazon refused the request: {error?.ErrorDescription ?? error?.Error ?? "HTTP " + status}.";
        return error?.Error switch
        {
            // A revoked or lapsed authorization: only the seller can fix it, by authorizing again.
            "invalid_grant" or "access_denied" or "unauthorized_client" =>
                new ChannelAuthException(ChannelKind.Amazon, message, error.Error, requestId, status, requiresReauthorization: true),
            "invalid_client" => new ChannelAuthException(ChannelKind.Amazon, message, error.Error, requestId, status),
            "server_error" or "temporarily_unavailable" => new ChannelServerException(ChannelKind.Amazon, message, error.Error, requestId, status),
            _ when status >= 500 => new ChannelServerException(ChannelKind.Amazon, message, error?.Error, requestId, status),
            _ => new ChannelAuthException(ChannelKind.Amazon, message, error?.Error, requestId, status),
        };
    }

    private static InvalidOperationException NotConfigured(string key) =>
        new($"Channels:Amazon:{key} is not configured.");
}
