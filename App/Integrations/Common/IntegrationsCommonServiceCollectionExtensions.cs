using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Features.Channels;

namespace SellerPortal.Integrations.Common;

public static class IntegrationsCommonServiceCollectionExtensions
{
    /// <summary>
    /// What every channel shares: encrypted credentials, the token lifecycle (<see cref="Abstractions.IAccessTokenSource"/>),
    /// per-account rate limiters, the OAuth state and connect flow, webhook intake and its action sink, and the
    /// Channels page's service. Each channel adds itself in its own <c>Add&lt;Channel&gt;()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrationsCommon(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ChannelCredentialStore>();
        services.AddSingleton<Abstractions.IChannelMediaCache, ChannelMediaCache>();
        services.AddSingleton<ChannelTokenService>();
        services.AddSingleton<Abstractions.IAccessTokenSource>(sp => sp.GetRequiredService<ChannelTokenService>());
        services.TryAddSingleton<ChannelRateLimiters>();
        services.TryAddSingleton<ApiCallLogWriter>();
        services.TryAddSingleton<Abstractions.IRateLimitSnapshots>(sp => sp.GetRequiredService<ChannelRateLimiters>());
        services.AddSingleton<OAuthStateService>();
        services.AddSingleton<ChannelConnectFlow>();
        services.AddSingleton<PendingConnections>();
        services.AddSingleton<IWebhookActionSink, SyncQueueWebhookActionSink>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<SellerPortal.Features.Admin.Logs.IWebhookReplayer, WebhookReplayer>();
        services.AddSingleton<ChannelAccountsService>();
        services.AddSingleton<ChannelAccountSettingsService>();
        return builder;
    }
}
