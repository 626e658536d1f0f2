using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

/// <summary>A SKU's new price and/or quantity, so one bulk call can carry both; <see cref="OfferId"/> is looked up when absent.</summary>
public sealed record EbayOfferUpdate(string Sku, ChannelMoney? Price, int? Quantity, string? OfferId = null);
