using Microsoft.Extensions.Options;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// Mounts <see cref="ISandboxControl"/> once for every registered emulator, under <c>/sandbox/{path}/_control/</c>. An
/// order id or SKU in the path is read unescaped: routing leaves an escaped slash escaped, and Shopify's ids are GIDs
/// (<c>gid://shopify/Order/1</c>).
/// </summary>
public static class SandboxControlEndpoints
{
    public static void MapSandboxControls(this RouteGroupBuilder sandbox, IServiceProvider services)
    {
        foreach (var control in services.GetServices<ISandboxControl>())
        {
            var group = sandbox.MapGroup($"/{control.Path}/_control");
            group.MapGet("/", () => Results.Json(control.About));
            group.MapGet("/publish-setup", () => Results.Json(control.PublishSetup));
            group.MapPost("/buyer-orders", async (SandboxOrderRequest request, HttpContext http, IOptions<SandboxOptions> options) =>
            {
                if (request.Count is < 1 or > SandboxOrderRequest.MaxPerCall || request.Skus is not { Count: > 0 })
                {
                    return Results.BadRequest(new { error = $"count (1..{SandboxOrderRequest.MaxPerCall}) and at least one sku are required." });
                }

                return Results.Json(await control.PlaceOrdersAsync(request, SandboxCaller.Of(http, options.Value), http.RequestAborted));
            });
            group.MapGet("/buyer-orders", async (string? seller, CancellationToken ct) =>
                Results.Json(new SandboxOrders(await control.OrdersAsync(seller, ct))));
            group.MapPost("/buyer-orders/{orderId}/state", async (string orderId, SandboxOrderStateRequest request, HttpContext http, IOptions<SandboxOptions> options) =>
                await control.SetOrderStateAsync(orderId = Uri.UnescapeDataString(orderId), request, SandboxCaller.Of(http, options.Value), http.RequestAborted) is { } moved
                    ? Results.Json(moved)
                    : Results.NotFound(new { error = $"No order {orderId} in the {control.Path} emulator." }));
            group.MapGet("/listings", async (string? seller, CancellationToken ct) =>
                Results.Json(new SandboxListedSkus(await control.ListingsAsync(seller, ct))));
            group.MapGet("/listed-quantities/{sku}", async (string sku, CancellationToken ct) =>
                await control.GetListedQuantityAsync(sku = Uri.UnescapeDataString(sku), ct) is { } quantity
                    ? Results.Json(new SandboxListedQuantity(sku, quantity))
                    : Results.NotFound(new { error = $"{sku} is not listed in the {control.Path} emulator." }));
            group.MapPut("/listed-quantities/{sku}", async (string sku, SandboxQuantityRequest request, CancellationToken ct) =>
            {
                if (request.Quantity < 0)
                {
                    return Results.BadRequest(new { error = "quantity cannot be negative." });
                }

                sku = Uri.UnescapeDataString(sku);
                return await control.SetListedQuantityAsync(sku, request.Quantity, ct)
                    ? Results.NoContent()
                    : Results.NotFound(new { error = $"{sku} is not listed in the {control.Path} emulator." });
            });
        }
    }
}
