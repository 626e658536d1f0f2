using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Etsy;

public static class EtsyDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Etsy,
        Tone = ChannelTone.Secondary,
        // Open API v3, createDraftListing: title is at most 140 characters.
        TitleMaxLength = 140,
        // createDraftListing's required who_made, when_made and taxonomy_id, and a physical listing's shipping profile and return policy.
        ListingFields =
        [
            new(EtsyConnector.TaxonomyField, "Etsy taxonomy id", "Leave empty to use the category mapping"),
            new(EtsyConnector.ShippingProfileField, "Shipping profile id", "Leave empty to use the account's"),
            new(EtsyConnector.ReturnPolicyField, "Return policy id", "Leave empty to use the account's"),
            new(EtsyConnector.WhoMadeField, "Who made it", "i_did, someone_else or collective", "i_did"),
            new(EtsyConnector.WhenMadeField, "When it was made", "made_to_order, 2020_2023, …", "made_to_order"),
        ],
        ReadListingStatus = ReadStatus,
        // 10 a second per key: one receipts page a call; a price push is a read and a write per listing.
        Floors = new()
        {
            OrderPages = pages => pages / EtsyRateLimits.PublishedPerSecond,
            PriceUpdates = products => new(2 * products, 2 * products / EtsyRateLimits.PublishedPerSecond, "2 calls/listing ÷ 10/s"),
        },
    };

    // Listing states (getListingsByShop's state): active sells; draft, inactive, sold_out and expired do not.
    private static ChannelListingActivity ReadStatus(string? status) => ChannelStatusWords.Normalise(status) switch
    {
        "ACTIVE" => ChannelListingActivity.Active,
        "INACTIVE" or "DRAFT" or "SOLD_OUT" or "EXPIRED" => ChannelListingActivity.Inactive,
        _ => ChannelListingActivity.Unknown,
    };
}
