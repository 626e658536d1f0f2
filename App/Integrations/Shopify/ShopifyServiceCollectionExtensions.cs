using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Shopify;

public static class ShopifyServiceCollectionExtensions
{
    /// <summary>
    /// Shopify Admin API 2026-10: options, the typed GraphQL client with the shop's token in
    /// <c>X-Shopify-Access-Token</c>, the per-shop cost buckets, the connector, the authorization and the webhook verifier.
    /// </summary>
    /// <param name="pipeline">The shared HTTP pipeline, outside the token handler: <c>http => http.AddChannelPipeline(ChannelKind.Shopify, ShopifyRateLimits.Client)</c>.</param>
    public static IHostApplicationBuilder AddShopify(this IHostApplicationBuilder builder, Action<IHttpClientBuilder>? pipeline = null)
    {
        builder.Services.AddOptions<ShopifyOptions>()
            .BindConfiguration(ShopifyOptions.SectionName)
            .Validate(o => o.ShopBaseUrl.Contains("{shop}", StringComparison.Ordinal), "Channels:Shopify:ShopBaseUrl must contain {shop}.")
            .Validate(o => o.InventoryQuantitiesPerCall is > 0 and <= 250, "Channels:Shopify:InventoryQuantitiesPerCall must be 1 to 250.")
            .Validate(o => o.ApiVersion == ShopifyOptions.PinnedApiVersion, "The Shopify client's documents are held to Admin API 2026-10 only.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ShopifyCostBuckets>();
        builder.Services.AddSingleton<IChannelRateBuckets>(sp => sp.GetRequiredService<ShopifyCostBuckets>());

        var http = builder.Services.AddHttpClient<ShopifyClient>();
        pipeline?.Invoke(http);
        http.AddChannelBearerToken(new AccessTokenPlacement("X-Shopify-Access-Token", Scheme: null)
        {
            UntaggedRequestError = "Shopify requests must be tagged with ChannelRequestOptions.For(account, operation).",
        });
        builder.Services.AddHttpClient(ShopifyAuthorization.OAuthClientName);
        builder.Services.AddTransient<ShopifyAuthorization>();
        builder.Services.AddTransient<ShopifyConnector>();
        builder.Services.AddTransient<ShopifyWebhookVerifier>();
        builder.Services.AddChannel(ShopifyDescriptor.Descriptor)
            .Connector<ShopifyConnector>()
            .Authorization<ShopifyAuthorization>()
            .WebhookVerifier<ShopifyWebhookVerifier>();
        // In Development and tests with the sandbox on, the client talks to its emulator (Sandbox/Shopify).
        if (Sandbox.Common.SandboxServiceCollectionExtensions.IsEnabled(builder))
        {
            builder.PointShopifyAtEmulator();
        }

        return builder;
    }
}
