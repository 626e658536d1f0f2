using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Ebay;

public static class EbaySandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/ebay";

    /// <summary>
    /// The eBay emulator's services and its side of the common control contract. The client is pointed at it from
    /// the client's own folder (<c>PointEbayAtEmulator</c>), so nothing here names a client type.
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
        // A method a resource does not take: 405 in eBay's envelope, not ASP.NET's empty answer.
        ebay.MapMethodNotAllowed(
        [
            ("/sell/inventory/v1/inventory_item/{sku}", ["GET", "PUT", "DELETE"]),
            ("/sell/inventory/v1/offer", ["GET", "POST"]),
            ("/sell/inventory/v1/offer/{offerId}/publish", ["POST"]),
            ("/sell/inventory/v1/offer/{offerId}/withdraw", ["POST"]),
            ("/sell/inventory/v1/bulk_update_price_quantity", ["POST"]),
            ("/sell/fulfillment/v1/order", ["GET"]),
            ("/sell/fulfillment/v1/order/{orderId}", ["GET"]),
            ("/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment", ["POST"]),
        ], (http, _) =>
            EbaySandboxGate.Error(405, 2003, "ACCESS", "REQUEST", $"Method {http.Request.Method} is not allowed for this resource.", null,
                new EbayWireErrorParameter("method", http.Request.Method)));

        EbaySandboxControl.Map(ebay);
        return sandbox;
    }
}
