using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Etsy;

public static class EtsySandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/etsy";

    /// <summary>
    /// The Etsy Open API v3 emulator's services and its side of the common control contract. A client is pointed at it
    /// from the client's own folder, so nothing here names a client type.
    /// </summary>
    public static IHostApplicationBuilder AddEtsySandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EtsySandboxOptions>().BindConfiguration(EtsySandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EtsySandboxRateLimiter>();
        builder.Services.AddSandboxControl<EtsySandboxControls>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEtsySandbox(this IEndpointRouteBuilder sandbox)
    {
        var etsy = sandbox.MapGroup("/etsy");
        EtsySandboxAuth.Map(etsy);
        EtsySandboxListings.Map(etsy);
        EtsySandboxReceipts.Map(etsy);
        EtsySandboxShopPolicies.Map(etsy);
        EtsySandboxImages.Map(etsy);
        // A method a resource does not take: 405 in Etsy's ErrorSchema, not ASP.NET's empty answer.
        etsy.MapMethodNotAllowed(
        [
            ("/v3/application/users/me", ["GET"]),
            ("/v3/application/shops/{shop_id}/listings", ["GET", "POST"]),
            ("/v3/application/shops/{shop_id}/listings/{listing_id}", ["PATCH"]),
            ("/v3/application/listings/{listing_id}", ["DELETE"]),
            ("/v3/application/listings/{listing_id}/inventory", ["GET", "PUT"]),
            ("/v3/application/shops/{shop_id}/receipts", ["GET"]),
            ("/v3/application/shops/{shop_id}/receipts/{receipt_id}", ["GET", "PUT"]),
            ("/v3/application/shops/{shop_id}/receipts/{receipt_id}/tracking", ["POST"]),
        ], (http, _) =>
            EtsySandboxGate.Error(405, $"Method {http.Request.Method} is not allowed for this resource."));

        etsy.MapGroup("/_control").MapFaultControl(EtsySandboxCollections.Channel, services => services.GetRequiredService<EtsySandboxRateLimiter>().Reset());
        return sandbox;
    }
}
