using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// What one channel was sent for a SKU. <see cref="Drift"/>: it showed another quantity when read back;
/// <see cref="PriceDrift"/>: another price than the rule's; <see cref="ListingDrift"/>: we think it live, it shows it inactive or not at all.
/// </summary>
public sealed record ChannelPushCell(
    string Account, ChannelKind Channel, int? LastPushedQuantity, bool? Succeeded, bool Drift,
    int? ReadBackQuantity = null, bool PriceDrift = false, bool ListingDrift = false, int? FulfilledByChannel = null)
{
    public bool AnyDrift => Drift || PriceDrift || ListingDrift;
}

public sealed record InventoryRow(int VariantId, string Sku, string ProductName, int OnHand, int Reserved, IReadOnlyList<ChannelPushCell> Channels)
{
    public int Available => OnHand - Reserved;
}

public sealed record ReservationRow(long OrderId, string? OrderNumber, string Account, int Quantity);

public sealed record ChannelFigure(
    string Account, ChannelKind Channel, int Buffer, int? Cap, int ShouldShow,
    int? LastPushedQuantity, DateTime? LastPushedUtc, bool? LastPushSucceeded, string? LastPushAnswer,
    int? LastReadBackQuantity, DateTime? LastReadBackUtc, bool Drift,
    Money? ShouldPrice = null, Money? ReadBackPrice = null, bool PriceDrift = false, string? ChannelStatus = null, bool ListingDrift = false,
    int? FulfilledByChannel = null, DateTime? FulfilledByChannelUtc = null);

/// <summary>Every figure behind the quantity a channel shows for one SKU.</summary>
public sealed record StockExplanation(
    int VariantId, string Sku, string ProductName, int OnHand, int Reserved,
    IReadOnlyList<ReservationRow> Reservations, IReadOnlyList<ChannelFigure> Channels)
{
    public int Available => OnHand - Reserved;
}

/// <summary>An account whose last listing read-back failed, and why.</summary>
public sealed record ReconcileFailure(string Account, ChannelKind Channel, DateTime? LastRunUtc, DateTime? LastSuccessUtc, string Error);

public enum InventorySort
{
    Sku,
    OnHand,
    Available,
}

