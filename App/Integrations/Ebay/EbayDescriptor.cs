using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

public static class EbayDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Ebay,
        Tone = ChannelTone.Info,
        // Inventory API InventoryItem.product.title and Trading API Item.Title: max length 80.
        TitleMaxLength = 80,
        // Inventory API: offer.categoryId, inventoryItem.condition, offer.listingDuration (GTC for fixed price), listingPolicies.
        ListingFields =
        [
            new("category_id", "eBay category id", "Leave empty to use the category mapping"),
            new("condition", "Condition", "NEW, USED_EXCELLENT, ...", "NEW"),
            new("listing_duration", "Listing duration", "Fixed-price listings are GTC", "GTC"),
            new("fulfillment_policy_id", "Fulfillment policy id"),
            new("payment_policy_id", "Payment policy id"),
            new("return_policy_id", "Return policy id"),
        ],
        ReadListingStatus = ReadStatus,
        // Daily quotas only: no wait for order pages; bulkUpdatePriceQuantity's 25 SKUs a call, the day's budget spread over the day.
        Floors = new()
        {
            PriceUpdates = PriceBatchFloor,
        },
    };

    private static ChannelWorkFloor PriceBatchFloor(int products)
    {
        var calls = (int)Math.Ceiling(products / (double)EbayClient.BulkPriceQuantityLimit);
        return new(calls, calls / (EbayRateLimits.InventoryCallsPerDay / 86_400.0), "⌈N/25⌉ ÷ 2M/day");
    }

    // Inventory API offer status: PUBLISHED or UNPUBLISHED.
    private static ChannelListingActivity ReadStatus(string? status) => ChannelStatusWords.Normalise(status) switch
    {
        "PUBLISHED" => ChannelListingActivity.Active,
        "UNPUBLISHED" => ChannelListingActivity.Inactive,
        _ => ChannelListingActivity.Unknown,
    };
}
