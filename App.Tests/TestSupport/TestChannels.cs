using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Etsy;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Tests.TestSupport;

/// <summary>
/// A <see cref="ChannelRegistry"/> over the given connectors (fakes or real ones), with the marketplaces' own
/// descriptors, registered the way the app registers them: keyed by kind.
/// </summary>
public static class TestChannels
{
    public static IReadOnlyList<ChannelDescriptor> Descriptors { get; } =
    [
        TikTokShopDescriptor.Descriptor, AmazonDescriptor.Descriptor, EbayDescriptor.Descriptor,
        EtsyDescriptor.Descriptor, ShopifyDescriptor.Descriptor,
    ];

    public static ChannelRegistry Registry(params IEnumerable<IChannelConnector> connectors)
    {
        var services = new ServiceCollection();
        foreach (var connector in connectors)
        {
            services.AddKeyedSingleton(connector.Channel, connector);
        }

        return new ChannelRegistry(services.BuildServiceProvider(), Descriptors);
    }
}
