using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Ebay;

public static class EbaySandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/ebay";

    /// <summary>
    /// The eBay emulator's services, and the eBay client pointed at it: both keysets' API and auth hosts become
    /// <c>{Sandbox:PortalBaseUrl}/sandbox/ebay</c>.
    /// </summary>
    public static IHostApplicationBuilder AddEbaySandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EbaySandboxOptions>().BindConfiguration(EbaySandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EbaySandboxDailyBudget>();
        builder.Services.AddOptions<EbayOptions>().PostConfigure<IOptions<SandboxOptions>, IOptions<EbaySandboxOptions>>((ebay, sandbox, app) =>
        {
            var emulator = new Uri(sandbox.Value.BaseUrl + MountPath);
            foreach (var keyset in new[] { ebay.Production, ebay.Sandbox })
            {
                keyset.ApiBaseUrl = emulator;
                keyset.AuthBaseUrl = emulator;
                keyset.IdentityBaseUrl = emulator;
                // The emulator's registered keyset, unless one was configured on purpose.
                keyset.ClientId ??= app.Value.ClientId;
                keyset.ClientSecret ??= app.Value.ClientSecret;
                keyset.RuName ??= app.Value.RuName;
            }
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapEbaySandbox(this IEndpointRouteBuilder sandbox)
    {
        var ebay = sandbox.MapGroup("/ebay");
        EbaySandboxAuth.Map(ebay);
        EbaySandboxInventory.Map(ebay);
        EbaySandboxFulfillment.Map(ebay);
        EbaySandboxControl.Map(ebay);
        return sandbox;
    }
}
