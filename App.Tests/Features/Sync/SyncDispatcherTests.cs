using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

public sealed class SyncDispatcherTests
{
    private readonly TestDatabase db = new();
    private readonly RecordingConnector channel = new(ChannelKind.Ebay, batchSize: 25);
    private readonly SyncQueue queue;
    private readonly SyncDispatcher dispatcher;
    private readonly int accountId;

    public SyncDispatcherTests()
    {
        var options = Options.Create(new SyncQueueOptions());
        queue = new SyncQueue(db, options, TimeProvider.System);
        dispatcher = new SyncDispatcher(queue, db, TestChannels.Registry(channel), [new PushStockHandler(), new PushPriceHandler(db)], options, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
        using var context = db.CreateDbContext();
        var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", Status = ChannelAccountStatus.Connected };
        context.ChannelAccounts.Add(account);
        context.SaveChanges();
        accountId = account.Id;
    }

    [Fact]
    public async Task SixtyStockChanges_GoOutInThreeBatchCalls_OfTheChannelsBatchSize()
    {
        for (var i = 0; i < 60; i++)
        {
            await queue.EnqueueAsync(Stock($"SKU-{i:00}", i), CancellationToken.None);
        }

        var summary = await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        Assert.Equal(3, channel.InventoryCalls.Count);
        Assert.Equal([25, 25, 10], channel.InventoryCalls.Select(c => c.Count));
        Assert.Equal(60, summary.Succeeded);
        Assert.Equal(60, await CountAsync(SyncJobStatus.Succeeded));
    }

    [Fact]
    public async Task FiveChangesForOneSku_BeforeTheDispatcherRuns_EndInOneCallWithTheLastValue()
    {
        foreach (var quantity in new[] { 9, 8, 7, 6, 5 })
        {
            await queue.EnqueueAsync(Stock("SKU-1", quantity), CancellationToken.None);
        }

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        var call = Assert.Single(channel.InventoryCalls);
        Assert.Equal(5, Assert.Single(call).Quantity);
    }

    [Fact]
    public async Task AStockPushWithNoFigure_IsRefused_NeverPushedAsZero()
    {
        // A manual or bulk push queues no quantity; with no listing to work one out from, nothing is sent for it.
        await queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.PushStock, "SKU-GONE", SyncPayload.Write(new StockPushPayload("SKU-GONE"))), CancellationToken.None);
        await queue.EnqueueAsync(Stock("SKU-OK", 4), CancellationToken.None);

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        var call = Assert.Single(channel.InventoryCalls);
        Assert.Equal(("SKU-OK", 4), (Assert.Single(call).Sku, call[0].Quantity));
        await using var context = db.CreateDbContext();
        var gone = await context.SyncJobs.SingleAsync(j => j.Target == "SKU-GONE");
        Assert.Equal(SyncJobStatus.Failed, gone.Status);
        Assert.Contains("not listed on this account", gone.LastError);
    }

    [Fact]
    public async Task ARejectedSku_FailsOnlyItsOwnJob_WithTheChannelsReason()
    {
        channel.RejectedSkus.Add("SKU-BAD");
        await queue.EnqueueAsync(Stock("SKU-OK", 1), CancellationToken.None);
        await queue.EnqueueAsync(Stock("SKU-BAD", 1), CancellationToken.None);

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        await using var context = db.CreateDbContext();
        var jobs = await context.SyncJobs.ToDictionaryAsync(j => j.Target);
        Assert.Equal(SyncJobStatus.Succeeded, jobs["SKU-OK"].Status);
        Assert.Equal(SyncJobStatus.Failed, jobs["SKU-BAD"].Status);
        Assert.Contains("Invalid SKU", jobs["SKU-BAD"].LastError);
    }

    [Fact]
    public async Task ASkuTheChannelSaysToTryAgain_StaysQueuedForAnotherAttempt_WhileTheRestSucceed()
    {
        channel.ContendedSkus.Add("SKU-BUSY");
        await queue.EnqueueAsync(Stock("SKU-OK", 1), CancellationToken.None);
        await queue.EnqueueAsync(Stock("SKU-BUSY", 1), CancellationToken.None);

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        await using var context = db.CreateDbContext();
        var jobs = await context.SyncJobs.ToDictionaryAsync(j => j.Target);
        Assert.Equal(SyncJobStatus.Succeeded, jobs["SKU-OK"].Status);
        Assert.Equal((SyncJobStatus.Pending, 1), (jobs["SKU-BUSY"].Status, jobs["SKU-BUSY"].Attempts));
        Assert.Equal("STALE: The quantity changed meanwhile", jobs["SKU-BUSY"].LastError);
    }

    [Fact]
    public async Task ARateLimitedBatch_GoesBackToTheQueue_AfterTheChannelsHint()
    {
        channel.ThrowOnNextCall = new ChannelRateLimitException(ChannelKind.Ebay, "Too many requests", TimeSpan.FromMinutes(1), "RateLimit");
        await queue.EnqueueAsync(Stock("SKU-1", 4), CancellationToken.None);

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        await using var context = db.CreateDbContext();
        var job = await context.SyncJobs.SingleAsync();
        Assert.Equal(SyncJobStatus.Pending, job.Status);
        Assert.True(job.NextAttemptUtc > DateTime.UtcNow.AddSeconds(50));
        Assert.Contains("Too many requests", job.LastError);
    }

    [Fact]
    public async Task ABatchThatMeetsAnOpenCircuit_WaitsOutThePause_WithoutSpendingAnAttempt()
    {
        channel.ThrowOnNextCall = new ChannelPausedException(ChannelKind.Ebay, "eBay failed repeatedly, so calls are paused.", TimeSpan.FromSeconds(30));
        await queue.EnqueueAsync(Stock("SKU-1", 4), CancellationToken.None);

        var summary = await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        await using var context = db.CreateDbContext();
        var job = await context.SyncJobs.SingleAsync();
        Assert.Equal(SyncJobStatus.Pending, job.Status);
        Assert.Equal(0, job.Attempts);
        Assert.True(job.NextAttemptUtc > DateTime.UtcNow.AddSeconds(25));
        Assert.Contains("paused", job.LastError);
        Assert.Equal(0, summary.Failed);
    }

    [Fact]
    public async Task AnAccountThatNeedsReconnecting_KeepsItsJobsQueued_WithoutSpendingAttempts()
    {
        await using (var context = db.CreateDbContext())
        {
            await context.ChannelAccounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ChannelAccountStatus.NeedsReauth));
        }

        await queue.EnqueueAsync(Stock("SKU-1", 4), CancellationToken.None);

        await dispatcher.DrainAccountAsync(accountId, CancellationToken.None);

        Assert.Empty(channel.InventoryCalls);
        await using var check = db.CreateDbContext();
        var job = await check.SyncJobs.SingleAsync();
        Assert.Equal(SyncJobStatus.Pending, job.Status);
        Assert.Equal(0, job.Attempts);
    }

    [Fact]
    public async Task ABatchThatThrowsAPortalError_IsRetried_ThenDeadLettered_NotLeftRunning()
    {
        var options = Options.Create(new SyncQueueOptions { MaxAttempts = 2, BaseBackoff = TimeSpan.Zero, MaxBackoff = TimeSpan.Zero });
        var strictQueue = new SyncQueue(db, options, TimeProvider.System);
        var poisoned = new SyncDispatcher(strictQueue, db, TestChannels.Registry(channel), [new ThrowingHandler()], options, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
        var id = await strictQueue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.PushPrice, "SKU-1", "not json"), CancellationToken.None);

        var first = await poisoned.DrainAccountAsync(accountId, CancellationToken.None);

        await using var check = db.CreateDbContext();
        var job = await check.SyncJobs.AsNoTracking().SingleAsync(j => j.Id == id);
        // No backoff: the one drain claims it again at once, and the second failure is its last attempt.
        Assert.Equal((2, 2, SyncJobStatus.Dead), (first.Failed, job.Attempts, job.Status));
        Assert.Equal("The portal failed on this job: InvalidOperationException: database is locked", job.LastError);
        Assert.Null(job.LeaseOwner);
    }

    private sealed class ThrowingHandler : ISyncJobHandler
    {
        public SyncJobKind Kind => SyncJobKind.PushPrice;

        public int BatchSize(ChannelCapabilities capabilities) => 10;

        public Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct) =>
            throw new InvalidOperationException("database is locked");
    }

    [Fact]
    public async Task DrainAll_RunsTwoAccountsSideBySide_NotOneAfterTheOther()
    {
        var tiktok = new RecordingConnector(ChannelKind.TikTokShop, batchSize: 1);
        var amazon = new RecordingConnector(ChannelKind.Amazon, batchSize: 25_000);
        var tiktokIn = new TaskCompletionSource();
        var amazonIn = new TaskCompletionSource();
        // Each call waits until the other account's call is in flight too: one after the other, the first times out.
        tiktok.BeforePriceCall = async () =>
        {
            tiktokIn.TrySetResult();
            await amazonIn.Task.WaitAsync(TimeSpan.FromSeconds(5));
        };
        amazon.BeforePriceCall = async () =>
        {
            amazonIn.TrySetResult();
            await tiktokIn.Task.WaitAsync(TimeSpan.FromSeconds(5));
        };
        var options = Options.Create(new SyncQueueOptions());
        var both = new SyncDispatcher(queue, db, TestChannels.Registry(tiktok, amazon), [new PushPriceHandler(db)], options, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
        await using (var context = db.CreateDbContext())
        {
            context.ChannelAccounts.AddRange(
                new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "TikTok", Status = ChannelAccountStatus.Connected },
                new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "Amazon", Status = ChannelAccountStatus.Connected });
            await context.SaveChangesAsync();
            foreach (var account in context.ChannelAccounts.Where(a => a.Channel != ChannelKind.Ebay).ToList())
            {
                await queue.EnqueueAsync(new SyncJobRequest(account.Id, SyncJobKind.PushPrice, "SKU-1",
                    SyncPayload.Write(new PricePushPayload("SKU-1", 10m, "USD"))), CancellationToken.None);
            }
        }

        var summary = await both.DrainAllAsync(CancellationToken.None);

        Assert.Equal(2, summary.Succeeded);
        Assert.Single(tiktok.PriceCalls);
        Assert.Single(amazon.PriceCalls);
    }

    [Fact]
    public async Task MorePricesThanOneClaim_GoOutInOneCall_WhenTheChannelsBatchTakesThemAll()
    {
        var amazon = new RecordingConnector(ChannelKind.Amazon, batchSize: 25_000);
        var options = Options.Create(new SyncQueueOptions { ClaimBatch = 500 });
        var feeds = new SyncDispatcher(queue, db, TestChannels.Registry(amazon), [new PushStockHandler(), new PushPriceHandler(db)], options, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
        int account;
        await using (var context = db.CreateDbContext())
        {
            var a = new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "Amazon US", Status = ChannelAccountStatus.Connected };
            context.ChannelAccounts.Add(a);
            await context.SaveChangesAsync();
            account = a.Id;
        }

        await queue.EnqueueManyAsync([.. Enumerable.Range(0, 1_200).Select(i => new SyncJobRequest(account, SyncJobKind.PushPrice, $"SKU-{i}",
            SyncPayload.Write(new PricePushPayload($"SKU-{i}", 10m, "USD"))))], CancellationToken.None);
        await queue.EnqueueAsync(new SyncJobRequest(account, SyncJobKind.PushStock, "SKU-0", SyncPayload.Write(new StockPushPayload("SKU-0", 3))), CancellationToken.None);

        var summary = await feeds.DrainAccountAsync(account, CancellationToken.None);

        Assert.Equal(1_201, summary.Succeeded);
        Assert.Equal(1_200, Assert.Single(amazon.PriceCalls).Count);
        Assert.Single(amazon.InventoryCalls);
    }

    private async Task<int> CountAsync(SyncJobStatus status)
    {
        await using var context = db.CreateDbContext();
        return await context.SyncJobs.CountAsync(j => j.Status == status);
    }

    private SyncJobRequest Stock(string sku, int quantity) =>
        new(accountId, SyncJobKind.PushStock, sku, SyncPayload.Write(new StockPushPayload(sku, quantity)), SyncJobRequest.StockKey(accountId, sku));
}
