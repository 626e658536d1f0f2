using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

public sealed record OrderLineView(long Id, string Sku, string? Title, int Quantity, long UnitPriceMinor, int? VariantId, int? ProductId, string? ProductName);

public sealed record TimelineEntry(DateTime AtUtc, string Title, string Detail, bool Succeeded);

public sealed record OrderDetail(
    long Id, string? OrderNumber, string ExternalOrderId, string Account, ChannelKind Channel, OrderStatus Status, string? RawStatus,
    string? BuyerName, ShippingAddress ShipTo, long TotalMinor, string Currency, DateTime PlacedUtc, DateTime ChannelUpdatedUtc,
    string? Carrier, string? TrackingNumber, ShipmentPushState ShipmentState, string? ShipmentMessage,
    IReadOnlyList<OrderLineView> Lines, IReadOnlyList<TimelineEntry> Timeline);

public sealed record UnmatchedSku(int AccountId, string Account, string Sku, string? Title, int Lines, int Orders);

public sealed record VariantOptionRow(int Id, string Sku, string ProductName)
{
    public override string ToString() => $"{Sku} · {ProductName}";
}

/// <summary>One order with its lines and timeline; the SKUs waiting to be mapped; the variant lookup.</summary>
public sealed class OrderDetails(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<OrderDetail?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var o = await db.Orders.AsNoTracking().Include(x => x.ChannelAccount).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null)
        {
            return null;
        }

        var lines = await (
                from l in db.OrderLines.AsNoTracking()
                where l.OrderId == id
                join v in db.Variants on l.VariantId equals v.Id into vs
                from v in vs.DefaultIfEmpty()
                orderby l.Id
                select new OrderLineView(l.Id, l.Sku, l.Title, l.Quantity, l.UnitPriceMinor, l.VariantId,
                    v == null ? null : v.ProductId, v == null ? null : v.Product!.Name))
            .ToListAsync(ct);
        var changes = await db.OrderStatusChanges.AsNoTracking().Where(c => c.OrderId == id).ToListAsync(ct);
        var events = await db.OrderEvents.AsNoTracking().Where(e => e.OrderId == id).ToListAsync(ct);
        var timeline = changes
            .Select(c => new TimelineEntry(c.AtUtc, c.From is null ? $"Imported as {c.To}" : $"{c.From} → {c.To}",
                $"Channel status {c.RawStatus} (updated {c.ChannelUpdatedUtc:u}, via {c.Source})", true))
            .Concat(events.Select(e => new TimelineEntry(e.AtUtc, e.Kind, e.Message, e.Succeeded)))
            .OrderBy(t => t.AtUtc)
            .ToList();
        return new OrderDetail(o.Id, o.OrderNumber, o.ExternalOrderId, o.ChannelAccount!.DisplayName, o.ChannelAccount.Channel, o.Status, o.RawStatus,
            o.BuyerName, o.ShipTo, o.TotalMinor, o.Currency, o.PlacedUtc, o.ChannelUpdatedUtc, o.Carrier, o.TrackingNumber,
            o.ShipmentState, o.ShipmentMessage, lines, timeline);
    }

    public async Task<int?> AccountOfAsync(long orderId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Orders.Where(o => o.Id == orderId).Select(o => (int?)o.ChannelAccountId).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<UnmatchedSku>> UnmatchedAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await (
                from l in db.OrderLines.AsNoTracking()
                where l.VariantId == null
                join o in db.Orders on l.OrderId equals o.Id
                group new { l, o } by new { o.ChannelAccountId, o.ChannelAccount!.DisplayName, l.Sku } into g
                orderby g.Count() descending
                select new UnmatchedSku(g.Key.ChannelAccountId, g.Key.DisplayName, g.Key.Sku, g.Max(x => x.l.Title), g.Count(),
                    g.Select(x => x.o.Id).Distinct().Count()))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<VariantOptionRow>> FindVariantsAsync(string? text, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.Variants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            q = q.Where(v => v.Sku.StartsWith(t) || v.Product!.Name.Contains(t));
        }

        return await q.OrderBy(v => v.Sku).Take(20).Select(v => new VariantOptionRow(v.Id, v.Sku, v.Product!.Name)).ToListAsync(ct);
    }
}
