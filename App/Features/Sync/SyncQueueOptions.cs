using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Sync;

public sealed class SyncQueueOptions
{
    public const string SectionName = "Sync";

    /// <summary>How long a claimed job is ours; past it, a crash or restart hands the job to the next dispatcher.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubled per attempt with ±20% jitter, capped at <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the dispatcher looks for due jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Orders and stock are dispatched the moment they are queued (<see cref="DispatchOnSignalService"/>), not at the
    /// next tick: an order waiting a tick to import and its push another tick leaves the other channels oversellable.
    /// </summary>
    public bool DispatchOnEnqueue { get; set; } = true;

    /// <summary>Jobs claimed per round for one account.</summary>
    [Range(1, 10_000)]
    public int ClaimBatch { get; set; } = 500;

    /// <summary>Accounts drained at the same time by one dispatch run (each account waits only for its own channel).</summary>
    [Range(1, 64)]
    public int ParallelAccounts { get; set; } = 8;

    /// <summary>One dispatch run stops claiming after this long, so a huge backlog cannot pin the scheduler thread.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromSeconds(50);
}
