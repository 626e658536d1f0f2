using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Orders;

public sealed class ImportOrdersHandlerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly OrdersWorld world = new(new OrderImportOptions { PageSize = 2 });

    [Fact]
    public async Task TheWatermark_AdvancesOnlyAfterACommittedPage_AndARerunImportsTheRestWithoutDuplicates()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        await world.AddProductAsync("MUG-BLUE", 50);
        var channel = world.Channels[ChannelKind.TikTokShop];
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"T{i}", OrderStatus.Processing, OrdersWorld.Start.AddMinutes(-60 + i), ("MUG-BLUE", 1)));
        }

        channel.FailListCall = 2;
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        Assert.Equal(OrdersWorld.Start.AddMinutes(-58), cursor.WatermarkUtc);
        Assert.Contains("bad minute", cursor.LastError);
        Assert.Null(cursor.LastSuccessUtc);
        Assert.Equal(2, await CountAsync<Order>());

        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await world.DrainAsync();

        cursor = await CursorAsync(account);
        Assert.Null(cursor.LastError);
        Assert.Equal(world.Clock.GetUtcNow().UtcDateTime, cursor.LastSuccessUtc);
        // The rerun went on from the failed page (calls 3 and 4) and ended the first run's window.
        Assert.Equal(4, channel.ListCalls);
        Assert.Equal(OrdersWorld.Start.AddMinutes(1), cursor.WatermarkUtc);
        Assert.Null(cursor.RunPageCursor);
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(["T1", "T2", "T3", "T4", "T5"], await db.Orders.OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync());
        Assert.Equal(5, await db.StockMovements.CountAsync(m => m.OrderLineId != null));
    }

    [Fact]
    public async Task AChannelWithoutAnUpdateOrder_KeepsTheOldWatermarkAfterAFailedPage_AndTheRerunImportsEverythingOnce()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.AddProductAsync("MUG-BLUE", 50);
        var channel = world.Channels[ChannelKind.Ebay];
        channel.PromisesUpdateOrder = false;
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"E{i}", OrderStatus.Processing, OrdersWorld.Start.AddMinutes(-60 + i), ("MUG-BLUE", 1)));
        }

        channel.FailListCall = 2;
        world.Clock.Advance(TimeSpan.FromMinutes(1));

        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        Assert.Null(cursor.WatermarkUtc);
        Assert.Equal(2, await CountAsync<Order>());

        world.Clock.Advance(TimeSpan.FromMinutes(30));
        await world.DrainAsync();

        cursor = await CursorAsync(account);
        // The rerun went on from the failed page (calls 3 and 4) and ended the first run's window.
        Assert.Equal(4, channel.ListCalls);
        Assert.Equal(OrdersWorld.Start.AddMinutes(1), cursor.WatermarkUtc);
        Assert.Null(cursor.RunPageCursor);
        Assert.Equal(5, await CountAsync<Order>());
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(5, await db.StockMovements.CountAsync(m => m.OrderLineId != null));
    }

    [Fact]
    public async Task ARunCutShortLongAgo_StartsOver_RatherThanTrustAnOldPageCursor()
    {
        var account = await world.AddAccountAsync(ChannelKind.Amazon);
        await world.AddProductAsync("MUG-BLUE", 50);
        var channel = world.Channels[ChannelKind.Amazon];
        channel.PromisesUpdateOrder = false;
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"A{i}", OrderStatus.Processing, OrdersWorld.Start.AddMinutes(-60 + i), ("MUG-BLUE", 1)));
        }

        channel.FailListCall = 2;
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();
        Assert.NotNull((await CursorAsync(account)).RunPageCursor);

        world.Clock.Advance(new OrderImportOptions().ResumeWithin + TimeSpan.FromMinutes(1));
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        // Two calls the first time, then the whole window again from its first page: three more.
        Assert.Equal(5, channel.ListCalls);
        Assert.Equal(cursor.LastRunUtc, cursor.WatermarkUtc);
        Assert.Equal(5, await CountAsync<Order>());
    }

    [Fact]
    public async Task ASavedPageCursorTheChannelRefuses_IsDropped_AndTheWindowIsReadAgainFromTheStart()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.AddProductAsync("MUG-BLUE", 50);
        var channel = world.Channels[ChannelKind.Ebay];
        channel.PromisesUpdateOrder = false;
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"R{i}", OrderStatus.Processing, OrdersWorld.Start.AddMinutes(-60 + i), ("MUG-BLUE", 1)));
        }

        channel.FailListCall = 2;
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();
        channel.RejectedCursor = (await CursorAsync(account)).RunPageCursor;

        for (var i = 0; i < 3; i++)
        {
            world.Clock.Advance(TimeSpan.FromMinutes(30));
            await world.DrainAsync();
        }

        var cursor = await CursorAsync(account);
        Assert.Equal(1, channel.Rejections);
        Assert.Null(cursor.LastError);
        Assert.Null(cursor.RunPageCursor);
        Assert.Equal(5, await CountAsync<Order>());
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(5, await db.StockMovements.CountAsync(m => m.OrderLineId != null));
    }

    [Fact]
    public async Task AChannelThatRepeatsANextPageCursor_StopsTheRun_WithTheReason_AndForgetsTheCursor()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var channel = world.Channels[ChannelKind.TikTokShop];
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"L{i}", OrderStatus.Pending, OrdersWorld.Start.AddMinutes(-60 + i)));
        }

        channel.RepeatedCursor = "2";
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        // Page one (cursor none → "2"), page two ("2" → "2" again): the run stops there rather than ask for "2" a third time.
        Assert.Equal(2, channel.ListCalls);
        Assert.Contains("next-page cursor it had already given in this run (after 2 pages)", cursor.LastError);
        Assert.Null(cursor.RunPageCursor);
        Assert.Null(cursor.LastSuccessUtc);
        Assert.Equal(["L1", "L2"], await ExternalIdsAsync());
    }

    [Fact]
    public async Task ARunStopsAtThePageCap_KeepingItsCursor_AndTheNextRunGoesOnFromThere()
    {
        world.ImportOptions.MaxPagesPerRun = 2;
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var channel = world.Channels[ChannelKind.TikTokShop];
        for (var i = 1; i <= 5; i++)
        {
            channel.Put(OrdersWorld.Order($"C{i}", OrderStatus.Pending, OrdersWorld.Start.AddMinutes(-60 + i)));
        }

        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        Assert.Equal(2, channel.ListCalls);
        Assert.Equal("4", cursor.RunPageCursor);
        Assert.Null(cursor.LastError);
        Assert.Equal(["C1", "C2", "C3", "C4"], await ExternalIdsAsync());

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        cursor = await CursorAsync(account);
        Assert.Equal(3, channel.ListCalls);
        Assert.Null(cursor.RunPageCursor);
        Assert.Equal(["C1", "C2", "C3", "C4", "C5"], await ExternalIdsAsync());
    }

    [Fact]
    public async Task TheNextRun_ReadsFromTheWatermarkLessTheOverlapWindow()
    {
        var account = await world.AddAccountAsync(ChannelKind.Amazon);
        var channel = world.Channels[ChannelKind.Amazon];
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();
        var firstWatermark = (await CursorAsync(account)).WatermarkUtc!.Value;

        // Updated 5 minutes before the watermark, indexed by the channel only now: the overlap window catches it.
        channel.Put(OrdersWorld.Order("late", OrderStatus.Pending, firstWatermark.AddMinutes(-5)));
        world.Clock.Advance(TimeSpan.FromSeconds(120));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();

        Assert.Equal(1, await CountAsync<Order>());
    }

    [Fact]
    public async Task TheScheduler_CountsARunThatStartedJustAfterTheLastTick_AsDueOneIntervalLater()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        await using (var db = world.Db.CreateDbContext())
        {
            // Queued at the tick 120 s ago, started 300 ms later: at this tick it is 119.7 s old.
            db.OrderImportCursors.Add(new OrderImportCursor { ChannelAccountId = account, LastRunUtc = OrdersWorld.Start.AddSeconds(-119.7) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await world.Scheduler.EnqueueDueAsync(Ct));
    }

    [Fact]
    public async Task TheScheduler_QueuesOnlyAccountsWhoseIntervalHasPassed_OneJobEach()
    {
        var due = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var notDue = await world.AddAccountAsync(ChannelKind.Amazon);
        await using (var db = world.Db.CreateDbContext())
        {
            db.OrderImportCursors.Add(new OrderImportCursor { ChannelAccountId = due, LastRunUtc = OrdersWorld.Start.AddSeconds(-130) });
            db.OrderImportCursors.Add(new OrderImportCursor { ChannelAccountId = notDue, LastRunUtc = OrdersWorld.Start.AddSeconds(-30) });
            await db.SaveChangesAsync();
        }

        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.Scheduler.EnqueueDueAsync(Ct);

        await using var check = world.Db.CreateDbContext();
        var jobs = await check.SyncJobs.Where(j => j.Kind == SyncJobKind.ImportOrders).ToListAsync();
        var job = Assert.Single(jobs);
        Assert.Equal(due, job.ChannelAccountId);
    }

    [Fact]
    public async Task ARescan_ReadsTheLastHoursAgain_WithoutDuplicates_AndWithoutMovingTheWatermarkBack()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var channel = world.Channels[ChannelKind.Ebay];
        channel.Put(OrdersWorld.Order("E1", OrderStatus.Pending, OrdersWorld.Start.AddHours(-2)));
        await world.Scheduler.EnqueueDueAsync(Ct);
        await world.DrainAsync();
        var watermark = (await CursorAsync(account)).WatermarkUtc;
        // An order the channel back-dated three hours: only a re-scan finds it.
        channel.Put(OrdersWorld.Order("E0", OrderStatus.Pending, OrdersWorld.Start.AddHours(-3)));

        await world.Scheduler.RescanAsync(account, 4, Ct);
        await world.DrainAsync();

        var cursor = await CursorAsync(account);
        Assert.Equal(watermark, cursor.WatermarkUtc);
        Assert.Null(cursor.RescanFromUtc);
        Assert.Equal(2, await CountAsync<Order>());
    }

    private async Task<OrderImportCursor> CursorAsync(int account)
    {
        await using var db = world.Db.CreateDbContext();
        return await db.OrderImportCursors.AsNoTracking().SingleAsync(c => c.ChannelAccountId == account);
    }

    private async Task<List<string>> ExternalIdsAsync()
    {
        await using var db = world.Db.CreateDbContext();
        return await db.Orders.OrderBy(o => o.ExternalOrderId).Select(o => o.ExternalOrderId).ToListAsync();
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = world.Db.CreateDbContext();
        return await db.Set<T>().CountAsync();
    }
}
