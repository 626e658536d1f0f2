using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Amazon;

public static class AmazonSandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/amazon";

    /// <summary>
    /// The SP-API emulator's services, and the Amazon client pointed at it: every region's hosts, the sandbox hosts,
    /// Seller Central and the LWA endpoint become <c>{Sandbox:PortalBaseUrl}/sandbox/amazon</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAmazonSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AmazonSandboxOptions>().BindConfiguration(AmazonSandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AmazonSandboxRateLimiter>();
        builder.Services.AddOptions<AmazonOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<AmazonSandboxOptions>>((amazon, sandbox, app) =>
        {
            var emulator = new Uri(sandbox.Value.BaseUrl + MountPath);
            // The emulator's registered app, unless real-looking credentials were configured on purpose.
            amazon.ClientId ??= app.Value.ClientId;
            amazon.ClientSecret ??= app.Value.ClientSecret;
            amazon.ApplicationId ??= app.Value.ApplicationId;
            foreach (var region in amazon.Regions.Values)
            {
                region.ApiBaseUrl = emulator;
                region.SandboxApiBaseUrl = emulator;
                region.SellerCentralUrl = emulator;
            }

            amazon.LwaTokenEndpoint = new Uri(emulator + "/auth/o2/token");
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapAmazonSandbox(this IEndpointRouteBuilder sandbox)
    {
        var amazon = sandbox.MapGroup("/amazon");
        AmazonSandboxAuth.Map(amazon);
        AmazonSandboxOrders.Map(amazon);
        AmazonSandboxSearchOrders.Map(amazon);
        AmazonSandboxListings.Map(amazon);
        AmazonSandboxFeeds.Map(amazon);
        AmazonSandboxInventory.Map(amazon);
        AmazonSandboxControl.Map(amazon);
        return sandbox;
    }
}
