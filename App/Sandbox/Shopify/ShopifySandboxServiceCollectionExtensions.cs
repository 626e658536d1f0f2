using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

public static class ShopifySandboxServiceCollectionExtensions
{
    public const string MountPath = "/sandbox/shopify";

    /// <summary>The key the emulator's faults are held under.</summary>
    public const string Channel = "shopify";

    /// <summary>
    /// The Shopify Admin GraphQL API emulator's services. A client is pointed at it from the client's own folder, so
    /// nothing here names a client type.
    /// </summary>
    public static IHostApplicationBuilder AddShopifySandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShopifySandboxOptions>().BindConfiguration(ShopifySandboxOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ShopifySandboxShops>();
        builder.Services.AddSingleton<ShopifySandboxWebhooks>();
        builder.Services.AddSandboxControl<ShopifySandboxControls>();
        builder.Services.AddHttpClient(ShopifySandboxWebhooks.ClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>Each shop at <c>/sandbox/shopify/shops/X.myshopify.com</c> followed by Shopify's own paths.</summary>
    public static IEndpointRouteBuilder MapShopifySandbox(this IEndpointRouteBuilder sandbox)
    {
        var shopify = sandbox.MapGroup("/shopify");
        var shop = shopify.MapGroup("/shops/{shop}").AddEndpointFilter(async (context, next) =>
            ShopifySandboxShops.ShopDomain().IsMatch(context.HttpContext.GetRouteValue("shop")?.ToString() ?? "")
                ? await next(context)
                : ShopifySandboxGraphQL.Rest(404, "Not Found"));
        ShopifySandboxAuth.Map(shop);
        ShopifySandboxGraphQL.Map(shop);
        // A method a resource does not take: 405 in Shopify's REST envelope, not ASP.NET's empty answer.
        shop.MapMethodNotAllowed(
        [
            ("/admin/oauth/authorize", ["GET", "POST"]),
            ("/admin/oauth/access_token", ["POST"]),
            ("/admin/api/{version}/graphql.json", ["POST"]),
        ], (http, _) => ShopifySandboxGraphQL.Rest(405, $"Method {http.Request.Method} is not allowed."));
        shopify.MapGroup("/_control").MapFaultControl(Channel, services => services.GetRequiredService<ShopifySandboxShops>().RefillBuckets());
        return sandbox;
    }
}
