using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Connecting a Shopify shop (shopify.md §4.1), the authorization code grant of a non-embedded app: the consent page
/// on the shop's own host, a callback checked for its shop and its HMAC before the code is exchanged for an expiring
/// offline token (<c>expiring=1</c>), and refreshes that replace the refresh token each time. The account is the
/// shop, keyed by its myshopify domain; the location its stock is set at is chosen at connect (the first active one).
/// </summary>
public sealed partial class ShopifyAuthorization(IHttpClientFactory clients, IOptions<ShopifyOptions> options, TimeProvider time) : IChannelAuthorization
{
    public const string OAuthClientName = "Shopify.OAuth";

    /// <summary>The account property naming the location (GID) stock is read and set at.</summary>
    public const string LocationProperty = "Shopify.LocationId";

    public const string LocationNameProperty = "Shopify.LocationName";

    public const string CurrencyProperty = "Shopify.Currency";

    public ChannelKind Channel => ChannelKind.Shopify;

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex ShopDomain();

    public static bool IsShopDomain(string? shop) => shop is not null && ShopDomain().IsMatch(shop);

    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var shop = RequireShop(request.Shop);
        var settings = options.Value;
        var query = string.Join('&',
            "client_id=" + Uri.EscapeDataString(ShopifyOptions.Required(settings.ClientId, "ClientId")),
            "scope=" + Uri.EscapeDataString(string.Join(',', settings.Scopes)),
            "redirect_uri=" + Uri.EscapeDataString(settings.RedirectUri ?? request.RedirectUri.ToString()),
            "state=" + Uri.EscapeDataString(request.State));
        return new Uri($"{settings.ShopUrl(shop)}/admin/oauth/authorize?{query}");
    }

    public async Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        var settings = options.Value;
        if (callback.Query.TryGetValue("error", out var error))
        {
            callback.Query.TryGetValue("error_description", out var description);
            throw new ChannelAuthException(ChannelKind.Shopify, $"The shop did not grant access ({description ?? error}).", error, httpStatus: null);
        }

        callback.Query.TryGetValue("shop", out var shop);
        if (!IsShopDomain(shop))
        {
            throw new ChannelAuthException(ChannelKind.Shopify, "Shopify's callback names no valid myshopify.com shop; the connection was refused.", "invalid_shop", httpStatus: null);
        }

        if (callback.Shop is null || !string.Equals(shop, callback.Shop, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelAuthException(ChannelKind.Shopify, $"The callback is for {shop}, not the shop this connection was started for; the connection was refused.",
                "shop_mismatch", httpStatus: null);
        }

        if (!ShopifyHmac.VerifyCallback(ShopifyOptions.Required(settings.ClientSecret, "ClientSecret"), callback.Query))
        {
            throw new ChannelAuthException(ChannelKind.Shopify, "Shopify's callback signature (hmac) does not match; the connection was refused.", "invalid_hmac", httpStatus: null);
        }

        if (!callback.Query.TryGetValue("code", out var code) || string.IsNullOrWhiteSpace(code))
        {
            throw new ChannelAuthException(ChannelKind.Shopify, "Shopify's callback lacks the authorization code.", "invalid_request", httpStatus: null);
        }

        var tokens = await RequestTokensAsync(shop!, new Dictionary<string, string>
        {
            ["client_id"] = ShopifyOptions.Required(settings.ClientId, "ClientId"),
            ["client_secret"] = ShopifyOptions.Required(settings.ClientSecret, "ClientSecret"),
            ["code"] = code,
            ["expiring"] = "1",
        }, current: null, ct);
        var data = await ReadShopAsync(shop!, tokens.AccessToken, ct);
        var location = data.Locations.Nodes.FirstOrDefault(l => l.IsActive)
            ?? throw new ChannelValidationException(ChannelKind.Shopify, $"{shop} has no active location to hold stock; add one in Shopify, then connect again.", []);
        var info = new ShopInfo(data.Shop.MyshopifyDomain, data.Shop.Name)
        {
            Properties = new Dictionary<string, string>
            {
                [LocationProperty] = location.Id,
                [LocationNameProperty] = location.Name,
                [CurrencyProperty] = data.Shop.CurrencyCode,
            },
        };
        return new ConnectedAccount(tokens, [info], data.Shop.Id);
    }

    public Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct)
    {
        var settings = options.Value;
        var refresh = current.RefreshToken
            ?? throw new ChannelAuthException(ChannelKind.Shopify, "No refresh token is stored; connect the shop again.", requiresReauthorization: true);
        return RequestTokensAsync(ShopifyClient.Shop(account), new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = ShopifyOptions.Required(settings.ClientId, "ClientId"),
            ["client_secret"] = ShopifyOptions.Required(settings.ClientSecret, "ClientSecret"),
        }, current, ct);
    }

    private string RequireShop(string? shop) =>
        IsShopDomain(shop) ? shop! : throw new ChannelValidationException(ChannelKind.Shopify,
            $"'{shop}' is not a Shopify shop address: type the shop's myshopify domain, such as my-store.myshopify.com.", [new("shop", "Not a myshopify.com domain.")]);

    private async Task<ShopifyShopData> ReadShopAsync(string shop, string accessToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.GraphQlUrl(shop))
        {
            Content = JsonContent.Create(new ShopifyGraphQlRequest(ShopifyDocuments.ShopAndLocations, null, nameof(ShopifyDocuments.ShopAndLocations)), options: ShopifyJson.Options),
        };
        request.Headers.TryAddWithoutValidation("X-Shopify-Access-Token", accessToken);
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Shopify, request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ShopifyErrors.FromResponseAsync(response, "shop", ct);
            }

            var answer = await response.Content.ReadFromJsonAsync<ShopifyGraphQlResponse<ShopifyShopData>>(ShopifyJson.Options, ct);
            if (answer?.Errors is { Count: > 0 } errors)
            {
                throw ShopifyErrors.FromGraphQl(errors, "shop", null);
            }

            return answer?.Data ?? throw new ChannelServerException(ChannelKind.Shopify, "Shopify's shop query answered without data.");
        }, ct);
    }

    private async Task<TokenSet> RequestTokensAsync(string shop, Dictionary<string, string> form, TokenSet? current, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{options.Value.ShopUrl(shop)}/admin/oauth/access_token"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.ParseAdd("application/json");
        var requestedAt = time.GetUtcNow().UtcDateTime;
        return await clients.CreateClient(OAuthClientName).SendAsync(ChannelKind.Shopify, request, async (response, ct) =>
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw OAuthError(response, body, refreshing: current is not null);
            }

            var token = JsonSerializer.Deserialize<ShopifyTokenResponse>(body, ShopifyJson.Options);
            if (string.IsNullOrEmpty(token?.AccessToken))
            {
                throw new ChannelServerException(ChannelKind.Shopify, "Shopify's token endpoint answered without an access token.");
            }

            // A non-expiring offline token (older apps) has no expiry: treated as lasting until revoked.
            var expires = token.ExpiresIn is { } seconds ? requestedAt.AddSeconds(seconds) : requestedAt.AddYears(10);
            // Each refresh replaces the refresh token (the old one lasts until the new one is first used).
            var refresh = token.RefreshToken ?? current?.RefreshToken;
            DateTime? refreshExpires = token.RefreshTokenExpiresIn is { } r ? requestedAt.AddSeconds(r)
                : refresh is null ? null : current?.RefreshTokenExpiresUtc ?? requestedAt + options.Value.RefreshTokenLifetimeFallback;
            return new TokenSet(token.AccessToken, expires, refresh, refreshExpires);
        }, ct);
    }

    private static ChannelException OAuthError(HttpResponseMessage response, string body, bool refreshing)
    {
        ShopifyOAuthError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ShopifyOAuthError>(body, ShopifyJson.Options);
        }
        catch (JsonException)
        {
        }

        var status = (int)response.StatusCode;
        var detail = error?.ErrorDescription ?? error?.Error
            ?? (error?.Errors is { ValueKind: JsonValueKind.String } e ? e.GetString() : null) ?? "HTTP " + status;
        var message = $"Shopify refused the token request: {detail}.";
        return status >= 500
            ? new ChannelServerException(ChannelKind.Shopify, message, error?.Error, null, status)
            // A refused refresh (spent, revoked or expired, invalid_grant or any 4xx) needs the shop's consent again.
            : new ChannelAuthException(ChannelKind.Shopify, message, error?.Error, null, status,
                requiresReauthorization: refreshing || error?.Error == "invalid_grant");
    }
}
