using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>Each marketplace's name as merchants write it, in the order the Channels page shows them.</summary>
public static class ChannelNames
{
    public static IReadOnlyList<ChannelKind> InDisplayOrder { get; } =
    [
        ChannelKind.TikTokShop, ChannelKind.Amazon, ChannelKind.Ebay, ChannelKind.Etsy, ChannelKind.Shopify,
        ChannelKind.Flipkart, ChannelKind.IndiaMart, ChannelKind.Gem, ChannelKind.ShipStation,
    ];

    public static string Display(ChannelKind channel) => channel switch
    {
        ChannelKind.TikTokShop => "TikTok Shop",
        ChannelKind.Amazon => "Amazon",
        ChannelKind.Ebay => "eBay",
        ChannelKind.Etsy => "Etsy",
        ChannelKind.Shopify => "Shopify",
        ChannelKind.Flipkart => "Flipkart",
        ChannelKind.IndiaMart => "IndiaMART",
        ChannelKind.Gem => "GeM",
        ChannelKind.ShipStation => "ShipStation",
        _ => channel.ToString(),
    };

    /// <summary>
    /// An account as sentences name it: its display name, followed by the marketplace only when the name does not
    /// already say it ("Amazon seller A1 (NA)", not "Amazon seller A1 (NA) (Amazon)").
    /// </summary>
    public static string AccountName(string displayName, ChannelKind channel) =>
        displayName.Contains(Display(channel), StringComparison.OrdinalIgnoreCase)
            ? displayName
            : $"{displayName} ({Display(channel)})";

    public static bool TryParse(string? value, out ChannelKind channel) =>
        Enum.TryParse(value, ignoreCase: true, out channel) && Enum.IsDefined(channel);
}
