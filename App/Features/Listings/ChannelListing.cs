using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;

namespace SellerPortal.Features.Listings;

/// <summary>A product as listed on one channel account, with its own state and price.</summary>
public sealed class ChannelListing
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public int ChannelAccountId { get; set; }
    public ChannelAccount? ChannelAccount { get; set; }
    public string? ExternalId { get; set; }
    public string? ExternalUrl { get; set; }
    public ListingState State { get; set; } = ListingState.Draft;
    /// <summary>How this channel's price derives from the master price (inherit, adjust, fixed; rounding).</summary>
    public PriceRuleKind PriceKind { get; set; } = PriceRuleKind.BasePrice;
    public int PricePercentBasisPoints { get; set; }
    public long PriceAmountMinor { get; set; }
    public PriceRounding PriceRounding { get; set; } = PriceRounding.None;
    /// <summary>The channel's own required fields: eBay categoryId/condition/duration, Amazon productType/asin, TikTok categoryId.</summary>
    public Dictionary<string, string> ChannelFields { get; set; } = [];
    /// <summary>
    /// The channel's own id of each SKU (TikTok's sku_id, eBay's offerId) as the publish answered, by SKU. Price and
    /// stock pushes carry it: TikTok's price and inventory calls take only sku_ids, and without it eBay looks each
    /// SKU's offer up with one extra call before every batch.
    /// </summary>
    public Dictionary<string, string> ExternalSkuIds { get; set; } = [];
    public DateTime? LastSyncedUtc { get; set; }
    public string? LastError { get; set; }

    public PriceRule PriceRule
    {
        get => new(PriceKind, PricePercentBasisPoints, PriceAmountMinor, PriceRounding);
        set => (PriceKind, PricePercentBasisPoints, PriceAmountMinor, PriceRounding) = (value.Kind, value.PercentBasisPoints, value.AmountMinor, value.Rounding);
    }
}

public enum ListingState
{
    Draft,
    Publishing,
    Live,
    Unpublishing,
    Unpublished,
    Error,
}
