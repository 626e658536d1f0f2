namespace SellerPortal.Features.Dashboard.Alerts;

/// <summary>What the alert banner reads; a seam so the banner renders in bUnit without a database.</summary>
public interface IAlertSource
{
    Task<IReadOnlyList<ActiveAlert>> GetActiveAsync(CancellationToken ct);
}

/// <summary>
/// The active alerts, shared by every open circuit: each banner polls every 30 s, so the evaluation is cached
/// for <see cref="CacheFor"/> and 50 signed-in tabs cost one evaluation, not 50.
/// </summary>
public sealed class AlertFeed(AlertEvaluator evaluator, TimeProvider clock) : IAlertSource
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<ActiveAlert> Alerts)? cached;

    public async Task<IReadOnlyList<ActiveAlert>> GetActiveAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (cached is { } c && now - c.At < CacheFor)
            {
                return c.Alerts;
            }

            var alerts = await evaluator.EvaluateAsync(ct);
            cached = (now, alerts);
            return alerts;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>After an Admin changes thresholds, the next read evaluates afresh.</summary>
    public void Invalidate() => cached = null;
}
