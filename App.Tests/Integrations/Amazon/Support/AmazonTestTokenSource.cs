using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Amazon.Support;

/// <summary>Amazon through the website authorization workflow and LWA, in the NA region.</summary>
public sealed class AmazonTestTokenSource(PortalAppFactory factory, IServiceProvider services)
    : EmulatorTokenSource(factory, RedirectUri, ChannelEnvironment.Production, "NA")
{
    public static readonly Uri RedirectUri = new("https://portal.example.test/channels/callback/Amazon");

    protected override IChannelAuthorization Authorization => services.GetRequiredService<AmazonAuthorization>();

    public override ChannelAccountContext Account() => new(1, ChannelKind.Amazon, ChannelEnvironment.Production, Connected!.Shops[0].ShopId, Connected.SellerId, "NA")
    {
        Properties = Connected.Shops[0].Properties,
    };
}
