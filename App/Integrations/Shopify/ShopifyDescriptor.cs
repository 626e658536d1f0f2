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
    };
}

public static class ShopifyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddShopify(this IHostApplicationBuilder builder)
    {
        builder.Services.AddChannel(ShopifyDescriptor.Descriptor);
        return builder;
    }
}
