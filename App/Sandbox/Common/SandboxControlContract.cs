using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// The one control contract every emulator answers, so benchmarks, the soak and tests drive any marketplace the same
/// way. Each emulator implements it over its own store and registers it with <see cref="SandboxControlContract.AddSandboxControl{T}"/>;
/// the endpoints are mounted once for all of them under <c>/sandbox/{path}/_control/</c> (<see cref="SandboxControlEndpoints"/>):
/// <list type="bullet">
/// <item><c>GET</c> → <see cref="SandboxControlAbout"/>: the store and fault key, the consent-page field that signs in as a named seller</item>
/// <item><c>POST buyer-orders</c> <c>{"seller":null,"count":3,"skus":["A"],"cancelled":false,"webhooks":false}</c> → <see cref="SandboxPlacedOrders"/></item>
/// <item><c>POST buyer-orders/{orderId}/state</c> <c>{"state":"shipped"|"cancelled","webhooks":false}</c> → <see cref="SandboxOrderMoved"/>, 404 for an unknown order</item>
/// <item><c>GET buyer-orders?seller=</c> → <see cref="SandboxOrders"/>: every order and the status word the channel's order API shows</item>
/// <item><c>GET listings?seller=</c> → <see cref="SandboxListedSkus"/>: every SKU the seller lists, the quantity buyers see, whether it is on sale</item>
/// <item><c>GET listed-quantities/{sku}</c> → <see cref="SandboxListedQuantity"/>, 404 when the SKU is not listed</item>
/// <item><c>PUT listed-quantities/{sku}</c> <c>{"quantity":4}</c> → 204, 404 when the SKU is not listed</item>
/// <item><c>GET publish-setup</c> → <see cref="SandboxPublishSetup"/>: what a seller sets once before a publish goes through</item>
/// <item><c>faults</c> (GET, POST, DELETE): see <see cref="SandboxFaultEndpoints"/></item>
/// </list>
/// The contract is the emulators' own, not a marketplace's: it is camelCase for every channel. A seller is the name
/// <see cref="SandboxControlAbout.SellerField"/> signs in as; none means the emulator's own default seller (to place
/// orders) or every seller (to read).
/// </summary>
public interface ISandboxControl
{
    /// <summary>The emulator's path segment under /sandbox ("tiktok", "amazon", "ebay").</summary>
    string Path { get; }

    /// <summary>What the emulator is, for a driver that knows only the contract.</summary>
    SandboxControlAbout About { get; }

    /// <summary>What a seller sets once before a publish on this emulator goes through.</summary>
    SandboxPublishSetup PublishSetup { get; }

    /// <summary>
    /// Places buyer orders of the SKUs (round robin), taking the units off the listed quantity as the marketplace does;
    /// a buyer is refused when it shows too few. Orders made cancelled gave their units back.
    /// </summary>
    Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct);

    /// <summary>Moves an order as the buyer or the marketplace would; null when the order is unknown.</summary>
    Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct);

    /// <summary>Each order of the seller (every seller when null) and the status word the channel's order API shows for it.</summary>
    Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct);

    /// <summary>Each SKU the seller (every seller when null) lists, the quantity buyers see, and whether it is on sale now.</summary>
    Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct);

    /// <summary>The quantity the marketplace shows buyers for the SKU, or null when it is not listed.</summary>
    Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct);

    /// <summary>Sets the quantity buyers see (as if changed in the marketplace's own seller pages); false when not listed.</summary>
    Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct);
}

