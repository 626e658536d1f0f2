using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// The one control contract every emulator answers, so benchmarks, the soak and tests drive any marketplace the same
/// way. Each emulator implements it over its own store and registers it with <see cref="SandboxControlContract.AddSandboxControl{T}"/>;
/// the endpoints are mounted once for all of them under <c>/sandbox/{path}/_control/</c>:
/// <list type="bullet">
/// <item><c>POST buyer-orders</c> <c>{"count":3,"skus":["A"],"webhooks":false}</c> → <c>{"orderIds":[…]}</c></item>
/// <item><c>POST buyer-orders/{orderId}/state</c> <c>{"state":"shipped"|"cancelled"}</c> → 204, 404 for an unknown order</item>
/// <item><c>GET listed-quantities/{sku}</c> → <c>{"sku":"A","quantity":4}</c>, 404 when the SKU is not listed</item>
/// <item><c>PUT listed-quantities/{sku}</c> <c>{"quantity":4}</c> → 204, 404 when the SKU is not listed</item>
/// <item><c>faults</c> (GET, POST, DELETE): see <see cref="SandboxFaultEndpoints"/></item>
/// </list>
/// The contract is the emulators' own, not a marketplace's: it is camelCase for every channel.
/// </summary>
public interface ISandboxControl
{
    /// <summary>The emulator's path segment under /sandbox ("tiktok", "amazon", "ebay").</summary>
    string Path { get; }

    /// <summary>Places buyer orders of the SKUs (round robin), taking the units off the listed quantity as the marketplace does.</summary>
    Task<IReadOnlyList<string>> PlaceOrdersAsync(SandboxOrderRequest request, CancellationToken ct);

    /// <summary>Moves an order as the buyer or the marketplace would; false when the order is unknown.</summary>
    Task<bool> SetOrderStateAsync(string orderId, SandboxOrderState state, CancellationToken ct);

    /// <summary>The quantity the marketplace shows buyers for the SKU, or null when it is not listed.</summary>
    Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct);

    /// <summary>Sets the quantity buyers see (as if changed in the marketplace's own seller pages); false when not listed.</summary>
    Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct);
}

public sealed record SandboxOrderRequest(int Count, IReadOnlyList<string> Skus, bool Webhooks = false)
{
    /// <summary>The generators take at most this many orders per call.</summary>
    public const int MaxPerCall = 10_000;
}

[JsonConverter(typeof(JsonStringEnumConverter<SandboxOrderState>))]
public enum SandboxOrderState
{
    Shipped,
    Cancelled,
}

public sealed record SandboxOrderStateRequest(SandboxOrderState State);

public sealed record SandboxListedQuantity(string Sku, int Quantity);

public sealed record SandboxQuantityRequest(int Quantity);

public sealed record SandboxPlacedOrders(IReadOnlyList<string> OrderIds);

public static class SandboxControlContract
{
    /// <summary>Registers an emulator's side of the control contract.</summary>
    public static IServiceCollection AddSandboxControl<T>(this IServiceCollection services)
        where T : class, ISandboxControl
    {
        services.AddSingleton<T>();
        services.AddSingleton<ISandboxControl>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Mounts the contract for every registered emulator.</summary>
    public static void MapSandboxControls(this RouteGroupBuilder sandbox, IServiceProvider services)
    {
        foreach (var control in services.GetServices<ISandboxControl>())
        {
            var group = sandbox.MapGroup($"/{control.Path}/_control");
            group.MapPost("/buyer-orders", async (SandboxOrderRequest request, CancellationToken ct) =>
            {
                if (request.Count is < 1 or > SandboxOrderRequest.MaxPerCall || request.Skus is not { Count: > 0 })
                {
                    return Results.BadRequest(new { error = $"count (1..{SandboxOrderRequest.MaxPerCall}) and at least one sku are required." });
                }

                return Results.Json(new SandboxPlacedOrders(await control.PlaceOrdersAsync(request, ct)));
            });
            group.MapPost("/buyer-orders/{orderId}/state", async (string orderId, SandboxOrderStateRequest request, CancellationToken ct) =>
                await control.SetOrderStateAsync(orderId, request.State, ct)
                    ? Results.NoContent()
                    : Results.NotFound(new { error = $"No order {orderId} in the {control.Path} emulator." }));
            group.MapGet("/listed-quantities/{sku}", async (string sku, CancellationToken ct) =>
                await control.GetListedQuantityAsync(sku, ct) is { } quantity
                    ? Results.Json(new SandboxListedQuantity(sku, quantity))
                    : Results.NotFound(new { error = $"{sku} is not listed in the {control.Path} emulator." }));
            group.MapPut("/listed-quantities/{sku}", async (string sku, SandboxQuantityRequest request, CancellationToken ct) =>
            {
                if (request.Quantity < 0)
                {
                    return Results.BadRequest(new { error = "quantity cannot be negative." });
                }

                return await control.SetListedQuantityAsync(sku, request.Quantity, ct)
                    ? Results.NoContent()
                    : Results.NotFound(new { error = $"{sku} is not listed in the {control.Path} emulator." });
            });
        }
    }
}
