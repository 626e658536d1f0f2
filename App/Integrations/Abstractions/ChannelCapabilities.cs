namespace SellerPortal.Integrations.Abstractions;

/// <summary>What a channel supports, and its batch sizes. The UI and the sync engine read these.</summary>
public sealed record ChannelCapabilities
{
    public bool Listings { get; init; }
    public bool Variations { get; init; }
    public bool Inventory { get; init; }
    public bool Prices { get; init; }
    public bool Orders { get; init; }
    public bool Shipping { get; init; }
    public bool Webhooks { get; init; }
    public bool OAuthConnect { get; init; }

    /// <summary>SKUs per inventory call (1 where the channel has no batch endpoint).</summary>
    public int InventoryBatchSize { get; init; } = 1;

    /// <summary>SKUs per price call (1 where the channel has no batch endpoint).</summary>
    public int PriceBatchSize { get; init; } = 1;

    /// <summary>The channel needs a category id on every listing (mapped from the master category).</summary>
    public bool RequiresCategory { get; init; }

    /// <summary>
    /// Listing fields the channel needs from <see cref="ListingDraft.ChannelFields"/>; each entry lists alternatives,
    /// any one of which satisfies it (Amazon: productType or asin).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredListingFields { get; init; } = [];

    /// <summary>
    /// Order pages come oldest update first because the request asks for that order (TikTok's sort_field=update_time),
    /// so the import can keep its place after every page. Where a channel documents no order (eBay, Amazon), the
    /// watermark moves only once the whole run is in.
    /// </summary>
    public bool OrdersOldestUpdateFirst { get; init; }

    public static ChannelCapabilities None { get; } = new();
}
