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
    };

    // Listings Items summaries list BUYABLE and/or DISCOVERABLE; without BUYABLE nobody can buy it.
    private static ChannelListingActivity ReadStatus(string? status)
    {
        var s = ChannelStatusWords.Normalise(status);
        return s is "" or "UNKNOWN" ? ChannelListingActivity.Unknown
            : s.Split(',').Contains("BUYABLE") ? ChannelListingActivity.Active : ChannelListingActivity.Inactive;
    }
}
