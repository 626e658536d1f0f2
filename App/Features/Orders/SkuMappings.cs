using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Inventory;

namespace SellerPortal.Features.Orders;

/// <summary>
/// Maps a channel SKU to a variant once, for all future orders of that account, and matches the lines already
/// waiting on it (reserving or shipping their stock as their order's status says).
/// </summary>
public sealed class SkuMappings(IDbContextFactory<AppDbContext> contexts, StockLedger ledger, AuditLog audit, TimeProvider clock)
{
    public async Task<int> MapAsync(int accountId, string channelSku, int variantId, Actor user, CancellationToken ct)
    {
        var movements = new List<StockMovement>();
        int matched;
        await using (var db = contexts.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Variants.AnyAsync(v => v.Id == variantId, ct))
            {
                throw new InvalidOperationException($"Variant {variantId} does not exist.");
            }

            var mapping = await db.SkuMappings.SingleOrDefaultAsync(m => m.ChannelAccountId == accountId && m.ChannelSku == channelSku, ct);
            if (mapping is null)
            {
                db.SkuMappings.Add(mapping = new SkuMapping { ChannelAccountId = accountId, ChannelSku = channelSku, VariantId = variantId });
            }

            mapping.VariantId = variantId;
            mapping.CreatedUtc = clock.GetUtcNow().UtcDateTime;
            mapping.CreatedBy = user.UserName;
            var waiting = await (
                    from l in db.OrderLines
                    join o in db.Orders on l.OrderId equals o.Id
                    where o.ChannelAccountId == accountId && l.Sku == channelSku && l.VariantId == null
                    select new { Line = l, o.Status })
                .ToListAsync(ct);
            foreach (var w in waiting)
            {
                w.Line.VariantId = variantId;
                await db.SaveChangesAsync(ct);
                var reason = OrderStatusRules.IsOpen(w.Status) ? StockMovementReason.OrderReserved
                    : OrderStatusRules.HasLeft(w.Status) ? StockMovementReason.OrderShipped
                    : (StockMovementReason?)null;
                if (reason is { } r && await ledger.ApplyForLineAsync(db, w.Line, r, ct) is { } m)
                {
                    movements.Add(m);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            matched = waiting.Count;
        }

        await ledger.AfterCommitAsync(movements, ct);
        await audit.RecordAsync(user.UserId, user.UserName, "orders.map-sku", channelSku, $"Account {accountId}: mapped to variant {variantId}; {matched} waiting line(s) matched.", ct);
        return matched;
    }
}
