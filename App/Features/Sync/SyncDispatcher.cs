using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

public sealed record DispatchSummary(int Claimed, int Succeeded, int Failed, int Calls);

/// <summary>
/// Drains an account's queue: claims due jobs highest lane first, groups each kind into the channel's batch calls,
/// and records every job's outcome. Nothing is fire-and-forget: a job is only done when its outcome is written.
/// </summary>
public sealed class SyncDispatcher(
    SyncQueue queue,
    IDbContextFactory<AppDbContext> contexts,
    ChannelRegistry channels,
    IEnumerable<ISyncJobHandler> handlers,
    IOptions<SyncQueueOptions> options,
    TimeProvider clock,
    ILogger<SyncDispatcher> logger)
{
    private readonly Dictionary<SyncJobKind, ISyncJobHandler> handlersByKind = handlers.ToDictionary(h => h.Kind);

    /// <summary>
    /// Drains every account with due work side by side (up to <see cref="SyncQueueOptions.ParallelAccounts"/> at once).
    /// Each account has its own limits at its channel, so one after another would make a price wave take the sum of
    /// the channels' times instead of the slowest one's, and one long queue would hold every other account back.
    /// </summary>
    public async Task<DispatchSummary> DrainAllAsync(CancellationToken ct)
    {
        var summaries = new System.Collections.Concurrent.ConcurrentBag<DispatchSummary>();
        await Parallel.ForEachAsync(await queue.AccountsWithDueJobsAsync(ct),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelAccounts, CancellationToken = ct },
            async (accountId, token) => summaries.Add(await DrainIsolatedAsync(accountId, token)));
        return new DispatchSummary(summaries.Sum(s => s.Claimed), summaries.Sum(s => s.Succeeded), summaries.Sum(s => s.Failed), summaries.Sum(s => s.Calls));
    }

    /// <summary>One account's drain; its failure is logged and never cancels the other accounts' batches in flight.</summary>
    private async Task<DispatchSummary> DrainIsolatedAsync(int accountId, CancellationToken ct)
    {
        try
        {
            return await DrainAccountAsync(accountId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Draining the queue of account {Account} failed; its jobs go back after their lease", accountId);
            return new DispatchSummary(0, 0, 0, 0);
        }
    }

    public async Task<DispatchSummary> DrainAccountAsync(int accountId, CancellationToken ct)
    {
        var context = await ContextForAsync(accountId, ct);
        var started = clock.GetTimestamp();
        int claimed = 0, succeeded = 0, failed = 0, calls = 0;
        while (clock.GetElapsedTime(started) < options.Value.MaxRunTime && !ct.IsCancellationRequested)
        {
            // One kind per round, claimed up to its channel batch size when that is larger than ClaimBatch: Amazon's feed
            // takes 25,000 SKUs, and 500 at a time made a 10,000-SKU price wave twenty feeds, each waiting out its polls.
            var kind = context is null ? null : await queue.NextDueKindAsync(accountId, ct);
            var size = kind is { } k && handlersByKind.TryGetValue(k, out var next)
                ? Math.Max(options.Value.ClaimBatch, next.BatchSize(context!.Connector.Capabilities))
                : options.Value.ClaimBatch;
            var jobs = await queue.ClaimAsync(accountId, size, kind, ct);
            if (jobs.Count == 0)
            {
                break;
            }

            claimed += jobs.Count;
            var owner = jobs[0].LeaseOwner!;
            var open = jobs.Select(j => j.Id).ToHashSet();
            if (context is null)
            {
                // Not connected (disconnected, or waiting for the seller to reconnect): keep the work, try later.
                await queue.ReleaseAsync(jobs.Select(j => j.Id).ToList(), owner, TimeSpan.FromMinutes(5), "The account is not connected; waiting for it to be reconnected.", ct);
                break;
            }

            try
            {
                (succeeded, failed, calls) = await RunLanesAsync(context, jobs, owner, open, (succeeded, failed, calls), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The app is stopping: hand the unfinished jobs back now rather than leave them to wait out their lease.
                await queue.ReleaseAsync([.. open], owner, TimeSpan.Zero, "Interrupted while the app was stopping; queued again.", CancellationToken.None);
                throw;
            }
        }

        return new DispatchSummary(claimed, succeeded, failed, calls);
    }

    private async Task<(int Succeeded, int Failed, int Calls)> RunLanesAsync(
        SyncContext context, IReadOnlyList<SyncJob> jobs, string owner, HashSet<long> open, (int Succeeded, int Failed, int Calls) counts, CancellationToken ct)
    {
        var (succeeded, failed, calls) = counts;
        foreach (var lane in jobs.GroupBy(j => j.Kind).OrderBy(g => g.Min(j => j.Priority)))
        {
            if (!handlersByKind.TryGetValue(lane.Key, out var handler))
            {
                foreach (var job in lane)
                {
                    await queue.FailAsync(job.Id, owner, $"No handler for {lane.Key} jobs.", retryable: false, null, ct);
                    open.Remove(job.Id);
                    failed++;
                }

                continue;
            }

            foreach (var batch in lane.Chunk(handler.BatchSize(context.Connector.Capabilities)))
            {
                calls++;
                IReadOnlyList<SyncJobOutcome> outcomes;
                try
                {
                    outcomes = await RunBatchAsync(handler, context, batch, owner, ct);
                }
                catch (ChannelPausedException paused)
                {
                    // Nothing reached the channel: the jobs wait out the pause with their attempt given back.
                    var ids = batch.Select(j => j.Id).ToList();
                    await queue.ReleaseAsync(ids, owner, paused.RetryAfter ?? TimeSpan.FromSeconds(5), Describe(paused), ct);
                    open.ExceptWith(ids);
                    continue;
                }

                var done = outcomes.Where(o => o.Succeeded).Select(o => o.JobId).ToList();
                var lost = done.Count - await queue.CompleteAsync(done, owner, ct);
                foreach (var failure in outcomes.Where(o => !o.Succeeded))
                {
                    lost += await queue.FailAsync(failure.JobId, owner, failure.Error ?? "Failed", failure.Retryable, failure.RetryAfter, ct) ? 0 : 1;
                }

                if (lost > 0)
                {
                    logger.LogWarning("{Lost} {Kind} outcomes for account {Account} dropped: their lease had passed to another dispatcher",
                        lost, handler.Kind, context.Account.AccountId);
                }

                open.ExceptWith(outcomes.Select(o => o.JobId));
                succeeded += outcomes.Count(o => o.Succeeded);
                failed += outcomes.Count(o => !o.Succeeded);
            }
        }

        return (succeeded, failed, calls);
    }

    private async Task<IReadOnlyList<SyncJobOutcome>> RunBatchAsync(ISyncJobHandler handler, SyncContext context, SyncJob[] batch, string owner, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewLeasesAsync([.. batch.Select(j => j.Id)], owner, done.Token);
        try
        {
            return await handler.HandleAsync(context, batch, ct);
        }
        catch (ChannelException ex) when (ex is not ChannelPausedException)
        {
            logger.LogWarning("{Kind} batch of {Count} for account {Account} failed: {Code} {Message} (request {RequestId})",
                handler.Kind, batch.Length, context.Account.AccountId, ex.ErrorCode, ex.Message, ex.RequestId);
            var retryable = ex is not ChannelValidationException && ex is not ChannelNotFoundException;
            var retryAfter = (ex as ChannelRateLimitException)?.RetryAfter;
            return batch.Select(j => new SyncJobOutcome(j.Id, false, Describe(ex), retryable, retryAfter)).ToList();
        }
        catch (Exception ex) when (ex is not ChannelPausedException && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            // Not the channel's answer (a database error, a payload that does not parse, a bug): retried like a
            // transient failure, so a poison job is dead-lettered at its attempt limit instead of looping for ever.
            logger.LogError(ex, "{Kind} batch of {Count} for account {Account} failed in the portal", handler.Kind, batch.Length, context.Account.AccountId);
            var error = $"The portal failed on this job: {ex.GetType().Name}: {ex.Message}";
            return batch.Select(j => new SyncJobOutcome(j.Id, false, error, true, null)).ToList();
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
        }
    }

    /// <summary>Renews the batch's lease every third of it while the handler works.</summary>
    private async Task RenewLeasesAsync(IReadOnlyCollection<long> jobIds, string owner, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.Lease / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await queue.RenewLeaseAsync(jobIds, owner, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The batch finished.
        }
    }

    internal static string Describe(ChannelException ex) =>
        string.Join(" ", new[]
        {
            ex.Message,
            ex.ErrorCode is null ? null : $"(code {ex.ErrorCode})",
            ex is ChannelValidationException v && v.FieldErrors.Count > 0 ? string.Join("; ", v.FieldErrors.Select(f => $"{f.Field}: {f.Message}")) : null,
            ex.RequestId is null ? null : $"[request {ex.RequestId}]",
        }.Where(s => s is not null));

    private async Task<SyncContext?> ContextForAsync(int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var account = await db.ChannelAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null || account.Status != ChannelAccountStatus.Connected)
        {
            return null;
        }

        var connector = channels.Connector(account.Channel);
        return connector is null ? null : new SyncContext(ChannelAccountContexts.For(account), connector);
    }
}
