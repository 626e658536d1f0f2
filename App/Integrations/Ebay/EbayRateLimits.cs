using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Ebay;

/// <summary>eBay's published limits (ebay.md): per day per API, the Inventory API about 2,000,000 calls a day; nothing per second.</summary>
public static class EbayRateLimits
{
    public const int InventoryCallsPerDay = 2_000_000;

    /// <summary>The client's budget: a modest 10/s with bursts of 20, within the daily quota.</summary>
    public static ChannelRateLimits Client { get; } = new(10, 20, InventoryCallsPerDay);
}
