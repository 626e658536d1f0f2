using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify's GraphQL Admin API limits (shopify.md §4.3): a leaky bucket of query cost per app and shop, restored at
/// 100 points a second on the Standard plan (200 Advanced, 1000 Plus, 2000 Enterprise) with a bucket of 20 times the
/// restore rate (2000 observed on Standard). A query may cost at most 1000. The cost bucket
/// (<see cref="ShopifyCostBuckets"/>) governs; the request bucket below only keeps a runaway loop polite.
/// </summary>
public static class ShopifyRateLimits
{
    public const double StandardRestorePerSecond = 100;

    public const double StandardBucket = 2000;

    public const double MaxQueryCost = 1000;

    /// <summary>Requested cost of one page of orders as the client asks for it (10 orders × their lines, ≈ 800 points).</summary>
    public const double OrdersPageCost = 820;

    /// <summary>Requested cost of one productVariantsBulkUpdate of a product's variants (a mutation costs 10).</summary>
    public const double PriceUpdateCost = 10;

    /// <summary>Requests, not points: no published request limit on GraphQL, so a loose bucket.</summary>
    public static ChannelRateLimits Client { get; } = new(20, 40);
}
