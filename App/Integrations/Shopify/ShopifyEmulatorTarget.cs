using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Shopify;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Points the Shopify client at the Shopify emulator: each shop's host becomes
/// <c>{Sandbox:PortalBaseUrl}/sandbox/shopify/shops/{shop}</c>, with the emulator's registered app and redirect URI
/// unless configured. It lives with the client, so the emulator never names a client type.
/// </summary>
public static class ShopifyEmulatorTarget
{
    public static IHostApplicationBuilder PointShopifyAtEmulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(EmulatedChannels.At(Abstractions.ChannelKind.Shopify, ShopifySandboxServiceCollectionExtensions.MountPath));
        builder.Services.AddOptions<ShopifyOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<ShopifySandboxOptions>>((shopify, sandbox, app) =>
        {
            shopify.ShopBaseUrl = sandbox.Value.BaseUrl + ShopifySandboxServiceCollectionExtensions.MountPath + "/shops/{shop}";
            shopify.ClientId ??= app.Value.ClientId;
            shopify.ClientSecret ??= app.Value.ClientSecret;
            shopify.RedirectUri ??= ShopifySandboxAuth.RedirectUri(app.Value, sandbox.Value);
        });
        return builder;
    }
}
