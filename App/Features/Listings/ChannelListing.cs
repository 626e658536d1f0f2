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
    /// <summary>Units held back from this channel: it shows available minus this, never below zero.</summary>
    public int QuantityBuffer { get; set; }
    /// <summary>The most this channel is ever shown, whatever is available; null for no cap.</summary>
    public int? QuantityCap { get; set; }
    public DateTime? LastSyncedUtc { get; set; }
    public string? LastError { get; set; }
    /// <summary>The listing's status in the channel's own words when last read back; null when the channel did not show it.</summary>
    public string? ChannelStatus { get; set; }
    public DateTime? LastReadBackUtc { get; set; }
    /// <summary>We think the listing is live, but the channel last showed it inactive or not at all.</summary>
    public bool StatusDrift { get; set; }

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
