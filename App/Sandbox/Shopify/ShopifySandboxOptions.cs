namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// The emulator's registered app (fake values only) and Shopify's published limits. A shop is any
/// <c>X.myshopify.com</c>; the consent page signs in as the shop in the URL unless another is typed.
/// </summary>
public sealed class ShopifySandboxOptions
{
    public const string SectionName = "Sandbox:Shopify";

    public string ClientId { get; set; } = "sbxshopifyclientid000000000000001";

    public string ClientSecret { get; set; } = "shpss_sandboxsecret0000000000000001";

    /// <summary>The app's allowed redirection URL; null: the portal's own callback under <c>Sandbox:PortalBaseUrl</c>.</summary>
    public string? RedirectUri { get; set; }

    public string DefaultShop { get; set; } = "sandbox-store.myshopify.com";

    /// <summary>Expiring offline tokens live an hour (<c>expires_in: 3600</c>).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>An authorization code is good once, for a short while.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The Standard plan's bucket as public fixtures show it: 2000 points, refilled at 100 a second.</summary>
    public double MaximumAvailable { get; set; } = 2000;

    public double RestoreRate { get; set; } = 100;

    /// <summary>No single query may cost more than 1000 points (MAX_COST_EXCEEDED).</summary>
    public int MaxSingleQueryCost { get; set; } = 1000;

    /// <summary>inventorySetQuantities takes at most this many quantities per call.</summary>
    public int MaxInventoryQuantitiesPerCall { get; set; } = 250;

    /// <summary>Connections page at most 250 nodes.</summary>
    public int MaxPageSize { get; set; } = 250;

    /// <summary>The app's webhook subscriptions (as an app's configuration file declares them); a topic not here is not sent.</summary>
    public List<string> WebhookTopics { get; set; } =
    [
        "orders/create", "orders/updated", "inventory_levels/update", "products/update", "app/uninstalled", "bulk_operations/finish",
        "customers/data_request", "customers/redact", "shop/redact",
    ];

    /// <summary>A bulk operation's result URL expires after seven days, as Shopify's do.</summary>
    public TimeSpan BulkUrlLifetime { get; set; } = TimeSpan.FromDays(7);
}
