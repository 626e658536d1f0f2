using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Catalog;

/// <summary>
/// The longest product title each channel accepts, for the editor's hints. One table, each row with its source, so a
/// change in a marketplace's rules is one line. Hints, not errors: the merchant may keep a long master title and
/// shorten it per channel.
/// </summary>
public static class ChannelTitleLimits
{
    public static IReadOnlyList<ChannelTitleLimit> All { get; } =
    [
        // TikTok Shop Partner API, Products > Create Product: product_name is at most 255 characters.
        new(ChannelKind.TikTokShop, "TikTok Shop", 255),
        // eBay Inventory API, InventoryItem.product.title and Trading API Item.Title: max length 80.
        new(ChannelKind.Ebay, "eBay", 80),
        // Amazon Seller Central, product title requirements (2025): at most 200 characters, spaces included.
        new(ChannelKind.Amazon, "Amazon", 200),
        // Etsy Open API v3, createDraftListing: title is at most 140 characters.
        new(ChannelKind.Etsy, "Etsy", 140),
        // Shopify Admin API, Product.title: at most 255 characters.
        new(ChannelKind.Shopify, "Shopify", 255),
    ];

    public static int? For(ChannelKind channel) => All.FirstOrDefault(l => l.Channel == channel)?.MaxLength;
}

public sealed record ChannelTitleLimit(ChannelKind Channel, string ChannelName, int MaxLength);

/// <summary>A channel whose title limit the product's name passes; shown beside the name field.</summary>
public sealed record TitleHint(ChannelKind Channel, string Message);
