using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Etsy;

public static class EtsyServiceCollectionExtensions
{
    /// <summary>
    /// Etsy Open API v3: options, the typed client with the seller's bearer token, the connector and the
    /// authorization. Needs an <see cref="IAccessTokenSource"/> (Features/Channels' token service in the app).
    /// </summary>
    /// <param name="pipeline">The shared HTTP pipeline, outside the token handler: <c>http => http.AddChannelPipeline(ChannelKind.Etsy, EtsyRateLimits.Client)</c>.</param>
    public static IHostApplicationBuilder AddEtsy(this IHostApplicationBuilder builder, Action<IHttpClientBuilder>? pipeline = null)
    {
        builder.Services.AddOptions<EtsyOptions>()
            .BindConfiguration(EtsyOptions.SectionName)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && o.ConnectUrl.IsAbsoluteUri, "Etsy's API and consent URLs must be absolute.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var http = builder.Services.AddHttpClient<EtsyClient>();
        pipeline?.Invoke(http);
        http.AddHttpMessageHandler(services => new EtsyQuotaHeaders(services.GetRequiredService<ChannelRateLimiters>()));
        http.AddChannelBearerToken(new AccessTokenPlacement
        {
            UntaggedRequestError = "Etsy requests must be tagged with ChannelRequestOptions.For(account, operation).",
        });
        builder.Services.AddHttpClient(EtsyAuthorization.OAuthClientName);
        builder.Services.AddTransient<EtsyAuthorization>();
        ChannelImageSource.AddTo(builder.Services);
        builder.Services.AddTransient<EtsyConnector>();
        builder.Services.AddTransient<EtsyAccountSettings>();
        builder.Services.AddChannel(EtsyDescriptor.Descriptor)
            .Connector<EtsyConnector>()
            .Authorization<EtsyAuthorization>()
            .AccountSettings<EtsyAccountSettings>();
        // In Development and tests with the sandbox on, the client talks to its emulator (Sandbox/Etsy).
        if (Sandbox.Common.SandboxServiceCollectionExtensions.IsEnabled(builder))
        {
            builder.PointEtsyAtEmulator();
        }

        return builder;
    }
}
