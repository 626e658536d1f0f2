using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Ebay;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// Points the eBay client at the eBay emulator: both keysets' API, auth and identity hosts become
/// <c>{Sandbox:PortalBaseUrl}/sandbox/ebay</c>, with the emulator's registered keyset unless one was configured. It
/// lives with the client, so the emulator itself never names a client type.
/// </summary>
public static class EbayEmulatorTarget
{
    public static IHostApplicationBuilder PointEbayAtEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmulatedChannels.At(Abstractions.ChannelKind.Ebay, EbaySandboxServiceCollectionExtensions.MountPath));
        builder.Services.AddOptions<EbayOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<EbaySandboxOptions>>((ebay, sandbox, app) =>
        {
            var emulator = new Uri(sandbox.Value.BaseUrl + EbaySandboxServiceCollectionExtensions.MountPath);
            foreach (var keyset in new[] { ebay.Production, ebay.Sandbox })
            {
                keyset.ApiBaseUrl = emulator;
                keyset.AuthBaseUrl = emulator;
                keyset.IdentityBaseUrl = emulator;
                keyset.ClientId ??= app.Value.ClientId;
                keyset.ClientSecret ??= app.Value.ClientSecret;
                keyset.RuName ??= app.Value.RuName;
            }
        });
        return builder;
    }
}
