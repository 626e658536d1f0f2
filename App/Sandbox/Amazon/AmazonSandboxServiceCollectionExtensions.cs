using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Amazon;

public static class AmazonSandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/amazon";

    /// <summary>
    /// The SP-API emulator's services. The client is pointed at it from the client's own folder
    /// (<c>PointAmazonAtEmulator</c>), so nothing here names a client type.
    /// </summary>
    public static IHostApplicationBuilder AddAmazonSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AmazonSandboxOptions>().BindConfiguration(AmazonSandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AmazonSandboxRateLimiter>();
        builder.Services.AddSingleton<AmazonSandboxReports>();
        builder.Services.AddSandboxControl<AmazonSandboxControls>();
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
        // A method a resource does not take: 405 in Amazon's error envelope, not ASP.NET's empty answer.
        amazon.MapMethodNotAllowed(
        [
            ("/orders/v0/orders", ["GET"]),
            ("/orders/v0/orders/{orderId}", ["GET"]),
            ("/orders/v0/orders/{orderId}/orderItems", ["GET"]),
            ("/orders/v0/orders/{orderId}/shipmentConfirmation", ["POST"]),
            ("/orders/2026-01-01/orders", ["GET"]),
            ("/orders/2026-01-01/orders/{orderId}", ["GET"]),
            ("/listings/2021-08-01/items/{sellerId}/{sku}", ["GET", "PUT", "PATCH", "DELETE"]),
            ("/listings/2021-08-01/items/{sellerId}", ["GET"]),
            ("/catalog/2022-04-01/items", ["GET"]),
            ("/fba/inventory/v1/summaries", ["GET"]),
            ("/feeds/2021-06-30/documents", ["POST"]),
            ("/feeds/2021-06-30/documents/{feedDocumentId}", ["GET"]),
            ("/feeds/2021-06-30/feeds", ["POST"]),
            ("/feeds/2021-06-30/feeds/{feedId}", ["GET"]),
        ], (http, allowed) =>
            AmazonSandboxGate.Error(405, "MethodNotAllowed", $"Method {http.Request.Method} is not allowed for this resource.",
                $"Allowed: {string.Join(", ", allowed)}."));

        AmazonSandboxControl.Map(amazon);
        return sandbox;
    }
}
