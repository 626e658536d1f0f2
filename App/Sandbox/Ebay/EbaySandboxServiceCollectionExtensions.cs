using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Ebay;

public static class EbaySandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/ebay";

    /// <summary>
    /// The eBay emulator's services and its side of the common control contract. The client is pointed at it from
    /// the client's side (Integrations' <c>PointEbayAtEmulator</c>), so nothing here names a client type.
    /// </summary>
    public static IHostApplicationBuilder AddEbaySandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EbaySandboxOptions>().BindConfiguration(EbaySandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EbaySandboxDailyBudget>();
        builder.Services.AddSandboxControl<EbaySandboxControls>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEbaySandbox(this IEndpointRouteBuilder sandbox)
    {
        var ebay = sandbox.MapGroup("/ebay");
        EbaySandboxAuth.Map(ebay);
        EbaySandboxInventory.Map(ebay);
        EbaySandboxFulfillment.Map(ebay);
        EbaySandboxAccount.Map(ebay);
        EbaySandboxControl.Map(ebay);
        return sandbox;
    }
}
