using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.TikTokShop;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// Points the TikTok Shop client at the TikTok emulator: hosts not set explicitly in Channels:TikTokShop become
/// <c>{Sandbox:PortalBaseUrl}/sandbox/tiktok</c>, and empty credentials take the emulator's registered app. It lives
/// with the client, so the emulator itself never names a client type.
/// </summary>
public static class TikTokShopEmulatorTarget
{
    public static IHostApplicationBuilder PointTikTokShopAtEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmulatedChannels.At(Abstractions.ChannelKind.TikTokShop, TikTokShopSandboxGate.MountPath));
        var configured = builder.Configuration.GetSection(TikTokShopOptions.SectionName);
        builder.Services.AddOptions<TikTokShopOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<TikTokShopSandboxOptions>>((o, sandbox, app) =>
        {
            var emulator = sandbox.Value.BaseUrl + TikTokShopSandboxGate.MountPath;
            if (configured[nameof(TikTokShopOptions.ApiBaseUrl)] is null)
            {
                o.ApiBaseUrl = emulator;
            }

            if (configured[nameof(TikTokShopOptions.AuthBaseUrl)] is null)
            {
                o.AuthBaseUrl = emulator;
            }

            if (configured[nameof(TikTokShopOptions.AuthorizePageUrl)] is null)
            {
                o.AuthorizePageUrl = emulator + "/oauth/authorize";
            }

            if (configured[nameof(TikTokShopOptions.UsAuthorizePageUrl)] is null)
            {
                o.UsAuthorizePageUrl = emulator + "/oauth/authorize";
            }

            if (string.IsNullOrEmpty(o.AppKey) && string.IsNullOrEmpty(o.AppSecret))
            {
                o.AppKey = app.Value.AppKey;
                o.AppSecret = app.Value.AppSecret;
            }

            if (string.IsNullOrEmpty(o.ServiceId))
            {
                o.ServiceId = app.Value.ServiceId;
            }
        });
        return builder;
    }
}
