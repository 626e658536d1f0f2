using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>What a PushShipment job carries.</summary>
public sealed record ShipmentPushPayload(long OrderId, string Carrier, string TrackingNumber, DateTime ShippedUtc);

/// <summary>
/// Tells the channel an order shipped (carrier and tracking) and records the channel's answer on the order and its
/// timeline. On success the order is Shipped here too, converting its reservation.
/// </summary>
public sealed class PushShipmentHandler(IDbContextFactory<AppDbContext> contexts, StockLedger ledger, TimeProvider clock, ILogger<PushShipmentHandler> logger) : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.PushShipment;

    public int BatchSize(ChannelCapabilities capabilities) => 1;

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var outcomes = new List<SyncJobOutcome>();
        foreach (var job in jobs)
        {
            var p = SyncPayload.Read<ShipmentPushPayload>(job);
            try
            {
                await context.Connector.MarkShippedAsync(context.Account, new Shipment(job.Target, p.Carrier, p.TrackingNumber, null, p.ShippedUtc), ct);
            }
            catch (ChannelException ex)
            {
                var message = SyncDispatcher.Describe(ex);
                logger.LogWarning("Shipment for order {OrderId} refused: {Code} {Message}", p.OrderId, ex.ErrorCode, ex.Message);
                await RecordAsync(p, false, $"The channel refused the shipment: {message}", ct);
                var retryable = ex is not ChannelValidationException and not ChannelNotFoundException;
                outcomes.Add(new SyncJobOutcome(job.Id, false, message, retryable, (ex as ChannelRateLimitException)?.RetryAfter));
                continue;
            }

            await RecordAsync(p, true, $"{p.Carrier} {p.TrackingNumber} accepted by the channel.", ct);
            outcomes.Add(SyncJobOutcome.Ok(job.Id));
        }

        return outcomes;
    }

    private async Task RecordAsync(ShipmentPushPayload p, bool succeeded, string message, CancellationToken ct)
    {
        var movements = new List<StockMovement>();
        int accountId;
        await using (var db = contexts.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == p.OrderId, ct);
            accountId = order.ChannelAccountId;
            var now = clock.GetUtcNow().UtcDateTime;
            order.ShipmentState = succeeded ? ShipmentPushState.Pushed : ShipmentPushState.Failed;
            order.ShipmentMessage = message.Length > 1000 ? message[..1000] : message;
            order.ShipmentUpdatedUtc = now;
            db.OrderEvents.Add(new OrderEvent { OrderId = order.Id, AtUtc = now, Kind = succeeded ? "ShipmentPushed" : "ShipmentFailed", Message = order.ShipmentMessage, Succeeded = succeeded });
            if (succeeded)
            {
                order.Carrier = p.Carrier;
                order.TrackingNumber = p.TrackingNumber;
                order.ShippedUtc = p.ShippedUtc;
                if (OrderStatusRules.CanMove(order.Status, OrderStatus.Shipped))
                {
                    db.OrderStatusChanges.Add(new OrderStatusChange
                    {
                        OrderId = order.Id, From = order.Status, To = OrderStatus.Shipped, RawStatus = order.RawStatus,
                        ChannelUpdatedUtc = order.ChannelUpdatedUtc, AtUtc = now, Source = OrderChangeSource.Shipment,
                    });
                    order.Status = OrderStatus.Shipped;
                    foreach (var line in order.Lines)
                    {
                        if (await ledger.ApplyForLineAsync(db, line, StockMovementReason.OrderShipped, ct) is { } m)
                        {
                            movements.Add(m);
                        }
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        await ledger.AfterCommitAsync(movements, ct);
    }
}
