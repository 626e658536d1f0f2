using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

public static class AmazonServiceCollectionExtensions
{
    /// <summary>
    /// Amazon SP-API: options, the token handler, the typed client and the connector contract. Needs an
    /// <see cref="IAccessTokenSource"/> (Integrations/Common's token service in the app).
    /// </summary>
    public static IHostApplicationBuilder AddAmazon(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AmazonOptions>()
            .BindConfiguration(AmazonOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Regions.ContainsKey(o.DefaultRegion), "Channels:Amazon:DefaultRegion must name a configured region.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddTransient<AmazonAccessTokenHandler>();

        builder.Services.AddHttpClient<AmazonClient>()
            // Lead: the shared pipeline goes here, outside the token handler, so every retry fetches the token again:
            // .AddChannelPipeline(ChannelKind.Amazon, ...)
            .AddHttpMessageHandler<AmazonAccessTokenHandler>();

        // Login with Amazon and the pre-signed feed document URLs: no SP-API token on these.
        builder.Services.AddHttpClient(AmazonAuthorization.LwaClientName);
        builder.Services.AddHttpClient(AmazonClient.DocumentsClientName);

        builder.Services.AddTransient<AmazonAuthorization>();
        builder.Services.AddTransient<AmazonConnector>();
        builder.Services.AddTransient<IChannelAuthorization>(sp => sp.GetRequiredService<AmazonAuthorization>());
        builder.Services.AddTransient<IChannelConnector>(sp => sp.GetRequiredService<AmazonConnector>());
        builder.Services.AddKeyedTransient<IChannelAuthorization>(ChannelKind.Amazon, (sp, _) => sp.GetRequiredService<AmazonAuthorization>());
        builder.Services.AddKeyedTransient<IChannelConnector>(ChannelKind.Amazon, (sp, _) => sp.GetRequiredService<AmazonConnector>());
        return builder;
    }
}
