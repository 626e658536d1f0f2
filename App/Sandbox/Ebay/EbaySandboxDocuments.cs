using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Ebay;

// What the eBay emulator keeps in the SandboxStore (channel "ebay").

internal sealed record EbaySandboxAuthCode(string Code, string Username, IReadOnlyList<string> Scopes, DateTime ExpiresUtc, bool Used);

internal sealed record EbaySandboxRefreshToken(string Token, string Username, IReadOnlyList<string> Scopes, DateTime ExpiresUtc);

/// <summary><see cref="Username"/> is null for an application token (client credentials).</summary>
internal sealed record EbaySandboxAccessToken(string Token, string? Username, DateTime ExpiresUtc);

internal sealed record EbaySandboxItem(string Username, string Sku, EbayWireInventoryItem Item);

internal sealed record EbaySandboxOffer(string Username, EbayWireOffer Offer);

internal sealed record EbaySandboxOrder(string Username, EbayWireOrder Order, List<EbaySandboxShipment> Fulfillments) : ISandboxOwned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner => Username;
}

internal sealed record EbaySandboxShipment(string FulfillmentId, EbayWireShippingFulfillmentRequest Request);

internal sealed record EbaySandboxLocation(string Username, EbayWireLocationResponse Location);

internal static class EbaySandboxCollections
{
    public const string Channel = "ebay";
    public const string AuthCodes = "auth_codes";
    public const string RefreshTokens = "refresh_tokens";
    public const string AccessTokens = "access_tokens";
    public const string Items = "inventory_items";
    public const string Offers = "offers";
    public const string Orders = "orders";
    public const string Stats = "stats";
    public const string Locations = "locations";

    public static string ItemKey(string username, string sku) => username + "|" + sku;
}
