using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Shopify;

/// <summary>Shopify as the portal describes it before its connector exists: a Coming soon card and the editor's title hint.</summary>
public static class ShopifyDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Shopify,
        Tone = ChannelTone.Success,
        // Admin API, Product.title: at most 255 characters.
        TitleMaxLength = 255,
        ConnectAsksForShop = ShopDomain,
    };

    /// <summary>Shopify's hosts are per shop: the shop's permanent domain, checked as shopify.md §4.1 gives it.</summary>
    public static ConnectShopPrompt ShopDomain { get; } = new(
        "Shop domain",
        "your-store.myshopify.com",
        new System.Text.RegularExpressions.Regex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
        "Type the shop's myshopify.com domain, for example your-store.myshopify.com (letters, digits and hyphens before .myshopify.com).");
}

public static class ShopifyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddShopify(this IHostApplicationBuilder builder)
    {
        builder.Services.AddChannel(ShopifyDescriptor.Descriptor);
        return builder;
    }
}
