using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

/// <summary>
/// A job that outlives its lease keeps it while it runs, so no other dispatcher takes it up meanwhile; a job the app
/// stops in the middle of goes back to the queue at once instead of waiting out its lease.
/// </summary>
public sealed class LeaseRenewalTests
{
    private readonly TestDatabase db = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    private sealed class SlowHandler : ISyncJobHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SyncJobKind Kind => SyncJobKind.ImportOrders;

        public int BatchSize(ChannelCapabilities capabilities) => 1;

        public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
        {
            Started.TrySetResult();
            await Finish.Task.WaitAsync(ct);
            return [.. jobs.Select(j => SyncJobOutcome.Ok(j.Id))];
        }
    }

    [Fact]
    public async Task ALongImport_RenewsItsLease_AndASecondDispatcherDoesNotTakeItUp()
    {
        var (options, queue, handler, dispatcher, accountId, jobId) = await ImportQueuedAsync();
        var draining = dispatcher.DrainAccountAsync(accountId, CancellationToken.None);
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var firstLease = (await JobAsync(jobId)).LeaseExpiresUtc!.Value;

        // Three times the lease passes while the import runs; each third of a lease the dispatcher renews it.
        for (var step = 0; step < 9; step++)
        {
            var before = (await JobAsync(jobId)).LeaseExpiresUtc!.Value;
            clock.Advance(options.Value.Lease / 3);
            await Eventually.HoldsAsync(async () => (await JobAsync(jobId)).LeaseExpiresUtc > before, TimeSpan.FromSeconds(10), "the lease to be renewed", TimeSpan.FromMilliseconds(10));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Assert.True(now > firstLease + options.Value.Lease, "the import has outlived its first lease twice over");
        Assert.Empty(await queue.ClaimAsync(accountId, 10, CancellationToken.None));
        var running = await JobAsync(jobId);
        Assert.Equal(SyncJobStatus.Running, running.Status);
        Assert.True(running.LeaseExpiresUtc > now);
        Assert.Equal(1, running.Attempts);

        handler.Finish.SetResult();
        await draining;
        Assert.Equal(SyncJobStatus.Succeeded, (await JobAsync(jobId)).Status);
    }

    [Fact]
    public async Task AJobInterruptedByShutdown_IsQueuedAgainAtOnce_WithItsAttemptGivenBack()
    {
        var (options, queue, handler, dispatcher, accountId, jobId) = await ImportQueuedAsync();
        using var stopping = new CancellationTokenSource();
        var draining = dispatcher.DrainAccountAsync(accountId, stopping.Token);
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => draining);

        var job = await JobAsync(jobId);
        Assert.Equal(SyncJobStatus.Pending, job.Status);
        Assert.Null(job.LeaseOwner);
        Assert.Equal(0, job.Attempts);
        Assert.Single(await queue.ClaimAsync(accountId, 10, CancellationToken.None));
    }

    /// <summary>One queued import for an eBay account, and a dispatcher whose import handler runs until told to finish.</summary>
    private async Task<(IOptions<SyncQueueOptions> Options, SyncQueue Queue, SlowHandler Handler, SyncDispatcher Dispatcher, int AccountId, long JobId)> ImportQueuedAsync()
    {
        var options = Options.Create(new SyncQueueOptions());
        var queue = new SyncQueue(db, options, clock);
        var handler = new SlowHandler();
        var dispatcher = new SyncDispatcher(queue, db, TestChannels.Registry(new RecordingConnector(ChannelKind.Ebay, 25)), [handler], options, clock, NullLogger<SyncDispatcher>.Instance);
        int accountId;
        await using (var context = db.CreateDbContext())
        {
            var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay", Status = ChannelAccountStatus.Connected };
            context.ChannelAccounts.Add(account);
            await context.SaveChangesAsync();
            accountId = account.Id;
        }

        var jobId = await queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.ImportOrders, "orders", "{}", null), CancellationToken.None);
        return (options, queue, handler, dispatcher, accountId, jobId);
    }

    private async Task<SyncJob> JobAsync(long id)
    {
        await using var context = db.CreateDbContext();
        return await context.SyncJobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

}
