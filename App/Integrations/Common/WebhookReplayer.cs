using SellerPortal.Features.Admin.Logs;

namespace SellerPortal.Integrations.Common;

/// <summary>The Admin › Logs replay button, through the intake's own verification and actions.</summary>
public sealed class WebhookReplayer(WebhookIntake intake) : IWebhookReplayer
{
    public Task<WebhookReplayResult> ReplayAsync(long webhookEventId, CancellationToken ct) => intake.ReplayAsync(webhookEventId, ct);
}
