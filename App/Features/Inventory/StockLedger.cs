using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Orders;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// The one place stock changes. Every change is a <see cref="StockMovement"/>; the variant's cached totals move in the
/// same transaction by the same delta (an SQL increment, so two writers never overwrite each other). Order movements
/// are idempotent per order line: a duplicate import, refresh or webhook finds the movement already there.
/// A sale is never refused for lack of stock: available may go negative, which is flagged as oversold.
/// </summary>
public sealed class StockLedger(
    IDbContextFactory<AppDbContext> contexts,
    StockPushes pushes,
    AuditLog audit,
    TimeProvider clock,
    ILogger<StockLedger> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A manual change of on hand by <paramref name="delta"/>; the note says why, the audit says who.</summary>
    public async Task<StockLevel> AdjustAsync(int variantId, int delta, string note, Actor user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("A manual adjustment needs a note saying why.", nameof(note));
        }

        var level = await RecordManualAsync(variantId, _ => delta, StockMovementReason.ManualAdjustment, note.Trim(), user, ct);
        await audit.RecordAsync(user.UserId, user.UserName, "stock.adjust", level.Sku, $"{delta:+#;-#;0} on hand: {note.Trim()}", ct);
        return level;
    }

    /// <summary>Sets on hand to a counted figure by recording the difference (a stock take or a feed import).</summary>
    public async Task<StockLevel> SetOnHandAsync(int variantId, int onHand, string? note, Actor user, StockMovementReason reason, CancellationToken ct)
    {
        var level = await RecordManualAsync(variantId, current => onHand - current, reason, note, user, ct);
        if (reason == StockMovementReason.ManualAdjustment)
        {
            await audit.RecordAsync(user.UserId, user.UserName, "stock.set", level.Sku, $"on hand set to {onHand}: {note}", ct);
        }

        return level;
    }

    public Task<bool> ReserveForOrderLineAsync(long orderLineId, CancellationToken ct) => ForLineAsync(orderLineId, StockMovementReason.OrderReserved, ct);

    public Task<bool> ReleaseForOrderLineAsync(long orderLineId, CancellationToken ct) => ForLineAsync(orderLineId, StockMovementReason.OrderCancelled, ct);

    public Task<bool> ShipForOrderLineAsync(long orderLineId, CancellationToken ct) => ForLineAsync(orderLineId, StockMovementReason.OrderShipped, ct);

    public async Task<StockLevel?> LevelAsync(int variantId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await LevelsQuery(db, [variantId]).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Applies an order movement inside the caller's transaction. Returns the movement written, or null when the line
    /// has no variant yet or the movement is already recorded (or no longer applies: a shipped line is not released).
    /// </summary>
    internal async Task<StockMovement?> ApplyForLineAsync(AppDbContext db, OrderLine line, StockMovementReason reason, CancellationToken ct)
    {
        var earlier = await db.StockMovements
            .Where(m => m.OrderLineId == line.Id)
            .Select(m => new { m.Reason, m.VariantId, m.ReservedDelta, m.Sku })
            .ToListAsync(ct);
        var reservation = earlier.FirstOrDefault(m => m.Reason == StockMovementReason.OrderReserved);
        var closed = earlier.Any(m => m.Reason is StockMovementReason.OrderCancelled or StockMovementReason.OrderShipped);
        StockMovement? movement = reason switch
        {
            StockMovementReason.OrderReserved when earlier.Count == 0 && line.VariantId is { } variantId =>
                NewLineMovement(line, variantId, line.Sku, 0, line.Quantity, reason),
            StockMovementReason.OrderCancelled when reservation is not null && !closed =>
                NewLineMovement(line, reservation.VariantId, reservation.Sku, 0, -reservation.ReservedDelta, reason),
            // Shipping converts the reservation; a line first seen already shipped takes the units straight off on hand.
            StockMovementReason.OrderShipped when !closed && reservation is not null =>
                NewLineMovement(line, reservation.VariantId, reservation.Sku, -reservation.ReservedDelta, -reservation.ReservedDelta, reason),
            StockMovementReason.OrderShipped when earlier.Count == 0 && line.VariantId is { } variantId =>
                NewLineMovement(line, variantId, line.Sku, -line.Quantity, 0, reason),
            _ => null,
        };
        if (movement is not null)
        {
            await WriteAsync(db, movement, ct);
        }

        return movement;
    }

    /// <summary>
    /// The first movement of each of many order lines just inserted in the caller's transaction (so none has a movement
    /// yet): a reservation, or for a line first seen shipped the units off on hand. The movements go in one insert
    /// round and each variant's cached totals move once by their sum, in the same transaction.
    /// </summary>
    internal async Task<IReadOnlyList<StockMovement>> ApplyForNewLinesAsync(AppDbContext db, IReadOnlyList<(OrderLine Line, StockMovementReason Reason)> lines, CancellationToken ct)
    {
        var movements = lines
            .Where(l => l.Line.VariantId is not null && l.Reason is StockMovementReason.OrderReserved or StockMovementReason.OrderShipped)
            .Select(l => l.Reason == StockMovementReason.OrderReserved
                ? NewLineMovement(l.Line, l.Line.VariantId!.Value, l.Line.Sku, 0, l.Line.Quantity, l.Reason)
                : NewLineMovement(l.Line, l.Line.VariantId!.Value, l.Line.Sku, -l.Line.Quantity, 0, l.Reason))
            .ToList();
        if (movements.Count == 0)
        {
            return movements;
        }

        await db.InsertRowsAsync(movements, ct);
        foreach (var variant in movements.GroupBy(m => m.VariantId))
        {
            int onHand = variant.Sum(m => m.OnHandDelta), reserved = variant.Sum(m => m.ReservedDelta);
            await db.Variants.Where(v => v.Id == variant.Key).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.StockOnHand, v => v.StockOnHand + onHand)
                .SetProperty(v => EF.Property<int>(v, VariantStock.Reserved), v => EF.Property<int>(v, VariantStock.Reserved) + reserved), ct);
        }

        return movements;
    }

    /// <summary>Flags variants whose available went below zero: logged and audited so staff can act on the oversell.</summary>
    internal async Task FlagOversoldAsync(IReadOnlyCollection<int> variantIds, CancellationToken ct)
    {
        if (variantIds.Count == 0)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        var levels = await LevelsQuery(db, variantIds).ToListAsync(ct);
        foreach (var level in levels.Where(l => l.Oversold))
        {
            logger.LogWarning("Oversold: {Sku} has {OnHand} on hand and {Reserved} reserved", level.Sku, level.OnHand, level.Reserved);
            await audit.RecordAsync(null, "system", "stock.oversold", level.Sku, $"Available {level.Available}: {level.OnHand} on hand, {level.Reserved} reserved.", ct);
        }
    }

    internal static IQueryable<StockLevel> LevelsQuery(AppDbContext db, IReadOnlyCollection<int> variantIds) =>
        db.Variants.AsNoTracking()
            .Where(v => variantIds.Contains(v.Id))
            .Select(v => new StockLevel(v.Id, v.Sku, v.StockOnHand, EF.Property<int>(v, VariantStock.Reserved)));

    private async Task<bool> ForLineAsync(long orderLineId, StockMovementReason reason, CancellationToken ct)
    {
        StockMovement? movement;
        await using (var db = contexts.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var line = await db.OrderLines.SingleOrDefaultAsync(l => l.Id == orderLineId, ct)
                ?? throw new InvalidOperationException($"Order line {orderLineId} does not exist.");
            movement = await ApplyForLineAsync(db, line, reason, ct);
            await tx.CommitAsync(ct);
        }

        if (movement is null)
        {
            return false;
        }

        await AfterCommitAsync([movement], ct);
        return true;
    }

    /// <summary>Pushes the new quantity to the channels and flags an oversell, once the movements are committed.</summary>
    internal async Task AfterCommitAsync(IReadOnlyCollection<StockMovement> movements, CancellationToken ct)
    {
        // The channel a sale came from already took the units off its own count, but a push of ours sent between that
        // sale and our import of it (a sale elsewhere, while this channel is polled) set its count back without the
        // sale. Pushes are absolute, so the source hears the figure after the sale too; without this the soak found
        // Amazon showing up to 24 units more than the portal.
        var changed = movements.Where(m => m.OnHandDelta - m.ReservedDelta != 0).Select(m => m.VariantId).ToHashSet();
        await pushes.EnqueueAsync(changed, ct);
        await FlagOversoldAsync(changed, ct);
    }

    private async Task<StockLevel> RecordManualAsync(int variantId, Func<int, int> delta, StockMovementReason reason, string? note, Actor user, CancellationToken ct)
    {
        StockMovement movement;
        await using (var db = contexts.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var current = await LevelsQuery(db, [variantId]).SingleOrDefaultAsync(ct)
                ?? throw new InvalidOperationException($"Variant {variantId} does not exist.");
            movement = new StockMovement
            {
                VariantId = variantId,
                Sku = current.Sku,
                OnHandDelta = delta(current.OnHand),
                Reason = reason,
                Note = note,
                UserId = user.UserId,
                UserName = user.UserName,
                AtUtc = Now,
            };
            await WriteAsync(db, movement, ct);
            await tx.CommitAsync(ct);
        }

        await AfterCommitAsync([movement], ct);
        return await LevelAsync(variantId, ct) ?? throw new InvalidOperationException($"Variant {variantId} disappeared.");
    }

    private StockMovement NewLineMovement(OrderLine line, int variantId, string sku, int onHand, int reserved, StockMovementReason reason) => new()
    {
        VariantId = variantId,
        Sku = sku,
        OnHandDelta = onHand,
        ReservedDelta = reserved,
        Reason = reason,
        OrderId = line.OrderId,
        OrderLineId = line.Id,
        AtUtc = Now,
    };

    /// <summary>The movement and the cached totals, in the caller's transaction: the totals never drift from the sum.</summary>
    private static async Task WriteAsync(AppDbContext db, StockMovement movement, CancellationToken ct)
    {
        db.StockMovements.Add(movement);
        await db.SaveChangesAsync(ct);
        int onHand = movement.OnHandDelta, reserved = movement.ReservedDelta;
        await db.Variants.Where(v => v.Id == movement.VariantId).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.StockOnHand, v => v.StockOnHand + onHand)
            .SetProperty(v => EF.Property<int>(v, VariantStock.Reserved), v => EF.Property<int>(v, VariantStock.Reserved) + reserved), ct);
    }
}
