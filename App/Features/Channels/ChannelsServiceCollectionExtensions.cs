using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The merchant's channel accounts: their credentials at rest, the token lifecycle every marketplace's handlers
    /// ask (<see cref="IAccessTokenSource"/>), uploaded media, the OAuth state and connect flow, and the Channels page's
    /// services. Each marketplace adds itself in its own <c>Add&lt;Channel&gt;()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChannels(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<ChannelRegistry>();
        services.AddSingleton<ChannelCredentialStore>();
        services.AddSingleton<IChannelMediaCache, ChannelMediaCache>();
        services.AddSingleton<ChannelTokenService>();
        services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<ChannelTokenService>());
        services.AddSingleton<OAuthStateService>();
        services.AddSingleton<ChannelConnectFlow>();
        services.AddSingleton<PendingConnections>();
        services.AddSingleton<ChannelAccountsService>();
        services.AddSingleton<ChannelAccountSettingsService>();
        return builder;
    }
}
