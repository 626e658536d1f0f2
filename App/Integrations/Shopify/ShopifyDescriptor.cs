using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Shopify;

public static class ShopifyDescriptor
{
    // Declared before Descriptor: static initialisers run in the order they are written.
    /// <summary>Shopify's hosts are per shop: the shop's permanent domain, checked as shopify.md §4.1 gives it.</summary>
    public static ConnectShopPrompt ShopDomain { get; } = new(
        "Shop domain",
        "your-store.myshopify.com",
        new System.Text.RegularExpressions.Regex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        "Type the shop's myshopify.com domain, for example your-store.myshopify.com (letters, digits and hyphens before .myshopify.com).");

    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Shopify,
        Tone = ChannelTone.Success,
        // Admin API, Product.title: at most 255 characters.
        TitleMaxLength = 255,
        ConnectAsksForShop = ShopDomain,
        ReadListingStatus = ReadStatus,
        // The cost bucket restores 100 points a second (Standard): an orders page asks ≈ 820 points; a price push is
        // one productVariantsBulkUpdate per product at 10 points.
        Floors = new()
        {
            OrderPages = pages => pages * ShopifyRateLimits.OrdersPageCost / ShopifyRateLimits.StandardRestorePerSecond,
            PriceUpdates = products => new(products, products * ShopifyRateLimits.PriceUpdateCost / ShopifyRateLimits.StandardRestorePerSecond,
                "1 call/product × 10 pts ÷ 100 pts/s"),
            LongestRefill = TimeSpan.FromSeconds(ShopifyRateLimits.StandardBucket / ShopifyRateLimits.StandardRestorePerSecond),
        },
    };

    // ProductStatus: ACTIVE sells; DRAFT and ARCHIVED do not; UNLISTED is sold by link only (not judged).
    private static ChannelListingActivity ReadStatus(string? status) => ChannelStatusWords.Normalise(status) switch
    {
        "ACTIVE" => ChannelListingActivity.Active,
        "DRAFT" or "ARCHIVED" => ChannelListingActivity.Inactive,
        _ => ChannelListingActivity.Unknown,
    };

}
