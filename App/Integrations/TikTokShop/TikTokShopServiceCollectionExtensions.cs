using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.TikTokShop;

public static class TikTokShopServiceCollectionExtensions
{
    /// <summary>
    /// TikTok Shop: options, the signing handler, the typed client, and the connector, authorization and webhook
    /// verifier, registered with its descriptor under <see cref="ChannelKind.TikTokShop"/> (ChannelRegistry finds them). Needs an
    /// <see cref="IAccessTokenSource"/> (Integrations/Common's token service in the app) to send signed calls.
    /// </summary>
    /// <param name="pipeline">
    /// The place for the shared HTTP pipeline (rate limiter, resilience, call log):
    /// <c>builder.AddTikTokShop(http => http.AddChannelPipeline(ChannelKind.TikTokShop, limits))</c>. It runs before the
    /// signing handler is added, so it sits outside it and every retry is signed again with a fresh timestamp and token.
    /// </param>
    public static IHostApplicationBuilder AddTikTokShop(this IHostApplicationBuilder builder, Action<IHttpClientBuilder>? pipeline = null)
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
        // ValidateOnBuild must not refuse to start a host that registers TikTok before (or without) it.
        services.TryAddTransient(sp => new TikTokShopSigningMessageHandler(
            sp.GetRequiredService<IAccessTokenSource>(),
            sp.GetRequiredService<IOptionsMonitor<TikTokShopOptions>>(),
            sp.GetRequiredService<TimeProvider>()));

        var api = services.AddHttpClient<TikTokShopClient>(TikTokShopClient.HttpClientName);
        pipeline?.Invoke(api);
        api.AddHttpMessageHandler<TikTokShopSigningMessageHandler>();

        // The token host: unsigned, app_secret in the query (TikTok's protocol); its calls carry no account.
        services.AddHttpClient(TikTokShopAuthorization.TokenClientName);

        // The merchant's own image host, read to upload each picture once (TikTok takes no outside URL).
        ChannelImageSource.AddTo(services);
        // A factory registration for the same reason as the signing handler: the media cache comes from Integrations/Common.
        services.TryAddTransient(sp => new TikTokShopImages(
            sp.GetRequiredService<TikTokShopClient>(), sp.GetRequiredService<IChannelMediaCache>(), sp.GetRequiredService<ChannelImageSource>()));
        services.TryAddSingleton<TikTokShopWebhookVerifier>();
        services.AddChannel(TikTokShopDescriptor.Descriptor)
            .Connector<TikTokShopConnector>()
            .Authorization<TikTokShopAuthorization>()
            .WebhookVerifier<TikTokShopWebhookVerifier>()
            .AccountSettings<TikTokShopAccountSettings>();
        // In Development and tests with the sandbox on, the client talks to its emulator (Sandbox/<Channel>).
        if (Sandbox.Common.SandboxServiceCollectionExtensions.IsEnabled(builder))
        {
            builder.PointTikTokShopAtEmulator();
        }

        return builder;
    }
}
