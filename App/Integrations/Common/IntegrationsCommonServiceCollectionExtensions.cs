using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SellerPortal.Integrations.Common;

public static class IntegrationsCommonServiceCollectionExtensions
{
    /// <summary>
    /// What every channel's wire shares: the per-account rate limiters (and their snapshots for the Sync page) and the
    /// registry marketplaces are found by. Tokens come from an <see cref="Abstractions.IAccessTokenSource"/> and the call
    /// log from an <see cref="Abstractions.IApiCallRecorder"/>, both registered by features.
    /// </summary>
    public static IHostApplicationBuilder AddIntegrationsCommon(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddTransient<Abstractions.ChannelRegistry>();
        services.TryAddSingleton<ChannelRateLimiters>();
        services.TryAddSingleton<Abstractions.IRateLimitSnapshots, ChannelRateLimitSnapshots>();
        return builder;
    }
}
