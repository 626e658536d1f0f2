
namespace SellerPortal.Integrations.Abstractions;

/// <param name="Shop">The shop the staff member named before connecting, where the channel's hosts are per shop (Shopify's <c>name.myshopify.com</c>).</param>
public sealed record AuthorizeRequest(string State, Uri RedirectUri, ChannelEnvironment Environment, string? Region = null, string? Shop = null);

/// <summary>
/// What came back to our callback: every query parameter, as the channel sent it. <see cref="Shop"/> is the shop the
/// connection was started for, kept with its state, so a callback naming another shop can be refused.
/// </summary>
public sealed record AuthorizationCallback(
    IReadOnlyDictionary<string, string> Query,
    Uri RedirectUri,
    ChannelEnvironment Environment,
    string? Region = null,
    string? Shop = null);

/// <summary>
/// Access and refresh tokens with their expiry (UTC). Secret: stored only encrypted, never logged
/// (<see cref="ToString"/> hides the values).
/// </summary>
public sealed record TokenSet(
    string AccessToken,
    DateTime AccessTokenExpiresUtc,
    string? RefreshToken,
    DateTime? RefreshTokenExpiresUtc)
{
    public override string ToString() =>
        $"TokenSet {{ AccessToken = ***, AccessTokenExpiresUtc = {AccessTokenExpiresUtc:O}, RefreshToken = ***, RefreshTokenExpiresUtc = {RefreshTokenExpiresUtc:O} }}";
}

/// <summary>A shop or seller account the consent covers. <see cref="Properties"/> are non-secret (shop_cipher, marketplace).</summary>
public sealed record ShopInfo(string ShopId, string Name, string? Region = null)
{
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The id an older version keyed this shop by (eBay accounts were keyed by marketplace id): an account stored
    /// under it, and none under <see cref="ShopId"/>, is this shop and is taken over on connect.
    /// </summary>
    public string? FormerShopId { get; init; }
}

public sealed record ConnectedAccount(TokenSet Tokens, IReadOnlyList<ShopInfo> Shops, string? SellerId = null);
