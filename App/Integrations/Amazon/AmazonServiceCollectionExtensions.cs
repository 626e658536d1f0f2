using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Amazon;

public static class AmazonServiceCollectionExtensions
{
    /// <summary>
    /// Amazon SP-API: options, the token handler, the typed client and the connector contract. Needs an
    /// <see cref="IAccessTokenSource"/> (Integrations/Common's token service in the app).
    /// </summary>
    /// <param name="pipeline">
    /// The place for the shared HTTP pipeline (rate limiter, resilience, call log):
    /// <c>builder.AddAmazon(http => http.AddChannelPipeline(ChannelKind.Amazon, limits))</c>. It runs before the token
    /// handler is added, so it sits outside it and every retry fetches the token again.
    /// </param>
    public static IHostApplicationBuilder AddAmazon(this IHostApplicationBuilder builder, Action<IHttpClientBuilder>? pipeline = null)
    {
        builder.Services.AddOptions<AmazonOptions>()
            .BindConfiguration(AmazonOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Regions.ContainsKey(o.DefaultRegion), "Channels:Amazon:DefaultRegion must name a configured region.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var http = builder.Services.AddHttpClient<AmazonClient>();
        pipeline?.Invoke(http);
        http.AddChannelBearerToken(sp => AmazonAccessToken.Placement(sp.GetRequiredService<TimeProvider>()));

        // Login with Amazon and the pre-signed feed document URLs: no SP-API token on these.
        builder.Services.AddHttpClient(AmazonAuthorization.LwaClientName);
        builder.Services.AddHttpClient(AmazonClient.DocumentsClientName);

        builder.Services.AddTransient<AmazonAuthorization>();
        builder.Services.AddTransient<AmazonConnector>();
        // AmazonAuthorization is also the refresh-token connect (ChannelRegistry.RefreshTokenConnect).
        builder.Services.AddChannel(AmazonDescriptor.Descriptor)
            .Connector<AmazonConnector>()
            .Authorization<AmazonAuthorization>();
        // In Development and tests with the sandbox on, the client talks to its emulator (Sandbox/<Channel>).
        if (Sandbox.Common.SandboxServiceCollectionExtensions.IsEnabled(builder))
        {
            builder.PointAmazonAtEmulator();
        }

        return builder;
    }
}
