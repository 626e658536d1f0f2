using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Inventory;

public enum ChannelListingActivity
{
    Active,
    Inactive,
    /// <summary>A status we cannot judge (under review, or a word we do not know): never flagged.</summary>
    Unknown,
}

/// <summary>Reads a channel's own listing status word as active or not. Pure.</summary>
public static class ChannelStatusWords
{
    public static ChannelListingActivity Classify(ChannelKind channel, string? status)
    {
        var s = (status ?? "").Trim().ToUpperInvariant();
        return channel switch
        {
            // TikTok Shop product statuses (Products API 202309): ACTIVATE sells; PENDING is under review.
            ChannelKind.TikTokShop => s switch
            {
                "ACTIVATE" => ChannelListingActivity.Active,
                "PENDING" or "" => ChannelListingActivity.Unknown,
                _ => ChannelListingActivity.Inactive,
            },
            // eBay Inventory API offer status: PUBLISHED or UNPUBLISHED.
            ChannelKind.Ebay => s switch
            {
                "PUBLISHED" => ChannelListingActivity.Active,
                "UNPUBLISHED" => ChannelListingActivity.Inactive,
                _ => ChannelListingActivity.Unknown,
            },
            // Amazon Listings Items summaries list BUYABLE and/or DISCOVERABLE; without BUYABLE nobody can buy it.
            ChannelKind.Amazon => s is "" or "UNKNOWN" ? ChannelListingActivity.Unknown
                : s.Split(',').Contains("BUYABLE") ? ChannelListingActivity.Active : ChannelListingActivity.Inactive,
            _ => s switch
            {
                "ACTIVE" or "LIVE" or "PUBLISHED" => ChannelListingActivity.Active,
                "INACTIVE" or "ENDED" or "DELETED" or "UNPUBLISHED" => ChannelListingActivity.Inactive,
                _ => ChannelListingActivity.Unknown,
            },
        };
    }
}
