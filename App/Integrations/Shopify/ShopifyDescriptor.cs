using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Shopify;

public static class ShopifyDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Shopify,
        Tone = ChannelTone.Success,
        // Admin API, Product.title: at most 255 characters.
        TitleMaxLength = 255,
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
