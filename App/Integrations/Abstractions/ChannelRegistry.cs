using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// The one way to find a marketplace's parts: its descriptor, connector, authorization, webhook verifier and account
/// settings, by kind. Each marketplace registers them with <see cref="ChannelRegistration.AddChannel"/>; features ask
/// here and never search a list. Parts are resolved once per registry from the provider that resolved it, as an
/// injected list would be.
/// </summary>
public sealed class ChannelRegistry(IServiceProvider services, IEnumerable<ChannelDescriptor> descriptors)
{
    private readonly IReadOnlyDictionary<ChannelKind, ChannelDescriptor> registered = descriptors
        .GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Last());
    private readonly ConcurrentDictionary<(Type Part, ChannelKind Kind), object?> parts = new();

    /// <summary>Every channel kind, in the Channels page's order; kinds nobody registered have only their name.</summary>
    public IReadOnlyList<ChannelDescriptor> InDisplayOrder => [.. ChannelNames.InDisplayOrder.Select(Describe)];

    /// <summary>The kinds a marketplace registered, in display order.</summary>
    public IReadOnlyList<ChannelDescriptor> Registered => [.. InDisplayOrder.Where(d => registered.ContainsKey(d.Kind))];

    public ChannelDescriptor Describe(ChannelKind kind) =>
        registered.TryGetValue(kind, out var descriptor) ? descriptor : ChannelDescriptor.Unregistered(kind);

    public IChannelConnector? Connector(ChannelKind kind) => Part<IChannelConnector>(kind);

    public IChannelAuthorization? Authorization(ChannelKind kind) => Part<IChannelAuthorization>(kind);

    public IChannelWebhookVerifier? WebhookVerifier(ChannelKind kind) => Part<IChannelWebhookVerifier>(kind);

    public IChannelAccountSettings? AccountSettings(ChannelKind kind) => Part<IChannelAccountSettings>(kind);

    /// <summary>Connect by pasting a refresh token (Amazon self-authorization), where the authorization offers it.</summary>
    public IRefreshTokenConnect? RefreshTokenConnect(ChannelKind kind) => Authorization(kind) as IRefreshTokenConnect;

    /// <summary>The channel's connector and its capabilities, or none where no connector is registered.</summary>
    public ChannelCapabilities Capabilities(ChannelKind kind) => Connector(kind)?.Capabilities ?? ChannelCapabilities.None;

    /// <summary>Every registered connector, in display order.</summary>
    public IReadOnlyList<IChannelConnector> Connectors => [.. InDisplayOrder.Select(d => Connector(d.Kind)).OfType<IChannelConnector>()];

    private T? Part<T>(ChannelKind kind) where T : class =>
        (T?)parts.GetOrAdd((typeof(T), kind), key => services.GetKeyedService<T>(key.Kind));
}

/// <summary>How a marketplace registers itself: one descriptor, then each part it has, keyed by its kind.</summary>
public static class ChannelRegistration
{
    public static ChannelParts AddChannel(this IServiceCollection services, ChannelDescriptor descriptor)
    {
        services.AddSingleton(descriptor);
        services.TryAddTransient<ChannelRegistry>();
        return new ChannelParts(services, descriptor.Kind);
    }
}

/// <summary>A marketplace's parts, each registered under its kind and resolved through the concrete type's own registration.</summary>
public sealed class ChannelParts(IServiceCollection services, ChannelKind kind)
{
    public ChannelParts Connector<T>() where T : class, IChannelConnector => Add<IChannelConnector, T>();

    public ChannelParts Authorization<T>() where T : class, IChannelAuthorization => Add<IChannelAuthorization, T>();

    public ChannelParts WebhookVerifier<T>() where T : class, IChannelWebhookVerifier => Add<IChannelWebhookVerifier, T>();

    public ChannelParts AccountSettings<T>() where T : class, IChannelAccountSettings => Add<IChannelAccountSettings, T>();

    private ChannelParts Add<TPart, T>() where TPart : class where T : class, TPart
    {
        services.TryAddTransient<T>();
        services.AddKeyedTransient<TPart>(kind, (sp, _) => sp.GetRequiredService<T>());
        return this;
    }
}
