namespace SellerPortal.Integrations.Abstractions;

// Who a channel is, in words every folder shares: the marketplaces and features read these, and they depend on
// nothing. The numbers are stored (ChannelAccounts.Channel, Orders.Status): add at the end, never reorder.

public enum ChannelKind
{
    TikTokShop,
    Amazon,
    Ebay,
    Etsy,
    Shopify,
    Flipkart,
    IndiaMart,
    Gem,
    ShipStation,
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
