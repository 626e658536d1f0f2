using SellerPortal.Features.Admin.Logs;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Webhook intake (verify over the raw bytes, deduplicate, store with its work), the sink that turns actions into
    /// queued jobs, and replay for Admin › Logs. Marketplaces with their own door reach it as <see cref="IWebhookReceiver"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IWebhookActionSink, SyncQueueWebhookActionSink>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<IWebhookReceiver>(sp => sp.GetRequiredService<WebhookIntake>());
        services.AddSingleton<IWebhookReplayer>(sp => sp.GetRequiredService<WebhookIntake>());
        return builder;
    }
}
