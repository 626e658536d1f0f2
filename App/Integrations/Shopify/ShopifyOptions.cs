namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify Admin API settings (shopify.md §4.1): the app's client id and secret, the scopes asked at connect, the
/// pinned API version and the per-shop host. A Shopify account is one shop; every call goes to that shop's own host,
/// <see cref="ShopBaseUrl"/> with <c>{shop}</c> replaced by its myshopify domain.
/// </summary>
public sealed class ShopifyOptions
{
    public const string SectionName = "Channels:Shopify";

    /// <summary>The version every query and mutation is held to (App/Sandbox/Shopify/Schema/admin-2026-10.graphql).</summary>
    public const string PinnedApiVersion = "2026-10";

    public string? ClientId { get; set; }

    /// <summary>Secret: configuration or a secret store only, never logged. Signs OAuth callbacks and webhooks.</summary>
    public string? ClientSecret { get; set; }

    public string[] Scopes { get; set; } =
    [
        "read_products", "write_products", "read_inventory", "write_inventory", "read_orders", "write_orders",
        "read_fulfillments", "write_fulfillments", "read_locations", "read_merchant_managed_fulfillment_orders",
        "write_merchant_managed_fulfillment_orders",
    ];

    public string ApiVersion { get; set; } = PinnedApiVersion;

    /// <summary>A shop's host: <c>{shop}</c> is its myshopify domain (the emulator: <c>{sandbox}/sandbox/shopify/shops/{shop}</c>).</summary>
    public string ShopBaseUrl { get; set; } = "https://{shop}";

    /// <summary>
    /// The redirect URI registered for the app; Shopify refuses one not on the app's allow list. When empty the
    /// portal's own callback is sent.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>Quantities per inventorySetQuantities call: shopify.md marks 250 UNVERIFIED, so it is a setting.</summary>
    public int InventoryQuantitiesPerCall { get; set; } = 250;

    /// <summary>The cost bucket assumed before a shop's first answer states its own (Standard plan: 2000 points, 100/s).</summary>
    public double DefaultBucketSize { get; set; } = ShopifyRateLimits.StandardBucket;

    public double DefaultRestoreRate { get; set; } = ShopifyRateLimits.StandardRestorePerSecond;

    /// <summary>How many times a THROTTLED answer is tried again, each after the refill it needs.</summary>
    public int ThrottledAttempts { get; set; } = 4;

    /// <summary>Expiring offline tokens: public apps made since 2026-04-01 must use them (shopify.md §4.1).</summary>
    public TimeSpan RefreshTokenLifetimeFallback { get; set; } = TimeSpan.FromDays(90);

    public Uri ShopUrl(string shop) => new(ShopBaseUrl.Replace("{shop}", shop, StringComparison.Ordinal).TrimEnd('/'));

    public Uri GraphQlUrl(string shop) => new($"{ShopUrl(shop)}/admin/api/{ApiVersion}/graphql.json");

    public static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{SectionName}:{key} is not configured.") : value;
}
