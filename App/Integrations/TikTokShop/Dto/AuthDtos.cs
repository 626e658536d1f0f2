namespace SellerPortal.Integrations.TikTokShop.Dto;

/// <summary>
/// data of /api/v2/token/get and /api/v2/token/refresh. The two <c>*_expire_in</c> values are unix timestamps of
/// expiry (seconds), not durations.
/// </summary>
public sealed record TikTokTokenData
{
    public string AccessToken { get; init; } = "";
    public long AccessTokenExpireIn { get; init; }
    public string? RefreshToken { get; init; }
    public long RefreshTokenExpireIn { get; init; }
    public string? OpenId { get; init; }
    public string? SellerName { get; init; }
    public string? SellerBaseRegion { get; init; }
    public int UserType { get; init; }
    public IReadOnlyList<string>? GrantedScopes { get; init; }

    public override string ToString() => $"TikTokTokenData {{ OpenId = {OpenId}, AccessToken = ***, RefreshToken = *** }}";
}

/// <summary>GET /authorization/202309/shops.</summary>
public sealed record TikTokAuthorizedShops
{
    public IReadOnlyList<TikTokAuthorizedShop> Shops { get; init; } = [];
}

public sealed record TikTokAuthorizedShop
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? Region { get; init; }
    public string? SellerType { get; init; }
    public string? Cipher { get; init; }
    public string? Code { get; init; }
}

/// <summary>A webhook delivery: <c>{"type":int,"tts_notification_id","shop_id","timestamp","data":{…}}</c>.</summary>
public sealed record TikTokWebhookEvent
{
    public int Type { get; init; }
    public string? TtsNotificationId { get; init; }
    public string? ShopId { get; init; }
    public long Timestamp { get; init; }
    public System.Text.Json.JsonElement? Data { get; init; }
}
