using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;

namespace SellerPortal.Features.Sync;

/// <summary>
/// The durable queue of changes bound for channels, in the database. Enqueue coalesces by dedupe key; claims take a
/// lease (expired leases return to the queue, so a crash or restart loses nothing); failures retry with exponential
/// backoff and jitter and are dead-lettered after the configured attempts, keeping the last error.
/// </summary>
public sealed class SyncQueue(IDbContextFactory<AppDbContext> contexts, IOptions<SyncQueueOptions> options, TimeProvider clock, SyncDispatchSignal? signal = null)
{
    private SyncQueueOptions Options => options.Value;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<long> EnqueueAsync(SyncJobRequest request, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        if (request.DedupeKey is not null)
        {
            // The newest intent replaces an older pending one for the same key: its kind (an Unpublish after an Update
            // must stay an Unpublish), priority, target and payload. The write is conditional on the job still being
            // Pending at that moment: a dispatcher may have claimed it since the read, and then the new intent is a
            // job of its own rather than a change to work already under way.
            var pendingId = await db.SyncJobs
                .Where(j => j.DedupeKey == request.DedupeKey && j.Status == SyncJobStatus.Pending)
                .OrderByDescending(j => j.Id)
                .Select(j => (long?)j.Id)
                .FirstOrDefaultAsync(ct);
            if (pendingId is { } id)
            {
                var priority = request.Priority ?? SyncLanes.PriorityOf(request.Kind);
                var merged = await db.SyncJobs
                    .Where(j => j.Id == id && j.Status == SyncJobStatus.Pending)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.Kind, request.Kind)
                        .SetProperty(j => j.Priority, priority)
                        .SetProperty(j => j.Payload, request.Payload)
                        .SetProperty(j => j.Target, request.Target)
                        .SetProperty(j => j.ChannelAccountId, request.ChannelAccountId)
                        .SetProperty(j => j.BulkOperationId, j => request.BulkOperationId ?? j.BulkOperationId), ct);
                if (merged == 1)
                {
                    Wake(priority);
                    return id;
                }
            }
        }

        var job = NewJob(request, now);
        db.SyncJobs.Add(job);
        await db.SaveChangesAsync(ct);
        Wake(job.Priority);
        return job.Id;
    }

    /// <summary>Queues many jobs in one transaction (bulk operations): all or none.</summary>
    public async Task EnqueueManyAsync(IReadOnlyList<SyncJobRequest> requests, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        var jobs = requests.Select(r => NewJob(r, now)).ToList();
        db.SyncJobs.AddRange(jobs);
        await db.SaveChangesAsync(ct);
        if (jobs.Count > 0)
        {
            Wake(jobs.Min(j => j.Priority));
        }
    }

    /// <summary>Orders and stock are drained at once (after the commit, so the drain sees the job); the rest waits for the tick.</summary>
    private void Wake(int priority)
    {
        if (SyncDispatchSignal.IsUrgent(priority))
        {
            signal?.Raise();
        }
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs of one account, highest priority first, under a fresh lease.
    /// Jobs whose lease expired (their dispatcher died) are returned to the queue first. Of several claimed jobs with
    /// the same dedupe key only the newest is kept; the older ones are cancelled as superseded. A job whose key has a
    /// job still running is not claimed until that one ends.
    /// </summary>
    public Task<IReadOnlyList<SyncJob>> ClaimAsync(int accountId, int max, CancellationToken ct) => ClaimAsync(accountId, max, null, ct);

    /// <summary>As <see cref="ClaimAsync(int, int, CancellationToken)"/>, only jobs of <paramref name="kind"/> when given.</summary>
    public async Task<IReadOnlyList<SyncJob>> ClaimAsync(int accountId, int max, SyncJobKind? kind, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        await RecoverExpiredLeasesAsync(db, now, ct);
        await db.SyncJobs
            .Where(j => j.ChannelAccountId == accountId && j.Status == SyncJobStatus.Pending && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Dead)
                .SetProperty(j => j.CompletedUtc, now), ct);

        // A change waits while an older one of the same key is still running for the account (another dispatcher's
        // claim): run side by side, the older call could land last and set the channel back to a stale figure.
        var candidates = await db.SyncJobs
            .Where(j => j.ChannelAccountId == accountId && j.Status == SyncJobStatus.Pending && j.NextAttemptUtc <= now)
            .Where(j => kind == null || j.Kind == kind)
            .Where(j => j.DedupeKey == null || !db.SyncJobs.Any(r =>
                r.ChannelAccountId == accountId && r.Status == SyncJobStatus.Running && r.DedupeKey == j.DedupeKey))
            .OrderBy(j => j.Priority).ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(max)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var owner = $"{Environment.MachineName}:{Guid.NewGuid():N}";
        var lease = now + Options.Lease;
        // The status condition makes the claim atomic per row: of two dispatchers only one moves a job to Running.
        await db.SyncJobs
            .Where(j => candidates.Contains(j.Id) && j.Status == SyncJobStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Running)
                .SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseExpiresUtc, lease)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);

        var claimed = await db.SyncJobs.AsNoTracking()
            .Where(j => j.LeaseOwner == owner && j.Status == SyncJobStatus.Running)
            .OrderBy(j => j.Priority).ThenBy(j => j.Id)
            .ToListAsync(ct);

        var superseded = claimed
            .Where(j => j.DedupeKey is not null)
            .GroupBy(j => j.DedupeKey)
            .SelectMany(g => g.OrderByDescending(j => j.Id).Skip(1))
            .Select(j => j.Id)
            .ToList();
        if (superseded.Count > 0)
        {
            await db.SyncJobs.Where(j => superseded.Contains(j.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Cancelled)
                .SetProperty(j => j.LastError, "Superseded by a newer change")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.CompletedUtc, now), ct);
            claimed = claimed.Where(j => !superseded.Contains(j.Id)).ToList();
        }

        return claimed;
    }

    /// <summary>
    /// Extends the lease of running jobs whose work is still going (a first import of a large account, Amazon's
    /// feeds): without it a job outliving its lease would be handed to another dispatcher while it runs.
    /// </summary>
    /// <remarks>
    /// Every lease write (renew, complete, fail, release) names the lease's owner: a dispatcher whose lease expired
    /// and was handed to another must not complete or reset the new owner's claim. The count of rows changed says how
    /// many of the jobs were still this owner's; the others' outcomes are dropped.
    /// </remarks>
    public async Task<int> RenewLeaseAsync(IReadOnlyCollection<long> jobIds, string owner, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var lease = Now + Options.Lease;
        return await db.SyncJobs.Where(j => jobIds.Contains(j.Id) && j.Status == SyncJobStatus.Running && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, lease), ct);
    }

    /// <summary>Marks this owner's running jobs done; returns how many were still its own.</summary>
    public async Task<int> CompleteAsync(IReadOnlyCollection<long> jobIds, string owner, CancellationToken ct)
    {
        if (jobIds.Count == 0)
        {
            return 0;
        }

        await using var db = contexts.CreateDbContext();
        var now = Now;
        return await db.SyncJobs.Where(j => jobIds.Contains(j.Id) && j.Status == SyncJobStatus.Running && j.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, SyncJobStatus.Succeeded)
            .SetProperty(j => j.CompletedUtc, now)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
            .SetProperty(j => j.LastError, (string?)null), ct);
    }

    /// <summary>
    /// Records a failure. A retryable one goes back to the queue after backoff (or the channel's retry hint); past
    /// the attempt limit it is dead-lettered. A permanent one (the channel refused the content) is Failed at once.
    /// </summary>
    /// <returns>False when the job was no longer this owner's (its lease was lost): the outcome is dropped.</returns>
    public async Task<bool> FailAsync(long jobId, string owner, string error, bool retryable, TimeSpan? retryAfter, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var job = await db.SyncJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, ct);
        if (job is null || job.Status != SyncJobStatus.Running || job.LeaseOwner != owner)
        {
            return false;
        }

        var now = Now;
        var lastError = Truncate(error, 4000);
        // A newer change of the same key queued while this one ran (staff unpublished, then published again) is the
        // intent now: retried after its backoff, this older one would run after it and undo it.
        var superseded = retryable && job.DedupeKey is not null && await db.SyncJobs.AnyAsync(j =>
            j.DedupeKey == job.DedupeKey && j.Id > jobId && (j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running), ct);
        if (superseded)
        {
            lastError = Truncate($"Superseded by a newer change (this attempt: {error})", 4000);
        }

        var (status, completed, next) = superseded ? (SyncJobStatus.Cancelled, (DateTime?)now, job.NextAttemptUtc)
            : !retryable ? (SyncJobStatus.Failed, (DateTime?)now, job.NextAttemptUtc)
            : job.Attempts >= job.MaxAttempts ? (SyncJobStatus.Dead, now, job.NextAttemptUtc)
            : (SyncJobStatus.Pending, (DateTime?)null, now + (retryAfter ?? Backoff(job.Attempts)));
        var changed = await db.SyncJobs.Where(j => j.Id == jobId && j.Status == SyncJobStatus.Running && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.CompletedUtc, completed)
                .SetProperty(j => j.NextAttemptUtc, next)
                .SetProperty(j => j.LastError, lastError)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), ct);
        return changed == 1;
    }

    /// <summary>Gives a claimed job back without counting the attempt (the account cannot be called right now).</summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<long> jobIds, string owner, TimeSpan delay, string reason, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var next = Now + delay;
        return await db.SyncJobs.Where(j => jobIds.Contains(j.Id) && j.Status == SyncJobStatus.Running && j.LeaseOwner == owner).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, SyncJobStatus.Pending)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.NextAttemptUtc, next)
            .SetProperty(j => j.LastError, reason)
            .SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null), ct);
    }

    /// <summary>Puts failed, dead or cancelled jobs back in the queue with fresh attempts.</summary>
    public async Task<int> RetryAsync(IReadOnlyCollection<long> jobIds, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        return await db.SyncJobs
            .Where(j => jobIds.Contains(j.Id) && (j.Status == SyncJobStatus.Failed || j.Status == SyncJobStatus.Dead || j.Status == SyncJobStatus.Cancelled))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Pending)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.NextAttemptUtc, now)
                .SetProperty(j => j.CompletedUtc, (DateTime?)null), ct);
    }

    public async Task<int> CancelAsync(IReadOnlyCollection<long> jobIds, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        return await db.SyncJobs
            .Where(j => jobIds.Contains(j.Id) && j.Status == SyncJobStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Cancelled)
                .SetProperty(j => j.LastError, "Cancelled by a user")
                .SetProperty(j => j.CompletedUtc, now), ct);
    }

    /// <summary>The kind of an account's most urgent due job (highest lane, then oldest), or null when none is due.</summary>
    public async Task<SyncJobKind?> NextDueKindAsync(int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        return await db.SyncJobs
            .Where(j => j.ChannelAccountId == accountId && j.Status == SyncJobStatus.Pending && j.NextAttemptUtc <= now)
            .OrderBy(j => j.Priority).ThenBy(j => j.Id)
            .Select(j => (SyncJobKind?)j.Kind)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Accounts with due work, for the dispatcher.</summary>
    public async Task<IReadOnlyList<int>> AccountsWithDueJobsAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        await RecoverExpiredLeasesAsync(db, now, ct);
        return await db.SyncJobs
            .Where(j => j.ChannelAccountId != null && j.Status == SyncJobStatus.Pending && j.NextAttemptUtc <= now)
            .Select(j => j.ChannelAccountId!.Value)
            .Distinct()
            .ToListAsync(ct);
    }

    internal TimeSpan Backoff(int attempts)
    {
        var exponential = Options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, Options.MaxBackoff.TotalMilliseconds);
        var jitter = 1 + ((Random.Shared.NextDouble() * 0.4) - 0.2);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    /// <summary>
    /// Jobs whose dispatcher died go back to the queue, unless they have used every attempt: a job that kills its
    /// dispatcher each time (a poison job) is dead-lettered instead of handed out for ever.
    /// </summary>
    private static async Task RecoverExpiredLeasesAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        await db.SyncJobs
            .Where(j => j.Status == SyncJobStatus.Running && j.LeaseExpiresUtc < now && j.Attempts >= j.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Dead)
                .SetProperty(j => j.LastError, j => (j.LastError ?? "") + " [lease expired on the last attempt]")
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.CompletedUtc, now), ct);
        await db.SyncJobs
            .Where(j => j.Status == SyncJobStatus.Running && j.LeaseExpiresUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, SyncJobStatus.Pending)
                .SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.NextAttemptUtc, now), ct);
    }

    private SyncJob NewJob(SyncJobRequest r, DateTime now) => new()
    {
        ChannelAccountId = r.ChannelAccountId,
        Kind = r.Kind,
        Target = r.Target,
        Payload = r.Payload,
        DedupeKey = r.DedupeKey,
        BulkOperationId = r.BulkOperationId,
        Priority = r.Priority ?? SyncLanes.PriorityOf(r.Kind),
        MaxAttempts = Options.MaxAttempts,
        NextAttemptUtc = now,
        CreatedUtc = now,
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
