using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Etsy;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// Points the Etsy client at the Etsy emulator: the API and consent hosts become <c>{Sandbox:PortalBaseUrl}/sandbox/etsy</c>,
/// with the emulator's registered app and redirect URI unless configured. It lives with the client, so the emulator
/// never names a client type.
/// </summary>
public static class EtsyEmulatorTarget
{
    public static IHostApplicationBuilder PointEtsyAtEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmulatedChannels.At(Abstractions.ChannelKind.Etsy, EtsySandboxServiceCollectionExtensions.MountPath));
        builder.Services.AddOptions<EtsyOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<EtsySandboxOptions>>((etsy, sandbox, app) =>
        {
            var emulator = sandbox.Value.BaseUrl + EtsySandboxServiceCollectionExtensions.MountPath;
            etsy.ApiBaseUrl = new Uri(emulator);
            etsy.ConnectUrl = new Uri(emulator + "/oauth/connect");
            etsy.Keystring ??= app.Value.Keystring;
            etsy.SharedSecret ??= app.Value.SharedSecret;
            etsy.RedirectUri ??= EtsySandboxAuth.RedirectUri(app.Value, sandbox.Value);
        });
        return builder;
    }
}
