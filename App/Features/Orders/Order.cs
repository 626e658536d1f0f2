using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>An order imported from a channel; unique per (channel account, external order id).</summary>
public sealed class Order
{
    public long Id { get; set; }
    public int ChannelAccountId { get; set; }
    public ChannelAccount? ChannelAccount { get; set; }
    public required string ExternalOrderId { get; set; }
    public string? OrderNumber { get; set; }
    /// <summary>Another number the channel knows the order by (eBay's legacy Trading API id), searchable too.</summary>
    public string? AlternateOrderNumber { get; set; }
    public OrderStatus Status { get; set; }
    /// <summary>The channel's own status word, kept beside the mapped one.</summary>
    public string? RawStatus { get; set; }
    public string? BuyerName { get; set; }
    public string? BuyerUsername { get; set; }
    public ShippingAddress ShipTo { get; set; } = new();
    public long TotalMinor { get; set; }
    public required string Currency { get; set; }
    public DateTime PlacedUtc { get; set; }
    public DateTime ChannelUpdatedUtc { get; set; }
    public DateTime ImportedUtc { get; set; }
    public string? Carrier { get; set; }
    public string? TrackingNumber { get; set; }
    public DateTime? ShippedUtc { get; set; }
    /// <summary>Where the shipment push to the channel stands, and the channel's last answer.</summary>
    public ShipmentPushState ShipmentState { get; set; }
    public string? ShipmentMessage { get; set; }
    public DateTime? ShipmentUpdatedUtc { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}

public enum ShipmentPushState
{
    None,
    Queued,
    Pushed,
    Failed,
}

/// <summary>Only what shipping needs; erased on a buyer's deletion request.</summary>
public sealed class ShippingAddress
{
    public string? Name { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? Region { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryCode { get; set; }
    public string? Phone { get; set; }
}

public sealed class OrderLine
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public string? ExternalLineId { get; set; }
    public required string Sku { get; set; }
    /// <summary>The matched master variant; null while the SKU needs mapping.</summary>
    public int? VariantId { get; set; }
    public string? Title { get; set; }
    public int Quantity { get; set; }
    public long UnitPriceMinor { get; set; }
}
