using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

/// <summary>
/// Carries out queued jobs of one kind against a channel. The dispatcher hands it at most
/// <see cref="BatchSize"/> jobs at a time, so one call can carry many SKUs where the channel has a batch endpoint.
/// </summary>
public interface ISyncJobHandler
{
    SyncJobKind Kind { get; }

    int BatchSize(ChannelCapabilities capabilities);

    /// <summary>One outcome per job. A <see cref="ChannelException"/> thrown here fails every job of the batch.</summary>
    Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct);
}

public sealed record SyncContext(ChannelAccountContext Account, IChannelConnector Connector);

public sealed record SyncJobOutcome(long JobId, bool Succeeded, string? Error = null, bool Retryable = true, TimeSpan? RetryAfter = null)
{
    public static SyncJobOutcome Ok(long jobId) => new(jobId, true);
}