/// <summary>Read models for the inventory page: the SKU grid (paged in SQL) and "why this number".</summary>
public sealed class InventoryOverview(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<(IReadOnlyList<InventoryRow> Rows, int Total)> SearchAsync(string? text, bool oversoldOnly, InventorySort sort, bool descending, int page, int pageSize, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.Variants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            q = q.Where(v => v.Sku.StartsWith(t) || v.Product!.Name.Contains(t));
        }

        if (oversoldOnly)
        {
            q = q.Where(v => v.StockOnHand - EF.Property<int>(v, VariantStock.Reserved) < 0);
        }

        var total = await q.CountAsync(ct);
        q = (sort, descending) switch
        {
            (InventorySort.OnHand, false) => q.OrderBy(v => v.StockOnHand).ThenBy(v => v.Sku),
            (InventorySort.OnHand, true) => q.OrderByDescending(v => v.StockOnHand).ThenBy(v => v.Sku),
            (InventorySort.Available, false) => q.OrderBy(v => v.StockOnHand - EF.Property<int>(v, VariantStock.Reserved)).ThenBy(v => v.Sku),
            (InventorySort.Available, true) => q.OrderByDescending(v => v.StockOnHand - EF.Property<int>(v, VariantStock.Reserved)).ThenBy(v => v.Sku),
            (_, false) => q.OrderBy(v => v.Sku),
            _ => q.OrderByDescending(v => v.Sku),
        };
        var variants = await q.Skip(page * pageSize).Take(pageSize)
            .Select(v => new { v.Id, v.Sku, v.Product!.Name, v.StockOnHand, Reserved = EF.Property<int>(v, VariantStock.Reserved) })
            .ToListAsync(ct);
        var ids = variants.Select(v => v.Id).ToList();
        var cells = await db.ChannelListingSkus.AsNoTracking()
            .Where(s => ids.Contains(s.VariantId))
            .Select(s => new { s.VariantId, Cell = new ChannelPushCell(s.Listing!.ChannelAccount!.DisplayName, s.Listing.ChannelAccount.Channel, s.LastPushedQuantity, s.LastPushSucceeded, s.Drift,
                s.LastReadBackQuantity, s.PriceDrift, s.Listing.StatusDrift, s.ChannelFulfilledQuantity) })
            .ToListAsync(ct);
        var rows = variants.Select(v => new InventoryRow(v.Id, v.Sku, v.Name, v.StockOnHand, v.Reserved,
            cells.Where(c => c.VariantId == v.Id).Select(c => c.Cell).OrderBy(c => c.Account).ToList())).ToList();
        return (rows, total);
    }

    /// <summary>Accounts whose last read-back did not finish, so staff know their drift flags may be stale.</summary>
    public async Task<IReadOnlyList<ReconcileFailure>> ReconcileFailuresAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await (
                from c in db.ListingReconcileChecks.AsNoTracking()
                where c.LastError != null
                join a in db.ChannelAccounts on c.ChannelAccountId equals a.Id
                orderby a.DisplayName
                select new ReconcileFailure(a.DisplayName, a.Channel, c.LastRunUtc, c.LastSuccessUtc, c.LastError!))
            .ToListAsync(ct);
    }

    public async Task<StockExplanation?> ExplainAsync(int variantId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var v = await db.Variants.AsNoTracking().Where(x => x.Id == variantId)
            .Select(x => new { x.Id, x.Sku, x.Product!.Name, x.StockOnHand, Reserved = EF.Property<int>(x, VariantStock.Reserved), x.ProductId, PriceMinor = x.Price.AmountMinor, x.Price.Currency })
            .SingleOrDefaultAsync(ct);
        if (v is null)
        {
            return null;
        }

        // Open reservations: order lines whose movements still hold units.
        var held = await db.StockMovements.AsNoTracking()
            .Where(m => m.VariantId == variantId && m.OrderLineId != null)
            .GroupBy(m => new { m.OrderId, m.OrderLineId })
            .Select(g => new { g.Key.OrderId, Quantity = g.Sum(m => m.ReservedDelta) })
            .Where(x => x.Quantity != 0)
            .ToListAsync(ct);
        var orderIds = held.Select(h => h.OrderId).ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.OrderNumber, Account = o.ChannelAccount!.DisplayName })
            .ToDictionaryAsync(o => o.Id, ct);
        var reservations = held.Where(h => h.OrderId is { } id && orders.ContainsKey(id))
            .GroupBy(h => h.OrderId!.Value)
            .Select(g => new ReservationRow(g.Key, orders[g.Key].OrderNumber, orders[g.Key].Account, g.Sum(h => h.Quantity)))
            .ToList();

        var available = v.StockOnHand - v.Reserved;
        var channels = await (
                from l in db.ChannelListings.AsNoTracking()
                where l.ProductId == v.ProductId
                join s in db.ChannelListingSkus.Where(s => s.VariantId == variantId) on l.Id equals s.ChannelListingId into ss
                from s in ss.DefaultIfEmpty()
                select new { l.ChannelAccount!.DisplayName, l.ChannelAccount.Channel, l.QuantityBuffer, l.QuantityCap, l.State, Listing = l, Sku = s })
            .ToListAsync(ct);
        var figures = channels
            .Select(c => new ChannelFigure(c.DisplayName, c.Channel, c.QuantityBuffer, c.QuantityCap,
                ChannelQuantity.For(available, c.QuantityBuffer, c.QuantityCap),
                c.Sku?.LastPushedQuantity, c.Sku?.LastPushedUtc, c.Sku?.LastPushSucceeded, c.Sku?.LastPushAnswer,
                c.Sku?.LastReadBackQuantity, c.Sku?.LastReadBackUtc, c.Sku?.Drift ?? false,
                ChannelPricing.Apply(c.Listing.PriceRule, new Money(v.PriceMinor, v.Currency)),
                c.Sku is { LastReadBackPriceMinor: { } price, LastReadBackCurrency: { } currency } ? new Money(price, currency) : null,
                c.Sku?.PriceDrift ?? false, c.Listing.ChannelStatus, c.Listing.StatusDrift,
                c.Sku?.ChannelFulfilledQuantity, c.Sku?.ChannelFulfilledUtc))
            .OrderBy(f => f.Account)
            .ToList();
        return new StockExplanation(v.Id, v.Sku, v.Name, v.StockOnHand, v.Reserved, reservations, figures);
    }
}
