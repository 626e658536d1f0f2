using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Integrations.Abstractions;

// Who a channel is, in words every folder shares: the marketplaces and features read these, and they depend on
// nothing. The numbers are stored (ChannelAccounts.Channel, Orders.Status): add at the end, never reorder.
// Each member carries its name as merchants write it and its place on the Channels page (ChannelNames reads them);
// how a marketplace behaves is in its own ChannelDescriptor.

public enum ChannelKind
{
    [Display(Name = "TikTok Shop", Order = 1)] TikTokShop,
    [Display(Name = "Amazon", Order = 2)] Amazon,
    [Display(Name = "eBay", Order = 3)] Ebay,
    [Display(Name = "Etsy", Order = 4)] Etsy,
    [Display(Name = "Shopify", Order = 5)] Shopify,
    [Display(Name = "Flipkart", Order = 6)] Flipkart,
    [Display(Name = "IndiaMART", Order = 7)] IndiaMart,
    [Display(Name = "GeM", Order = 8)] Gem,
    [Display(Name = "ShipStation", Order = 9)] ShipStation,
}

public enum ChannelEnvironment
{
    Sandbox,
    Production,
}

/// <summary>The one wire-neutral status set every channel's order status maps to.</summary>
public enum OrderStatus
{
    Pending,
    Processing,
    Shipped,
    Delivered,
    Cancelled,
}
