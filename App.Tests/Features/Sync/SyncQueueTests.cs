using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Sync;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

public sealed class SyncQueueTests
{
    private readonly TestDatabase db = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly SyncQueue queue;

    public SyncQueueTests() => queue = new SyncQueue(db, Options.Create(new SyncQueueOptions { MaxAttempts = 3 }), clock);

    [Fact]
    public async Task FiveStockChangesForOneSku_LeaveOnePendingJob_CarryingTheLastValue()
    {
        for (var quantity = 1; quantity <= 5; quantity++)
        {
            await queue.EnqueueAsync(Stock(1, "SKU-1", quantity), CancellationToken.None);
        }

        await using var context = db.CreateDbContext();
        var job = Assert.Single(await context.SyncJobs.ToListAsync());
        Assert.Contains("\"quantity\":5", job.Payload);
    }

    [Fact]
    public async Task Claim_TakesStockBeforeAnEarlierBulkPublish()
    {
        await queue.EnqueueAsync(new SyncJobRequest(1, SyncJobKind.PublishListing, "product:1"), CancellationToken.None);
        await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);

        var claimed = await queue.ClaimAsync(1, 1, CancellationToken.None);

        Assert.Equal(SyncJobKind.PushStock, Assert.Single(claimed).Kind);
    }

    [Fact]
    public async Task AClaimedJobWhoseDispatcherDied_IsClaimedAgainAfterItsLease()
    {
        await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);
        var first = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));

        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));
        clock.Advance(new SyncQueueOptions().Lease + TimeSpan.FromSeconds(1));
        var again = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task ARetryableFailure_BacksOff_ThenIsDeadLetteredAfterMaxAttempts_WithTheLastError()
    {
        var id = await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var job = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
            await queue.FailAsync(job.Id, job.LeaseOwner!, $"timeout {attempt}", retryable: true, retryAfter: null, CancellationToken.None);
            Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));
            clock.Advance(TimeSpan.FromMinutes(20));
        }

        await using var context = db.CreateDbContext();
        var dead = await context.SyncJobs.SingleAsync(j => j.Id == id);
        Assert.Equal(SyncJobStatus.Dead, dead.Status);
        Assert.Equal("timeout 3", dead.LastError);
    }

    [Fact]
    public async Task ARetryHint_FromTheChannel_IsHonoured()
    {
        await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);
        var job = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));

        await queue.FailAsync(job.Id, job.LeaseOwner!, "429", retryable: true, retryAfter: TimeSpan.FromSeconds(30), CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
    }

    [Fact]
    public async Task APermanentFailure_IsFailedAtOnce_AndRetryPutsItBack()
    {
        var id = await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);
        var job = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
        await queue.FailAsync(job.Id, job.LeaseOwner!, "Invalid SKU", retryable: false, retryAfter: null, CancellationToken.None);
        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));

        Assert.Equal(1, await queue.RetryAsync([id], CancellationToken.None));

        Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
    }

    [Fact]
    public async Task TwoDispatchers_NeverClaimTheSameJob()
    {
        for (var i = 0; i < 50; i++)
        {
            await queue.EnqueueAsync(Stock(1, $"SKU-{i}", i), CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => queue.ClaimAsync(1, 20, CancellationToken.None))));

        // Racing claimers may pick the same candidates; each job goes to one of them only. What is left is claimed next.
        var ids = claims.SelectMany(c => c).Select(j => j.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        ids.AddRange((await queue.ClaimAsync(1, 100, CancellationToken.None)).Select(j => j.Id));
        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, ids.Count);
    }

    [Fact]
    public async Task AnUnpublish_AfterAPendingUpdateOfTheSameListing_KeepsTheNewestIntent_KindPriorityAndPayload()
    {
        var id = await queue.EnqueueAsync(new SyncJobRequest(1, SyncJobKind.UpdateListing, "product:7", "{\"price\":\"9.99\"}", "listing:1:7"), CancellationToken.None);

        var merged = await queue.EnqueueAsync(new SyncJobRequest(1, SyncJobKind.UnpublishListing, "product:7", "{}", "listing:1:7"), CancellationToken.None);

        await using var context = db.CreateDbContext();
        var job = Assert.Single(await context.SyncJobs.ToListAsync());
        Assert.Equal(id, merged);
        Assert.Equal(SyncJobKind.UnpublishListing, job.Kind);
        Assert.Equal(SyncLanes.PriorityOf(SyncJobKind.UnpublishListing), job.Priority);
        Assert.Equal("{}", job.Payload);
    }

    [Fact]
    public async Task ANewIntent_ForAJobAlreadyClaimed_IsAJobOfItsOwn_AndTheRunningOneIsUntouched()
    {
        await queue.EnqueueAsync(new SyncJobRequest(1, SyncJobKind.PushShipment, "order:5", "{\"tracking\":\"1Z-OLD\"}", "ship:1:5"), CancellationToken.None);
        var running = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));

        var corrected = await queue.EnqueueAsync(new SyncJobRequest(1, SyncJobKind.PushShipment, "order:5", "{\"tracking\":\"1Z-NEW\"}", "ship:1:5"), CancellationToken.None);

        await using var context = db.CreateDbContext();
        var jobs = await context.SyncJobs.OrderBy(j => j.Id).ToListAsync();
        Assert.Equal([running.Id, corrected], jobs.Select(j => j.Id));
        Assert.Equal(("{\"tracking\":\"1Z-OLD\"}", SyncJobStatus.Running), (jobs[0].Payload, jobs[0].Status));
        Assert.Equal(("{\"tracking\":\"1Z-NEW\"}", SyncJobStatus.Pending), (jobs[1].Payload, jobs[1].Status));
    }

    [Fact]
    public async Task ANewerChange_WaitsWhileTheOlderOneOfItsKeyRuns_SoTheOlderCannotLandLast()
    {
        await queue.EnqueueAsync(Stock(1, "SKU-1", 7), CancellationToken.None);
        await queue.EnqueueAsync(Stock(1, "SKU-2", 1), CancellationToken.None);
        var first = await queue.ClaimAsync(1, 1, CancellationToken.None);
        var older = Assert.Single(first);
        await queue.EnqueueAsync(Stock(1, "SKU-1", 6), CancellationToken.None);

        // Another dispatcher: the other SKU's job is free to go, SKU-1's newer figure is not while the older one runs.
        var second = await queue.ClaimAsync(1, 10, CancellationToken.None);
        Assert.Equal(["SKU-2"], second.Select(j => SyncPayload.Read<StockPushPayload>(j).Sku));
        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));

        Assert.Equal(1, await queue.CompleteAsync([older.Id], older.LeaseOwner!, CancellationToken.None));
        var newer = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
        Assert.Equal(("SKU-1", 6), (SyncPayload.Read<StockPushPayload>(newer).Sku, SyncPayload.Read<StockPushPayload>(newer).Quantity));
    }

    [Fact]
    public async Task AnOlderChangeThatFailsWhileANewerOneWaits_IsCancelled_NotRetriedAfterItToUndoIt()
    {
        var unpublish = await queue.EnqueueAsync(Listing(SyncJobKind.UnpublishListing), CancellationToken.None);
        var running = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
        var publish = await queue.EnqueueAsync(Listing(SyncJobKind.PublishListing), CancellationToken.None);

        // The channel answered 503 to the unpublish: a retryable failure, with the publish now queued behind it.
        Assert.True(await queue.FailAsync(unpublish, running.LeaseOwner!, "503 Service Unavailable", retryable: true, retryAfter: null, CancellationToken.None));
        var next = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
        Assert.Equal(1, await queue.CompleteAsync([next.Id], next.LeaseOwner!, CancellationToken.None));
        clock.Advance(TimeSpan.FromHours(1));

        await using var context = db.CreateDbContext();
        var older = await context.SyncJobs.SingleAsync(j => j.Id == unpublish);
        Assert.Equal((publish, SyncJobKind.PublishListing), (next.Id, next.Kind));
        Assert.Equal((SyncJobStatus.Cancelled, "Superseded by a newer change (this attempt: 503 Service Unavailable)"), (older.Status, older.LastError));
        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));
    }

    private static SyncJobRequest Listing(SyncJobKind kind) =>
        new(1, kind, "product:5", "{\"productId\":5}", DedupeKey: "listing:1:5");

    [Fact]
    public async Task AWorkerWhoseLeaseExpired_CannotCompleteFailReleaseOrRenew_TheNextOwnersClaim()
    {
        var id = await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);
        var stale = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
        clock.Advance(new SyncQueueOptions().Lease + TimeSpan.FromSeconds(1));
        var current = Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));

        Assert.Equal(0, await queue.CompleteAsync([id], stale.LeaseOwner!, CancellationToken.None));
        Assert.False(await queue.FailAsync(id, stale.LeaseOwner!, "late", retryable: true, retryAfter: null, CancellationToken.None));
        Assert.Equal(0, await queue.ReleaseAsync([id], stale.LeaseOwner!, TimeSpan.Zero, "late", CancellationToken.None));
        Assert.Equal(0, await queue.RenewLeaseAsync([id], stale.LeaseOwner!, CancellationToken.None));

        await using (var context = db.CreateDbContext())
        {
            var job = await context.SyncJobs.SingleAsync(j => j.Id == id);
            Assert.Equal((SyncJobStatus.Running, current.LeaseOwner), (job.Status, job.LeaseOwner));
        }

        Assert.Equal(1, await queue.CompleteAsync([id], current.LeaseOwner!, CancellationToken.None));
    }

    [Fact]
    public async Task AJobWhoseDispatcherDiesOnEveryAttempt_IsDeadLettered_NotHandedOutForEver()
    {
        var id = await queue.EnqueueAsync(Stock(1, "SKU-1", 3), CancellationToken.None);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Single(await queue.ClaimAsync(1, 10, CancellationToken.None));
            clock.Advance(new SyncQueueOptions().Lease + TimeSpan.FromSeconds(1));
        }

        Assert.Empty(await queue.ClaimAsync(1, 10, CancellationToken.None));
        await using var context = db.CreateDbContext();
        var job = await context.SyncJobs.SingleAsync(j => j.Id == id);
        Assert.Equal((SyncJobStatus.Dead, 3), (job.Status, job.Attempts));
    }

    private static SyncJobRequest Stock(int account, string sku, int quantity) =>
        new(account, SyncJobKind.PushStock, sku, SyncPayload.Write(new StockPushPayload(sku, quantity)), SyncJobRequest.StockKey(account, sku));
}
