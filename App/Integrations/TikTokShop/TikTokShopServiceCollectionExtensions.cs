using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.TikTokShop;

public static class TikTokShopServiceCollectionExtensions
{
    /// <summary>
    /// TikTok Shop: options, the signing handler, the typed client, and the connector, authorization and webhook
    /// verifier. Needs an <see cref="IAccessTokenSource"/> (Integrations/Common) to send signed calls.
    /// </summary>
    public static IHostApplicationBuilder AddTikTokShop(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = services.AddOptions<TikTokShopOptions>()
            .BindConfiguration(TikTokShopOptions.SectionName)
            .ValidateDataAnnotations();
        // Validated at start only where the section is configured, so an install without TikTok still starts.
        if (builder.Configuration.GetSection(TikTokShopOptions.SectionName).Exists())
        {
            options.ValidateOnStart();
        }

        services.TryAddSingleton(TimeProvider.System);
        // A factory registration: the token source comes from Integrations/Common, and Development's
        // ValidateOnBuild must not refuse to start before that is registered.
        services.TryAddTransient(sp => new TikTokShopSigningHandler(
            sp.GetRequiredService<IAccessTokenSource>(),
            sp.GetRequiredService<IOptionsMonitor<TikTokShopOptions>>(),
            sp.GetRequiredService<TimeProvider>()));

        var api = services.AddHttpClient<TikTokShopClient>();
        ConfigureChannelPipeline(api);
        api.AddHttpMessageHandler<TikTokShopSigningHandler>();

        var tokenHost = services.AddHttpClient(TikTokShopAuthorization.TokenClientName);
        ConfigureChannelPipeline(tokenHost);

        services.TryAddTransient<TikTokShopConnector>();
        services.TryAddTransient<TikTokShopAuthorization>();
        services.TryAddSingleton<TikTokShopWebhookVerifier>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IChannelConnector, TikTokShopConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IChannelAuthorization, TikTokShopAuthorization>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelWebhookVerifier, TikTokShopWebhookVerifier>(
            sp => sp.GetRequiredService<TikTokShopWebhookVerifier>()));
        return builder;
    }

    /// <summary>
    /// CHANNEL PIPELINE GOES HERE (lead, at merge): <c>http.AddChannelPipeline(ChannelKind.TikTokShop, limits)</c> with
    /// limits from <see cref="TikTokShopOptions.RequestsPerSecond"/>. It must stay before the signing handler is added,
    /// so the resilience handler is outer and every retry is signed again with a fresh timestamp and token.
    /// </summary>
    private static void ConfigureChannelPipeline(IHttpClientBuilder http)
    {
        _ = http;
    }
}
