using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

/// <summary>Orders and stock are dispatched as soon as they are queued, not at the next dispatch tick.</summary>
public sealed class DispatchOnSignalTests
{
    private readonly TestDatabase db = new();
    private readonly RecordingConnector channel = new(ChannelKind.Ebay, batchSize: 25);
    private readonly SyncDispatchSignal signal = new();
    private readonly SyncQueue queue;
    private readonly SyncDispatcher dispatcher;
    private readonly int accountId;

    public DispatchOnSignalTests()
    {
        // A dispatch tick far away: only the signal can explain a prompt push.
        var options = Options.Create(new SyncQueueOptions { DispatchInterval = TimeSpan.FromMinutes(10) });
        queue = new SyncQueue(db, options, TimeProvider.System, signal);
        dispatcher = new SyncDispatcher(queue, db, TestChannels.Registry(channel), [new PushStockHandler(), new PushPriceHandler(db)], options, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
        using var context = db.CreateDbContext();
        var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", Status = ChannelAccountStatus.Connected };
        context.ChannelAccounts.Add(account);
        context.SaveChanges();
        accountId = account.Id;
    }

    [Fact]
    public async Task AStockPush_RaisesTheSignal_APriceChangeDoesNot()
    {
        await queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.PushPrice, "SKU-1", "{}", SyncJobRequest.PriceKey(accountId, "SKU-1")), CancellationToken.None);
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        await queue.EnqueueAsync(Stock("SKU-1", 4), CancellationToken.None);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task AQueuedStockPush_ReachesTheChannelWithinASecond_WithoutATick()
    {
        using var service = new DispatchOnSignalService(signal, queue, dispatcher, NullLogger<DispatchOnSignalService>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await queue.EnqueueAsync(Stock("SKU-1", 4), CancellationToken.None);

            Assert.Equal(SyncJobStatus.Succeeded,
                await Eventually.ReadAsync(StatusAsync, s => s == SyncJobStatus.Succeeded, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20)));
            Assert.Equal(4, Assert.Single(Assert.Single(channel.InventoryCalls)).Quantity);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private async Task<SyncJobStatus> StatusAsync()
    {
        await using var context = db.CreateDbContext();
        return (await context.SyncJobs.SingleAsync()).Status;
    }

    private SyncJobRequest Stock(string sku, int quantity) =>
        new(accountId, SyncJobKind.PushStock, sku, SyncPayload.Write(new StockPushPayload(sku, quantity)), SyncJobRequest.StockKey(accountId, sku));
}
