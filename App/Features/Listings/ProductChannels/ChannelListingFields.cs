using SellerPortal.Features.Channels;

namespace SellerPortal.Features.Listings.ProductChannels;

public sealed record ListingFieldSpec(string Key, string Label, string? Help = null, string? Default = null);

/// <summary>The channel's own listing fields the editor offers, by channel (stored in ChannelListing.ChannelFields).</summary>
public static class ChannelListingFields
{
    public static IReadOnlyList<ListingFieldSpec> For(ChannelKind channel) => channel switch
    {
        // eBay Inventory API: offer.categoryId, inventoryItem.condition, offer.listingDuration (GTC for fixed price), listingPolicies.
        ChannelKind.Ebay =>
        [
            new("categoryId", "eBay category id", "Leave empty to use the category mapping"),
            new("condition", "Condition", "NEW, USED_EXCELLENT, ...", "NEW"),
            new("listingDuration", "Listing duration", "Fixed-price listings are GTC", "GTC"),
            new("fulfillmentPolicyId", "Fulfillment policy id"),
            new("paymentPolicyId", "Payment policy id"),
            new("returnPolicyId", "Return policy id"),
        ],
        // Listings Items API: productType is required; list against an existing ASIN where there is one.
        ChannelKind.Amazon =>
        [
            new("productType", "Product type", "e.g. AUTO_ACCESSORY"),
            new("asin", "ASIN to list against", "Find it with catalog search"),
        ],
        // TikTok Shop Products API: category_id of a leaf category.
        ChannelKind.TikTokShop => [new("categoryId", "TikTok category id", "A leaf category")],
        _ => [],
    };
}
