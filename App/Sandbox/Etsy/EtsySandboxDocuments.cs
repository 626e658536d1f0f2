namespace SellerPortal.Sandbox.Etsy;

/// <summary>The emulator's collections in <see cref="Common.SandboxStore"/>, channel "etsy".</summary>
internal static class EtsySandboxCollections
{
    public const string Channel = "etsy";
    public const string Sellers = "sellers";
    /// <summary>The same sellers by user id, for the gate's lookup of a token's seller.</summary>
    public const string Users = "users";
    public const string AuthCodes = "auth_codes";
    public const string AccessTokens = "access_tokens";
    public const string RefreshTokens = "refresh_tokens";
    public const string Listings = "listings";
    public const string Receipts = "receipts";
    public const string Counters = "counters";
}

/// <summary>A seller by the name the consent page signs in as, with the user and shop ids Etsy gives it.</summary>
internal sealed record EtsySandboxSeller(string Name, long UserId, long ShopId);

/// <summary>An authorization code: once, for five minutes, for the redirect URI and the PKCE challenge it was issued with.</summary>
internal sealed record EtsySandboxAuthCode(string Code, long UserId, IReadOnlyList<string> Scopes, string RedirectUri, string CodeChallenge,
    DateTime ExpiresUtc, bool Used);

internal sealed record EtsySandboxAccessToken(string Token, long UserId, IReadOnlyList<string> Scopes, DateTime ExpiresUtc);

/// <summary>A refresh token; a refresh uses it up (rotation) and hands out a new one.</summary>
internal sealed record EtsySandboxRefreshToken(string Token, long UserId, IReadOnlyList<string> Scopes, DateTime ExpiresUtc, bool Used);

internal sealed record EtsySandboxListing(long ShopId, EtsyWireListing Listing, EtsyWireInventory Inventory) : Common.ISandboxOwned
{
    /// <summary>The listing's pictures by rank (uploadListingImage); a listing goes active only with one.</summary>
    public IReadOnlyList<EtsyWireListingImage> Images { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner => ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record EtsySandboxReceipt(long ShopId, EtsyWireReceipt Receipt) : Common.ISandboxOwned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner => ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
