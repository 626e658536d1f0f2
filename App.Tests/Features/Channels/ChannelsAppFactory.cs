using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Common.Fakes;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

/// <summary>The whole portal with the fake channel (GeM) authorization, connector and webhook verifier registered.</summary>
public sealed class ChannelsAppFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<FakeChannelAuthorization>();
            services.AddSingleton<FakeWebhookVerifier>();
            services.AddSingleton<FakeChannelConnector>();
            services.AddChannel(new ChannelDescriptor { Kind = FakeChannelAuthorization.Kind })
                .Authorization<FakeChannelAuthorization>()
                .WebhookVerifier<FakeWebhookVerifier>()
                .Connector<FakeChannelConnector>();
        });
    }
}
