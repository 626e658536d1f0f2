using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.ProductChannels;

public sealed record ListingFieldSpec(string Key, string Label, string? Help = null, string? Default = null);

/// <summary>The channel's own listing fields the editor offers, by channel (stored in ChannelListing.ChannelFields).</summary>
public static class ChannelListingFields
{
    /// <summary>Amazon's existing product page to list against; filled by "Find ASIN".</summary>
    public const string AsinKey = "asin";

    public static IReadOnlyList<ListingFieldSpec> For(ChannelKind channel) => channel switch
    {
        // eBay Inventory API: offer.categoryId, inventoryItem.condition, offer.listingDuration (GTC for fixed price), listingPolicies.
        ChannelKind.Ebay =>
        [
            new("category_id", "eBay category id", "Leave empty to use the category mapping"),
            new("condition", "Condition", "NEW, USED_EXCELLENT, ...", "NEW"),
            new("listing_duration", "Listing duration", "Fixed-price listings are GTC", "GTC"),
            new("fulfillment_policy_id", "Fulfillment policy id"),
            new("payment_policy_id", "Payment policy id"),
            new("return_policy_id", "Return policy id"),
        ],
        // Listings Items API: productType is required; list against an existing ASIN where there is one.
        ChannelKind.Amazon =>
        [
            new("product_type", "Product type", "e.g. AUTO_ACCESSORY; the default product type when empty"),
            new(AsinKey, "ASIN to list against", "Find it with catalog search"),
        ],
        // TikTok Shop Products API: category_id of a leaf category.
        ChannelKind.TikTokShop => [new("category_id", "TikTok category id", "A leaf category")],
        _ => [],
    };
}
