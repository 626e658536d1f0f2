using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.TikTokShop;

public static class TikTokShopDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.TikTokShop,
        Tone = ChannelTone.Dark,
        // TikTok Shop Partner API, Products > Create Product: product_name is at most 255 characters.
        TitleMaxLength = 255,
        // Products API: category_id of a leaf category.
        ListingFields = [new("category_id", "TikTok category id", "A leaf category")],
        ReadListingStatus = ReadStatus,
        // 50 requests/s per API and shop: order pages, and one price call per product.
        Floors = new()
        {
            OrderPages = pages => pages / TikTokShopRateLimits.PublishedPerSecond,
            PriceUpdates = products => new(products, products / TikTokShopRateLimits.PublishedPerSecond, "N ÷ 50/s"),
        },
    };

    // Product statuses (Products API 202309): ACTIVATE sells; PENDING is under review.
    private static ChannelListingActivity ReadStatus(string? status) => ChannelStatusWords.Normalise(status) switch
    {
        "ACTIVATE" => ChannelListingActivity.Active,
        "PENDING" or "" => ChannelListingActivity.Unknown,
        _ => ChannelListingActivity.Inactive,
    };
}
