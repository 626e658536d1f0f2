using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Etsy;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Integrations;

public static class IntegrationsServiceCollectionExtensions
{
    /// <summary>
    /// The shared channel framework and every marketplace. Each typed client gets the shared pipeline (rate limit,
    /// retries, breaker, call log) outside its own signing or token handler, so every attempt is signed afresh.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrations(this IHostApplicationBuilder builder)
    {
        builder.AddIntegrationsCommon();
        builder.AddAmazon(http => http.AddChannelPipeline(ChannelKind.Amazon, AmazonRateLimits.Client));
        builder.AddEbay(http => http.AddChannelPipeline(ChannelKind.Ebay, EbayRateLimits.Client));
        builder.AddTikTokShop(http => http.AddChannelPipeline(ChannelKind.TikTokShop, TikTokShopRateLimits.Client));
        builder.AddEtsy(http => http.AddChannelPipeline(ChannelKind.Etsy, EtsyRateLimits.Client));
        builder.AddShopify(http => http.AddChannelPipeline(ChannelKind.Shopify, ShopifyRateLimits.Client));
        return builder;
    }

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEbayDeletionChallenge();
        return endpoints;
    }
}
