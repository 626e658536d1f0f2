using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>
/// One connection to one marketplace account. Credentials and tokens are held only in
/// <see cref="EncryptedCredentials"/> (Data Protection, a purpose per channel): never logged, never sent to the browser.
/// </summary>
public sealed class ChannelAccount
{
    public int Id { get; set; }
    public ChannelKind Channel { get; set; }
    public required string DisplayName { get; set; }
    public ChannelEnvironment Environment { get; set; } = ChannelEnvironment.Production;
    public string? ShopId { get; set; }
    public string? ShopName { get; set; }
    public string? SellerId { get; set; }
    /// <summary>Region or marketplace id where the channel has one (Amazon NA/EU/FE, eBay EBAY_US).</summary>
    public string? Region { get; set; }
    /// <summary>
    /// Channel-specific non-secret values as a JSON object (TikTok's shop_cipher, Amazon's marketplace id);
    /// they become <c>ChannelAccountContext.Properties</c>.
    /// </summary>
    public string? PropertiesJson { get; set; }
    public string? EncryptedCredentials { get; set; }
    public DateTime? AccessTokenExpiresUtc { get; set; }
    /// <summary>Null with <see cref="HasRefreshToken"/> means the refresh token does not expire (Amazon's LWA tokens).</summary>
    public DateTime? RefreshTokenExpiresUtc { get; set; }
    /// <summary>Whether the stored credentials hold a refresh token, copied from them so checks need not decrypt.</summary>
    public bool HasRefreshToken { get; set; }
    public ChannelAccountStatus Status { get; set; } = ChannelAccountStatus.Connected;
    public DateTime? LastSuccessfulCallUtc { get; set; }
    public string? LastError { get; set; }
    public int OrderPollIntervalSeconds { get; set; } = 120;
    /// <summary>The channel's selling fee on this account, in basis points of the price (1250 = 12.5 %), for the margin guard.</summary>
    public int FeePercentBasisPoints { get; set; }
    /// <summary>A fixed fee per order line, in the account's currency minor units, for the margin guard.</summary>
    public long FixedFeeMinor { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// Whether the portal can get a new access token on its own at <paramref name="nowUtc"/>: a refresh token that has
    /// no expiry (Amazon, whose LWA refresh tokens do not expire) or has not reached it (TikTok Shop, eBay).
    /// </summary>
    public static bool CanRefresh(bool hasRefreshToken, DateTime? refreshTokenExpiresUtc, DateTime nowUtc) =>
        hasRefreshToken && (refreshTokenExpiresUtc is null || refreshTokenExpiresUtc > nowUtc);
}

public enum ChannelAccountStatus
{
    Connected,
    NeedsReauth,
    Disconnected,
    Error,
}
