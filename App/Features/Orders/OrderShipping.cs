using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

public sealed record ShipRequest(string Carrier, string TrackingNumber);

public sealed record ShipOutcome(bool Queued, string Message);

/// <summary>One CSV row's verdict: the order it names and whether it can ship, with the reason when not.</summary>
public sealed record ShipCsvRow(int RowNumber, string OrderNumber, string Carrier, string TrackingNumber, long? OrderId, string? Error)
{
    public bool Valid => Error is null && OrderId is not null;
}

/// <summary>Queues shipments through the sync engine (PushShipment), from the order page or a CSV of many.</summary>
public sealed partial class OrderShipping(IDbContextFactory<AppDbContext> contexts, SyncQueue queue, TimeProvider clock)
{
    public static string? CheckCarrier(string? carrier) =>
        string.IsNullOrWhiteSpace(carrier) ? "Enter the carrier." : carrier.Trim().Length > 100 ? "The carrier name is too long." : null;

    public static string? CheckTracking(string? tracking) =>
        string.IsNullOrWhiteSpace(tracking) ? "Enter the tracking number."
        : !TrackingPattern().IsMatch(tracking.Trim()) ? "A tracking number is 5–40 letters, digits or dashes." : null;

    public async Task<ShipOutcome> QueueAsync(long orderId, ShipRequest request, string? user, CancellationToken ct)
    {
        var error = CheckCarrier(request.Carrier) ?? CheckTracking(request.TrackingNumber);
        if (error is not null)
        {
            return new ShipOutcome(false, error);
        }

        await using var db = contexts.CreateDbContext();
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return new ShipOutcome(false, "That order no longer exists.");
        }

        if (CannotShip(order) is { } reason)
        {
            return new ShipOutcome(false, reason);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var payload = new ShipmentPushPayload(order.Id, request.Carrier.Trim(), request.TrackingNumber.Trim(), now);
        order.ShipmentState = ShipmentPushState.Queued;
        order.ShipmentMessage = $"{payload.Carrier} {payload.TrackingNumber} queued for the channel.";
        order.ShipmentUpdatedUtc = now;
        db.OrderEvents.Add(new OrderEvent { OrderId = order.Id, AtUtc = now, Kind = "ShipmentQueued", Message = $"{order.ShipmentMessage} By {user ?? "system"}." });
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(new SyncJobRequest(order.ChannelAccountId, SyncJobKind.PushShipment, order.ExternalOrderId,
            SyncPayload.Write(payload), $"ship:{order.Id}"), ct);
        return new ShipOutcome(true, order.ShipmentMessage);
    }

    /// <summary>Checks every row before anything is queued: format, the order's existence and whether it can ship.</summary>
    public async Task<IReadOnlyList<ShipCsvRow>> ValidateCsvAsync(string csv, CancellationToken ct)
    {
        var parsed = ShipmentCsv.Parse(csv);
        var numbers = parsed.Select(r => r.OrderNumber).Where(n => n.Length > 0).Distinct().ToList();
        await using var db = contexts.CreateDbContext();
        var orders = await db.Orders.AsNoTracking()
            .Where(o => numbers.Contains(o.OrderNumber!))
            .Select(o => new { o.Id, o.OrderNumber, o.Status, o.ShipmentState })
            .ToListAsync(ct);
        var seen = new HashSet<string>();
        return parsed.Select(r =>
        {
            var matches = orders.Where(o => o.OrderNumber == r.OrderNumber).ToList();
            var error = r.Error
                ?? (r.OrderNumber.Length == 0 ? "The order number is missing." : null)
                ?? CheckCarrier(r.Carrier) ?? CheckTracking(r.TrackingNumber)
                ?? (matches.Count == 0 ? $"No order {r.OrderNumber}." : null)
                ?? (matches.Count > 1 ? $"Order number {r.OrderNumber} exists on several channels; ship it from its page." : null)
                ?? (!seen.Add(r.OrderNumber) ? $"Order {r.OrderNumber} appears twice in the file." : null)
                ?? (matches[0].Status == OrderStatus.Cancelled ? "The order is cancelled." : null)
                ?? (matches[0].ShipmentState is ShipmentPushState.Queued or ShipmentPushState.Pushed ? "The order already has a shipment." : null);
            return new ShipCsvRow(r.RowNumber, r.OrderNumber, r.Carrier, r.TrackingNumber, matches.Count == 1 ? matches[0].Id : null, error);
        }).ToList();
    }

    public async Task<int> QueueRowsAsync(IEnumerable<ShipCsvRow> rows, string? user, CancellationToken ct)
    {
        var queued = 0;
        foreach (var row in rows.Where(r => r.Valid))
        {
            if ((await QueueAsync(row.OrderId!.Value, new ShipRequest(row.Carrier, row.TrackingNumber), user, ct)).Queued)
            {
                queued++;
            }
        }

        return queued;
    }

    private static string? CannotShip(Order order) =>
        order.Status == OrderStatus.Cancelled ? "The order is cancelled; it cannot ship."
        : order.ShipmentState is ShipmentPushState.Queued ? "A shipment for this order is already on its way to the channel."
        : order.ShipmentState is ShipmentPushState.Pushed ? "The channel already has this order's shipment."
        : null;

    [GeneratedRegex("^[A-Za-z0-9-]{5,40}$")]
    private static partial Regex TrackingPattern();
}

/// <summary>Reads "order number, carrier, tracking" rows; quoted fields and a header row are allowed.</summary>
public static class ShipmentCsv
{
    public sealed record Row(int RowNumber, string OrderNumber, string Carrier, string TrackingNumber, string? Error);

    public static IReadOnlyList<Row> Parse(string csv)
    {
        var rows = new List<Row>();
        var lines = csv.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = Fields(lines[i]);
            if (i == 0 && fields[0].Replace(" ", "").Replace("_", "").Equals("ordernumber", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            rows.Add(fields.Count == 3
                ? new Row(i + 1, fields[0], fields[1], fields[2], null)
                : new Row(i + 1, fields.ElementAtOrDefault(0) ?? "", fields.ElementAtOrDefault(1) ?? "", fields.ElementAtOrDefault(2) ?? "",
                    $"Expected 3 columns (order number, carrier, tracking), found {fields.Count}."));
        }

        return rows;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString().Trim());
        return fields;
    }
}
