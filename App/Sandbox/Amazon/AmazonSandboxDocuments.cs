using System.Text.Json;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Amazon;

// What the Amazon emulator keeps in the SandboxStore (channel "amazon").

internal sealed record SandboxAuthCode(string Code, string ClientId, string SellerId, string? RedirectUri, DateTime ExpiresUtc, bool Used);

internal sealed record SandboxRefreshToken(string Token, string ClientId, string SellerId, bool Revoked);

internal sealed record SandboxAccessToken(string Token, string SellerId, DateTime ExpiresUtc);

internal sealed record SandboxOrder(string SellerId, AmazonWireV0Order Order, List<AmazonWireV0OrderItem> Items, List<SandboxShipment> Shipments) : ISandboxOwned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner => SellerId;
}

internal sealed record SandboxShipment(string CarrierCode, string? CarrierName, string TrackingNumber, string ShipDate, IReadOnlyList<AmazonWireConfirmShipmentItem> Items);

internal sealed record SandboxListing(
    string SellerId, string Sku, string MarketplaceId, string ProductType, string Asin,
    Dictionary<string, JsonElement> Attributes, DateTime CreatedUtc, DateTime UpdatedUtc);

/// <summary>A feed or report document; a report kept with <c>GZIP</c> is served gzip-compressed, as Amazon may serve one.</summary>
internal sealed record SandboxFeedDocument(string Id, string SellerId, string ContentType, string Signature, DateTime UrlExpiresUtc, string? Content,
    string? CompressionAlgorithm = null);

internal sealed record SandboxFeed(string SellerId, AmazonWireFeed Feed, string InputFeedDocumentId);

internal sealed record SandboxFbaStock(string SellerId, string Sku, string Asin, string FnSku, int Fulfillable, int Inbound, DateTime UpdatedUtc);

internal static class AmazonSandboxCollections
{
    public const string Channel = "amazon";
    public const string AuthCodes = "auth_codes";
    public const string RefreshTokens = "refresh_tokens";
    public const string AccessTokens = "access_tokens";
    public const string Orders = "orders";
    public const string Listings = "listings";
    public const string Documents = "feed_documents";
    public const string Feeds = "feeds";
    public const string Stats = "stats";
    public const string FbaInventory = "fba_inventory";
}
