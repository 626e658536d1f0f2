using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

/// <summary>A SKU's new price and/or quantity, so one feed can carry both (the connector's bulk path).</summary>
public sealed record AmazonOfferUpdate(string Sku, ChannelMoney? Price, int? Quantity, string? ProductType = null);
