using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Ebay.Support;

/// <summary>eBay through the consent page (RuName accept URL) and the token call with Basic client credentials.</summary>
public sealed class EbayTestTokenSource(PortalAppFactory factory, IServiceProvider services)
    : EmulatorTokenSource(factory, AcceptUrl, ChannelEnvironment.Sandbox)
{
    public static readonly Uri AcceptUrl = new("https://portal.example.test/channels/callback/Ebay");

    protected override IChannelAuthorization Authorization => services.GetRequiredService<EbayAuthorization>();

    public override ChannelAccountContext Account() => new(2, ChannelKind.Ebay, ChannelEnvironment.Sandbox, Connected!.Shops[0].ShopId)
    {
        Properties = new Dictionary<string, string>(Connected.Shops[0].Properties)
        {
            ["fulfillment_policy_id"] = "6196932000",
            ["payment_policy_id"] = "6196933000",
            ["return_policy_id"] = "6196934000",
            ["merchant_location_key"] = "warehouse-1",
        },
    };
}
