using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

public static class AmazonDescriptor
{
    /// <summary>Amazon's existing product page to list against; filled by the catalog search ("Find ASIN").</summary>
    public const string AsinField = "asin";

    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Amazon,
        Tone = ChannelTone.Warning,
        // Seller Central product title requirements (2025): at most 200 characters, spaces included.
        TitleMaxLength = 200,
        // Listings Items API: productType is required; list against an existing ASIN where there is one.
        ListingFields =
        [
            new("product_type", "Product type", "e.g. AUTO_ACCESSORY; the default product type when empty"),
            new(AsinField, "ASIN to list against", "Find it with catalog search", FromCatalogSearch: true),
        ],
        ReadListingStatus = ReadStatus,
        Floors = new()
        {
            // searchOrders, items inline: one page every three minutes after a burst of 20.
            OrderPages = pages => AmazonRateLimits.Published[AmazonRateLimits.SearchOrders] is var l ? Math.Max(0, pages - l.Burst) / l.RatePerSecond : 0,
            PriceUpdates = PriceFeedFloor,
            LongestRefill = TimeSpan.FromSeconds(1 / AmazonRateLimits.Published[AmazonRateLimits.SearchOrders].RatePerSecond),
        },
    };

    /// <summary>
    /// One JSON_LISTINGS_FEED per 25,000 SKUs: createFeedDocument, createFeed, getFeed until DONE (twice at least),
    /// getFeedDocument for the report; the upload and download go to pre-signed storage URLs (not SP-API calls). Amazon
    /// publishes token buckets (rate, burst), so calls within the burst cost no waiting.
    /// </summary>
    private static ChannelWorkFloor PriceFeedFloor(int products)
    {
        var feeds = (int)Math.Ceiling(products / 25_000.0);
        var minimum = new Dictionary<string, int>
        {
            [AmazonRateLimits.CreateFeedDocument] = feeds,
            [AmazonRateLimits.CreateFeed] = feeds,
            [AmazonRateLimits.GetFeed] = 2 * feeds,
            [AmazonRateLimits.GetFeedDocument] = feeds,
        };
        var seconds = minimum.Sum(m => AmazonRateLimits.Published[m.Key] is var l ? Math.Max(0, m.Value - l.Burst) / l.RatePerSecond : 0);
        return new(minimum.Values.Sum(), seconds, "5 calls/feed, token buckets");
    }

    // Listings Items summaries list BUYABLE and/or DISCOVERABLE; without BUYABLE nobody can buy it.
    private static ChannelListingActivity ReadStatus(string? status)
    {
        var s = ChannelStatusWords.Normalise(status);
        return s is "" or "UNKNOWN" ? ChannelListingActivity.Unknown
            : s.Split(',').Contains("BUYABLE") ? ChannelListingActivity.Active : ChannelListingActivity.Inactive;
    }
}
