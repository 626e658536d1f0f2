using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop's seller authorization: the consent page on services.tiktokshop.com, the single-use code exchanged
/// at auth.tiktok-shops.com, refresh with rotation (always keep the refresh token that comes back), and the
/// authorized shops with their cipher.
/// </summary>
/// <remarks>
/// Takes the HTTP client factory, not <see cref="TikTokShopClient"/>: the signed client needs the token service, and
/// the token service needs every <see cref="IChannelAuthorization"/>, so a constructor dependency would be a cycle.
/// The signed client is created only when a connect completes.
/// </remarks>
public sealed class TikTokShopAuthorization(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopOptions> options,
    TimeProvider time) : IChannelAuthorization
{
    /// <summary>The named client for the token host (unsigned; app_secret travels in the query, so never log URLs).</summary>
    public const string TokenClientName = "TikTokShop.Auth";

    public ChannelKind Channel => ChannelKind.TikTokShop;

    /// <summary>The redirect back goes to the URL registered with the app in Partner Center, so none is sent.</summary>
    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var settings = options.CurrentValue;
        var page = string.Equals(request.Region, "US", StringComparison.OrdinalIgnoreCase) ? settings.UsAuthorizePageUrl : settings.AuthorizePageUrl;
        return new Uri($"{page}?service_id={Uri.EscapeDataString(settings.ServiceId)}&state={Uri.EscapeDataString(request.State)}");
    }

    public async Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        if (callback.Query.TryGetValue("error", out var error) && !string.IsNullOrEmpty(error))
        {
            throw new ChannelAuthException(Channel, $"TikTok Shop authorization was not granted ({error}).", error, requiresReauthorization: true);
        }

        if (!callback.Query.TryGetValue("code", out var code) || string.IsNullOrEmpty(code) || code == "null")
        {
            throw new ChannelAuthException(Channel, "TikTok Shop sent no authorization code.", requiresReauthorization: true);
        }

        var data = await TokenCallAsync("api/v2/token/get", "auth_code", code, "authorized_code", ct);
        var tokens = ToTokenSet(data, fallbackRefresh: null);
        var account = new ChannelAccountContext(0, Channel, callback.Environment, SellerId: data.OpenId, Region: callback.Region ?? data.SellerBaseRegion);
        var client = new TikTokShopClient(httpClients.CreateClient(TikTokShopClient.HttpClientName), options);
        var shops = await client.GetAuthorizedShopsAsync(account, tokens.AccessToken, ct);
        return new ConnectedAccount(tokens, [.. shops.Shops.Select(ToShopInfo)], data.OpenId);
    }

    public async Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(current.RefreshToken))
        {
            throw new ChannelAuthException(Channel, "TikTok Shop has no refresh token for this account; connect it again.", requiresReauthorization: true);
        }

        if (current.RefreshTokenExpiresUtc is { } expires && expires <= time.GetUtcNow().UtcDateTime)
        {
            throw new ChannelAuthException(Channel, "The TikTok Shop authorization has expired; connect the shop again.",
                TikTokShopErrors.RefreshTokenExpired.ToString(System.Globalization.CultureInfo.InvariantCulture), requiresReauthorization: true);
        }

        try
        {
            var data = await TokenCallAsync("api/v2/token/refresh", "refresh_token", current.RefreshToken, "refresh_token", ct);
            return ToTokenSet(data, current);
        }
        catch (ChannelAuthException ex) when (!ex.RequiresReauthorization)
        {
            // The token host answers a revoked, used or expired refresh token with codes that vary (36004001,
            // 36004005, …): anything it refuses that is not transient needs the seller to consent again.
            throw new ChannelAuthException(Channel, ex.Message, ex.ErrorCode, ex.RequestId, ex.HttpStatus, requiresReauthorization: true, ex);
        }
        catch (ChannelValidationException ex)
        {
            throw new ChannelAuthException(Channel, ex.Message, ex.ErrorCode, ex.RequestId, ex.HttpStatus, requiresReauthorization: true, ex);
        }
    }

    public static ShopInfo ToShopInfo(TikTokAuthorizedShop shop)
    {
        var properties = new Dictionary<string, string>();
        if (shop.Cipher is not null)
        {
            properties[TikTokShopSigningMessageHandler.ShopCipherProperty] = shop.Cipher;
        }

        if (shop.Code is not null)
        {
            properties["shop_code"] = shop.Code;
        }

        if (shop.SellerType is not null)
        {
            properties["seller_type"] = shop.SellerType;
        }

        return new ShopInfo(shop.Id, shop.Name ?? shop.Id, shop.Region) { Properties = properties };
    }

    private async Task<TikTokTokenData> TokenCallAsync(string path, string grantParameter, string grantValue, string grantType, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var http = httpClients.CreateClient(TokenClientName);
        var uri = new Uri(settings.AuthBase,
            $"{path}?app_key={Uri.EscapeDataString(settings.AppKey)}&app_secret={Uri.EscapeDataString(settings.AppSecret)}" +
            $"&{grantParameter}={Uri.EscapeDataString(grantValue)}&grant_type={grantType}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return await http.SendAsync(Channel, request, async (response, ct) =>
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var data = TikTokShopClient.Unwrap<TikTokTokenData>(text, (int)response.StatusCode, response.Headers.RetryAfter);
            if (string.IsNullOrEmpty(data.AccessToken))
            {
                throw new ChannelAuthException(Channel, "TikTok Shop's token service returned no access token.", requiresReauthorization: true);
            }

            return data;
        }, ct);
    }

    private TokenSet ToTokenSet(TikTokTokenData data, TokenSet? fallbackRefresh) => new(
        data.AccessToken,
        Expiry(data.AccessTokenExpireIn) ?? time.GetUtcNow().UtcDateTime.AddDays(7),
        string.IsNullOrEmpty(data.RefreshToken) ? fallbackRefresh?.RefreshToken : data.RefreshToken,
        string.IsNullOrEmpty(data.RefreshToken) ? fallbackRefresh?.RefreshTokenExpiresUtc : Expiry(data.RefreshTokenExpireIn));

    /// <summary>
    /// TikTok sends expiry as a unix timestamp. A small number would be a duration (some older docs read so):
    /// treated as seconds from now rather than a date in 1970.
    /// </summary>
    private DateTime? Expiry(long value) => value switch
    {
        <= 0 => null,
        < 1_000_000_000 => time.GetUtcNow().UtcDateTime.AddSeconds(value),
        _ => DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime,
    };
}
