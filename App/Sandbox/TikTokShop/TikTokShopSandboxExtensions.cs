using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

public static class TikTokShopSandboxExtensions
{
    /// <summary>
    /// The TikTok Shop emulator's services, with its side of the common control contract. Called from AddSandbox only
    /// when the sandbox is enabled (the client is pointed at it by TikTokShopEmulatorTarget).
    /// </summary>
    public static IHostApplicationBuilder AddTikTokShopSandbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TikTokShopSandboxOptions>().BindConfiguration(TikTokShopSandboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TikTokShopSandboxStore>();
        services.AddSingleton<TikTokShopSandboxRateLimiter>();
        services.AddSingleton<TikTokShopSandboxGate>();
        services.AddSingleton<TikTokShopSandboxAuth>();
        services.AddSingleton<TikTokShopSandboxProducts>();
        services.AddSingleton<TikTokShopSandboxImages>();
        services.AddSingleton<TikTokShopSandboxOrders>();
        services.AddSingleton<TikTokShopSandboxControl>();
        // TikTok expects an answer within 3 seconds.
        services.AddHttpClient(TikTokShopSandboxControl.WebhookClientName, c => c.Timeout = TimeSpan.FromSeconds(3));

        services.AddSandboxControl<TikTokShopSandboxControls>();
        return builder;
    }

    /// <summary>Mounts the emulator at /tiktok under the sandbox group (so /sandbox/tiktok), with TikTok's paths below it.</summary>
    public static IEndpointRouteBuilder MapTikTokShopSandbox(this IEndpointRouteBuilder endpoints)
    {
        var prefix = endpoints is RouteGroupBuilder ? "/tiktok" : TikTokShopSandboxGate.MountPath;
        var tiktok = endpoints.MapGroup(prefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        tiktok.MapGet("/oauth/authorize", (HttpContext h, TikTokShopSandboxAuth a) => a.ConsentPage(h));
        tiktok.MapPost("/oauth/authorize", (HttpContext h, TikTokShopSandboxAuth a) => a.DecideAsync(h));
        tiktok.MapGet("/api/v2/token/get", (HttpContext h, TikTokShopSandboxAuth a) => a.GetTokenAsync(h));
        tiktok.MapGet("/api/v2/token/refresh", (HttpContext h, TikTokShopSandboxAuth a) => a.RefreshTokenAsync(h));
        tiktok.MapGet("/authorization/202309/shops", (HttpContext h, TikTokShopSandboxAuth a) => a.AuthorizedShopsAsync(h));

        tiktok.MapPost("/product/202309/products/search", (HttpContext h, TikTokShopSandboxProducts p) => p.SearchAsync(h));
        tiktok.MapPost("/product/202502/products/search", (HttpContext h, TikTokShopSandboxProducts p) => p.SearchAsync(h));
        tiktok.MapPost("/product/202309/images/upload", (HttpContext h, TikTokShopSandboxImages i) => i.UploadAsync(h));
        tiktok.MapPost("/product/202309/products", (HttpContext h, TikTokShopSandboxProducts p) => p.CreateAsync(h));
        tiktok.MapPost("/product/202309/products/activate", (HttpContext h, TikTokShopSandboxProducts p) => p.ActivateAsync(h));
        tiktok.MapPost("/product/202309/products/deactivate", (HttpContext h, TikTokShopSandboxProducts p) => p.DeactivateAsync(h));
        tiktok.MapGet("/product/202309/products/{product_id}", (HttpContext h, string product_id, TikTokShopSandboxProducts p) => p.GetAsync(h, product_id));
        tiktok.MapPut("/product/202309/products/{product_id}", (HttpContext h, string product_id, TikTokShopSandboxProducts p) => p.EditAsync(h, product_id));
        tiktok.MapPost("/product/202309/products/{product_id}/inventory/update",
            (HttpContext h, string product_id, TikTokShopSandboxProducts p) => p.UpdateInventoryAsync(h, product_id));
        tiktok.MapPost("/product/202309/products/{product_id}/prices/update",
            (HttpContext h, string product_id, TikTokShopSandboxProducts p) => p.UpdatePricesAsync(h, product_id));
        tiktok.MapGet("/logistics/202309/warehouses", (HttpContext h, TikTokShopSandboxProducts p) => p.WarehousesAsync(h));

        tiktok.MapPost("/order/202309/orders/search", (HttpContext h, TikTokShopSandboxOrders o) => o.SearchAsync(h));
        tiktok.MapGet("/order/202309/orders", (HttpContext h, TikTokShopSandboxOrders o) => o.DetailAsync(h));
        tiktok.MapGet("/order/202507/orders", (HttpContext h, TikTokShopSandboxOrders o) => o.DetailAsync(h));
        tiktok.MapPost("/fulfillment/202309/orders/{order_id}/packages", (HttpContext h, string order_id, TikTokShopSandboxOrders o) => o.MarkShippedAsync(h, order_id));
        tiktok.MapPost("/fulfillment/202309/packages/{package_id}/ship", (HttpContext h, string package_id, TikTokShopSandboxOrders o) => o.ShipPackageAsync(h, package_id));
        tiktok.MapPost("/fulfillment/202309/orders/{order_id}/shipping_info/update",
            (HttpContext h, string order_id, TikTokShopSandboxOrders o) => o.UpdateShippingInfoAsync(h, order_id));
        tiktok.MapGet("/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers",
            (HttpContext h, string delivery_option_id, TikTokShopSandboxOrders o) => o.ShippingProvidersAsync(h, delivery_option_id));

        tiktok.MapGroup("/_control").MapFaultControl(TikTokShopSandboxStore.Channel);
        tiktok.MapPost("/_control/orders", (HttpContext h, TikTokShopSandboxControl c) => c.GenerateOrdersAsync(h));
        tiktok.MapPost("/_control/revoke", (HttpContext h, TikTokShopSandboxControl c) => c.RevokeAsync(h));
        tiktok.MapPost("/_control/orders/{order_id}/status", (HttpContext h, string order_id, TikTokShopSandboxControl c) => c.ChangeOrderStatusAsync(h, order_id));
        tiktok.MapGet("/_control/orders/{order_id}", (HttpContext h, string order_id, TikTokShopSandboxControl c) => c.GetOrderAsync(h, order_id));
        tiktok.MapGet("/_control/products/{product_id}", (HttpContext h, string product_id, TikTokShopSandboxControl c) => c.GetProductAsync(h, product_id));
        tiktok.MapPost("/_control/products/{product_id}/inventory",
            (HttpContext h, string product_id, TikTokShopSandboxControl c) => c.SetWarehouseStockAsync(h, product_id));
        return endpoints;
    }

    /// <summary>The portal's own base URL as seen by this request (for redirects and webhooks).</summary>
    public static string PortalBase(HttpContext http, SandboxOptions sandbox) => SandboxCaller.Of(http, sandbox).PortalBaseUrl;

    /// <summary>The portal's base URL outside a request: the one shared setting (Sandbox:PortalBaseUrl, else the dev URL).</summary>
    public static string PortalBase(IServiceProvider services) =>
        (services.GetService<IOptions<SandboxOptions>>()?.Value ?? new SandboxOptions()).BaseUrl;
}
