using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// Points the Amazon client at the SP-API emulator: every region's hosts, the sandbox hosts, Seller Central and the LWA
/// endpoint become <c>{Sandbox:PortalBaseUrl}/sandbox/amazon</c>, with the emulator's registered app unless credentials
/// were configured on purpose. It lives with the client, so the emulator itself never names a client type.
/// </summary>
public static class AmazonEmulatorTarget
{
    public static IHostApplicationBuilder PointAmazonAtEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmulatedChannels.At(Abstractions.ChannelKind.Amazon, AmazonSandboxServiceCollectionExtensions.MountPath));
        builder.Services.AddOptions<AmazonOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<AmazonSandboxOptions>>((amazon, sandbox, app) =>
        {
            var emulator = new Uri(sandbox.Value.BaseUrl + AmazonSandboxServiceCollectionExtensions.MountPath);
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
}
