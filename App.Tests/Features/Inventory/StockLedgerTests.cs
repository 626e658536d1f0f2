using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Orders;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class StockLedgerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Actor Staff = new("u1", "staff@example.com");
    private readonly OrdersWorld world = new();

    [Fact]
    public async Task TheCachedTotals_AlwaysEqualTheSumOfTheMovements()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        await world.Ledger.AdjustAsync(variant, -2, "damaged", Staff, Ct);
        await world.Ledger.SetOnHandAsync(variant, 12, "stock take", Staff, StockMovementReason.ManualAdjustment, Ct);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 4))], OrderChangeSource.Import, Ct);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E2", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Shipped, OrdersWorld.Start.AddHours(1), ("MUG-BLUE", 4))], OrderChangeSource.Import, Ct);

        await using var db = world.Db.CreateDbContext();
        var sums = await db.StockMovements.Where(m => m.VariantId == variant)
            .GroupBy(m => m.VariantId).Select(g => new { OnHand = g.Sum(m => m.OnHandDelta), Reserved = g.Sum(m => m.ReservedDelta) }).SingleAsync();
        var level = await world.LevelAsync(variant);
        Assert.Equal((8, 1), (level.OnHand, level.Reserved));
        Assert.Equal((sums.OnHand, sums.Reserved), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task LineMovements_AreIdempotent_PerOrderLine()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 4))], OrderChangeSource.Import, Ct);
        long lineId;
        await using (var db = world.Db.CreateDbContext())
        {
            lineId = await db.OrderLines.Select(l => l.Id).SingleAsync();
        }

        Assert.False(await world.Ledger.ReserveForOrderLineAsync(lineId, Ct));
        Assert.True(await world.Ledger.ShipForOrderLineAsync(lineId, Ct));
        Assert.False(await world.Ledger.ShipForOrderLineAsync(lineId, Ct));
        Assert.False(await world.Ledger.ReleaseForOrderLineAsync(lineId, Ct));

        var level = await world.LevelAsync(variant);
        Assert.Equal((6, 0), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task AManualAdjustment_NeedsANote_AndIsAuditedWithTheUser()
    {
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 10);

        await Assert.ThrowsAsync<ArgumentException>(() => world.Ledger.AdjustAsync(variant, 5, " ", Staff, Ct));
        await world.Ledger.AdjustAsync(variant, 5, "delivery from supplier", Staff, Ct);

        await using var db = world.Db.CreateDbContext();
        var movement = await db.StockMovements.SingleAsync(m => m.Reason == StockMovementReason.ManualAdjustment);
        Assert.Equal((5, "delivery from supplier", "staff@example.com"), (movement.OnHandDelta, movement.Note, movement.UserName));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "stock.adjust");
        Assert.Equal(("u1", "MUG-BLUE"), (audit.UserId, audit.Subject));
        Assert.Equal(15, (await world.LevelAsync(variant)).OnHand);
    }
}
