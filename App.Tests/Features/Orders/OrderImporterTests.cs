using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Orders;

public sealed class OrderImporterTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly OrdersWorld world = new();

    [Fact]
    public async Task TheSamePageImportedTwice_LeavesOneOrder_OneSetOfLines_AndOneReservation()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        var page = new[] { OrdersWorld.Order("A1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 2)) };

        var first = await world.Importer.ImportAsync(account, page, OrderChangeSource.Import, Ct);
        var second = await world.Importer.ImportAsync(account, page, OrderChangeSource.Import, Ct);

        Assert.Equal(new OrderImportResult(1, 0, 0), first);
        Assert.Equal(new OrderImportResult(0, 0, 1), second);
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(1, await db.OrderLines.CountAsync());
        Assert.Equal(1, await db.StockMovements.CountAsync(m => m.Reason == StockMovementReason.OrderReserved));
        Assert.Equal(1, await db.OrderStatusChanges.CountAsync());
        var level = await world.LevelAsync(variant);
        Assert.Equal((10, 2), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task APageOfNewOrders_OnTwoSkus_KeepsTheCachedTotalsEqualToTheSumOfTheMovements()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, mug) = await world.AddProductAsync("MUG-RED", 100);
        var (_, cup) = await world.AddProductAsync("CUP-RED", 100, "Red cup");
        var page = Enumerable.Range(1, 30).Select(i => OrdersWorld.Order($"P{i}",
            i % 10 == 0 ? OrderStatus.Shipped : i % 7 == 0 ? OrderStatus.Cancelled : OrderStatus.Processing,
            OrdersWorld.Start, ("MUG-RED", 1 + (i % 3)), ("CUP-RED", 1))).ToList();

        var result = await world.Importer.ImportAsync(account, page, OrderChangeSource.Import, Ct);

        Assert.Equal(30, result.Created);
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(30, await db.OrderStatusChanges.CountAsync());
        foreach (var variant in new[] { mug, cup })
        {
            var movements = await db.StockMovements.Where(m => m.VariantId == variant).ToListAsync();
            var level = await world.LevelAsync(variant);
            Assert.Equal((movements.Sum(m => m.OnHandDelta), movements.Sum(m => m.ReservedDelta)), (level.OnHand, level.Reserved));
        }

        // 3 shipped (off on hand), 4 cancelled (nothing), 23 reserved; the cup is one unit per order.
        var cupLevel = await world.LevelAsync(cup);
        Assert.Equal((97, 23), (cupLevel.OnHand, cupLevel.Reserved));
        Assert.Equal(26, await db.StockMovements.CountAsync(m => m.VariantId == cup && m.OrderLineId != null));
    }

    [Fact]
    public async Task TheSameRefreshTwice_ThroughTheDispatcher_LeavesOneOrderAndOneReservation()
    {
        var account = await world.AddAccountAsync(ChannelKind.Amazon);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        world.Channels[ChannelKind.Amazon].Put(OrdersWorld.Order("114-1", OrderStatus.Pending, OrdersWorld.Start, ("MUG-BLUE", 3)));

        for (var i = 0; i < 2; i++)
        {
            await world.Scheduler.RefreshAsync(account, "114-1", Ct);
            await world.DrainAsync();
        }

        await using var db = world.Db.CreateDbContext();
        Assert.Equal(2, await db.SyncJobs.CountAsync(j => j.Kind == SyncJobKind.RefreshOrder && j.Status == SyncJobStatus.Succeeded));
        Assert.Equal(1, await db.Orders.CountAsync());
        Assert.Equal(1, await db.OrderLines.CountAsync());
        Assert.Equal(1, await db.StockMovements.CountAsync(m => m.Reason == StockMovementReason.OrderReserved));
        Assert.Equal(3, (await world.LevelAsync(variant)).Reserved);
    }

    [Fact]
    public async Task AShippedUpdate_FollowedByAStaleProcessingUpdate_LeavesTheOrderShipped_WithOneChangeInTheHistory()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        var t = OrdersWorld.Start;
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, t, ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);

        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Shipped, t.AddMinutes(30), ("MUG-BLUE", 1))], OrderChangeSource.Webhook, Ct);
        var stale = await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, t.AddMinutes(10), ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);

        Assert.Equal(1, stale.Unchanged);
        await using var db = world.Db.CreateDbContext();
        var order = await db.Orders.SingleAsync();
        Assert.Equal(OrderStatus.Shipped, order.Status);
        Assert.Equal(t.AddMinutes(30), order.ChannelUpdatedUtc);
        var history = await db.OrderStatusChanges.OrderBy(c => c.Id).Select(c => new { c.From, c.To }).ToListAsync();
        Assert.Equal(2, history.Count);
        Assert.Null(history[0].From);
        var change = Assert.Single(history, c => c.From is not null);
        Assert.Equal((OrderStatus?)OrderStatus.Processing, change.From);
        Assert.Equal(OrderStatus.Shipped, change.To);
        var level = await world.LevelAsync(variant);
        Assert.Equal((9, 0), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task ANewerUpdateWithAnEarlierStatus_DoesNotMoveTheOrderBack_AndCancelledIsTerminal()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.AddProductAsync("MUG-BLUE", 10);
        var t = OrdersWorld.Start;
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E2", OrderStatus.Cancelled, t, ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);

        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E2", OrderStatus.Processing, t.AddHours(1), ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);

        await using var db = world.Db.CreateDbContext();
        Assert.Equal(OrderStatus.Cancelled, (await db.Orders.SingleAsync()).Status);
        Assert.Equal(0, await db.StockMovements.CountAsync(m => m.OrderId != null));
    }

    [Fact]
    public async Task ALineAddedLater_IsAddedAndReservedOnce()
    {
        var account = await world.AddAccountAsync(ChannelKind.Shopify);
        var (_, mug) = await world.AddProductAsync("MUG-BLUE", 10);
        var (_, cup) = await world.AddProductAsync("CUP-RED", 10, "Red cup");
        var t = OrdersWorld.Start;
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("S1", OrderStatus.Pending, t, ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);
        var grown = OrdersWorld.Order("S1", OrderStatus.Pending, t.AddMinutes(2), ("MUG-BLUE", 1), ("CUP-RED", 2));

        await world.Importer.ImportAsync(account, [grown], OrderChangeSource.Import, Ct);
        await world.Importer.ImportAsync(account, [grown], OrderChangeSource.Import, Ct);

        await using var db = world.Db.CreateDbContext();
        Assert.Equal(2, await db.OrderLines.CountAsync());
        Assert.Equal((1, 2), ((await world.LevelAsync(mug)).Reserved, (await world.LevelAsync(cup)).Reserved));
    }

    [Fact]
    public async Task ACancellation_ReleasesTheReservation_Once()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 5);
        var t = OrdersWorld.Start;
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("T1", OrderStatus.Pending, t, ("MUG-BLUE", 2))], OrderChangeSource.Import, Ct);
        var cancelled = OrdersWorld.Order("T1", OrderStatus.Cancelled, t.AddMinutes(5), ("MUG-BLUE", 2));

        await world.Importer.ImportAsync(account, [cancelled], OrderChangeSource.Import, Ct);
        await world.Importer.ImportAsync(account, [cancelled], OrderChangeSource.Webhook, Ct);

        var level = await world.LevelAsync(variant);
        Assert.Equal((5, 0), (level.OnHand, level.Reserved));
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(1, await db.StockMovements.CountAsync(m => m.Reason == StockMovementReason.OrderCancelled));
    }

    [Fact]
    public async Task TwoOrdersForTheLastUnit_AreBothRecorded_AndTheSkuIsFlaggedOversold()
    {
        var tiktok = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var amazon = await world.AddAccountAsync(ChannelKind.Amazon);
        var (_, variant) = await world.AddProductAsync("MUG-LAST", 1);

        await Task.WhenAll(
            world.Importer.ImportAsync(tiktok, [OrdersWorld.Order("T9", OrderStatus.Processing, OrdersWorld.Start, ("MUG-LAST", 1))], OrderChangeSource.Import, Ct),
            world.Importer.ImportAsync(amazon, [OrdersWorld.Order("A9", OrderStatus.Processing, OrdersWorld.Start, ("MUG-LAST", 1))], OrderChangeSource.Import, Ct));

        var level = await world.LevelAsync(variant);
        Assert.Equal((1, 2, -1), (level.OnHand, level.Reserved, level.Available));
        Assert.True(level.Oversold);
        await using var db = world.Db.CreateDbContext();
        Assert.Equal(2, await db.Orders.CountAsync());
        Assert.Contains(await db.AuditEntries.Select(a => new { a.Action, a.Subject }).ToListAsync(), a => a.Action == "stock.oversold" && a.Subject == "MUG-LAST");
    }

    [Fact]
    public async Task AnUnmatchedSku_IsFlagged_MappedOnce_AndTheNextOrderWithItMatches()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E5", OrderStatus.Processing, OrdersWorld.Start, ("EBAY-MUG-01", 1))], OrderChangeSource.Import, Ct);
        var details = new OrderDetails(world.Db);

        var unmatched = Assert.Single(await details.UnmatchedAsync(Ct));
        Assert.Equal((account, "EBAY-MUG-01", 1), (unmatched.AccountId, unmatched.Sku, unmatched.Lines));
        Assert.Equal(0, (await world.LevelAsync(variant)).Reserved);

        var matched = await world.Mappings.MapAsync(account, "EBAY-MUG-01", variant, new Actor("u1", "staff@example.com"), Ct);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E6", OrderStatus.Processing, OrdersWorld.Start, ("EBAY-MUG-01", 2))], OrderChangeSource.Import, Ct);

        Assert.Equal(1, matched);
        Assert.Empty(await details.UnmatchedAsync(Ct));
        await using var db = world.Db.CreateDbContext();
        Assert.All(await db.OrderLines.ToListAsync(), l => Assert.Equal(variant, l.VariantId));
        Assert.Equal(1, await db.SkuMappings.CountAsync());
        Assert.Equal(3, (await world.LevelAsync(variant)).Reserved);
    }

    [Fact]
    public async Task EraseBuyerData_BlanksPersonalFields_OnThatBuyersOrdersOnly()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var other = OrdersWorld.Order("E8", OrderStatus.Processing, OrdersWorld.Start) with { BuyerName = "Bo Other", BuyerUsername = "bo" };
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E7", OrderStatus.Processing, OrdersWorld.Start), other], OrderChangeSource.Import, Ct);

        var erased = await world.Eraser.EraseBuyerDataAsync(account, "ada", Ct);

        Assert.Equal(1, erased);
        await using var db = world.Db.CreateDbContext();
        var orders = await db.Orders.ToDictionaryAsync(o => o.ExternalOrderId);
        var ada = orders["E7"];
        Assert.Null(ada.BuyerName);
        Assert.Null(ada.BuyerUsername);
        Assert.Null(ada.ShipTo.Name);
        Assert.Null(ada.ShipTo.Line1);
        Assert.Null(ada.ShipTo.Phone);
        Assert.Equal("N-E7", ada.OrderNumber);
        var bo = orders["E8"];
        Assert.Equal("Bo Other", bo.BuyerName);
        Assert.Equal("bo", bo.BuyerUsername);
        Assert.Equal("1 Main St", bo.ShipTo.Line1);
        Assert.Equal("+1 555 0100", bo.ShipTo.Phone);
    }
}