/// <param name="StoreChannel">The key the emulator's documents and faults are held under in <see cref="SandboxStore"/> and <see cref="SandboxFaults"/>.</param>
/// <param name="SellerField">The consent-page field that signs in as a named seller; null when one consent gives the emulator's one seller.</param>
/// <param name="OrderWebhooks">Whether the marketplace sends a webhook when an order is placed or moves (TikTok Shop); polled channels have none.</param>
/// <param name="RateLimitBurstsAreRetries">
/// Whether a queued burst of 429s costs the client only retries; false where the 429 publishes a rate the client then
/// waits out (Amazon's x-amzn-RateLimit-Limit), so a burst parks the account for as long as that rate says.
/// </param>
/// <param name="ConnectShop">
/// The shop a connection names before consent where the marketplace's hosts are per shop (Shopify's myshopify.com
/// domain): the emulator's default seller. Null where Connect asks for no shop.
/// </param>
public sealed record SandboxControlAbout(string StoreChannel, string? SellerField, bool OrderWebhooks, bool RateLimitBurstsAreRetries, string? ConnectShop = null);

/// <summary>Who called the control: the portal's base URL, which webhooks the emulator sends go to.</summary>
public sealed record SandboxCaller(string PortalBaseUrl)
{
    /// <summary>The portal a request reached: the configured <c>Sandbox:PortalBaseUrl</c>, else the request's own base.</summary>
    public static SandboxCaller Of(HttpContext http, SandboxOptions options) =>
        new(options.PortalBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");
}

public sealed record SandboxOrderRequest(int Count, IReadOnlyList<string> Skus, bool Webhooks = false, string? Seller = null, bool Cancelled = false)
{
    /// <summary>The generators take at most this many orders per call.</summary>
    public const int MaxPerCall = 10_000;
}

/// <summary>
/// The orders placed, how many buyers were refused (the channel showed too few units), and the webhooks the
/// marketplace sends for them (sent when asked and the marketplace has them; always returned for a replay).
/// </summary>
public sealed record SandboxPlacedOrders(IReadOnlyList<string> OrderIds, int Refused = 0, IReadOnlyList<SandboxWebhook>? Webhooks = null);

/// <summary>
/// A webhook as the marketplace signs it: the raw body and the headers that carry its signature, and whether the
/// emulator's own delivery reached the portal with a 2xx (false when not sent or refused).
/// </summary>
public sealed record SandboxWebhook(string Body, IReadOnlyDictionary<string, string> Headers, bool Delivered);

[JsonConverter(typeof(JsonStringEnumConverter<SandboxOrderState>))]
public enum SandboxOrderState
{
    Shipped,
    Cancelled,
}

public sealed record SandboxOrderStateRequest(SandboxOrderState State, bool Webhooks = false);

/// <summary>The order's move: the status word it shows now and the webhook the marketplace sends for it, if it has one.</summary>
public sealed record SandboxOrderMoved(string Status, IReadOnlyList<SandboxWebhook> Webhooks);

public sealed record SandboxOrderStatus(string OrderId, string Status);

public sealed record SandboxOrders(IReadOnlyList<SandboxOrderStatus> Orders);

public sealed record SandboxListedSku(string Sku, int Quantity, bool OnSale);

public sealed record SandboxListedSkus(IReadOnlyList<SandboxListedSku> Listings);

public sealed record SandboxListedQuantity(string Sku, int Quantity);

public sealed record SandboxQuantityRequest(int Quantity);

/// <summary>
/// What a seller sets once before a publish on this emulator goes through: the category id that stands for any
/// product (null where the channel needs none) and the account settings a listing takes when it names none (eBay's
/// business policies and location).
/// </summary>
public sealed record SandboxPublishSetup(string? CategoryId, IReadOnlyDictionary<string, string> AccountProperties);

/// <summary>A marketplace that has nothing for a seller to set before a publish.</summary>
public static class SandboxPublishSetups
{
    public static SandboxPublishSetup None { get; } = new(null, new Dictionary<string, string>());
}

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

    /// <summary>The registered control for an emulator path.</summary>
    public static ISandboxControl Control(this IServiceProvider services, string path) =>
        services.GetServices<ISandboxControl>().SingleOrDefault(c => c.Path == path)
        ?? throw new InvalidOperationException($"No emulator at /sandbox/{path} answers the control contract.");
}
