namespace SellerPortal.Features.Admin.Logs;

/// <summary>
/// Runs a stored webhook event through its handler again. Implemented by the webhook feature; while nothing is
/// registered, the Admin › Logs page hides its Replay button.
/// </summary>
public interface IWebhookReplayer
{
    Task<WebhookReplayResult> ReplayAsync(long webhookEventId, CancellationToken ct);
}

/// <summary>What came of a replay, as a sentence for the operator.</summary>
public sealed record WebhookReplayResult(bool Succeeded, string Message);
