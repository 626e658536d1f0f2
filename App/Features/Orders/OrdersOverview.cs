using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;

namespace SellerPortal.Features.Orders;

public sealed record OrderSearch(int? AccountId = null, OrderStatus? Status = null, DateTime? FromUtc = null, DateTime? ToUtc = null, string? Text = null);

public sealed record OrderRow(long Id, string? OrderNumber, int AccountId, string Account, ChannelKind Channel, OrderStatus Status,
    string? BuyerName, long TotalMinor, string Currency, DateTime PlacedUtc, int Lines, bool NeedsMapping);

public sealed record AccountOption(int Id, string Name, ChannelKind Channel);

public enum OrderSort
{
    Placed,
    Total,
    OrderNumber,
    Status,
}

/// <summary>Read models for the orders pages: filtered, sorted and paged in SQL, projected, never tracked.</summary>
public sealed class OrdersOverview(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// Counting stops past this many orders and the grid shows "100,000+": counting all of a merchant's million orders
    /// of one status on every page read walked 900,000 index entries (bench orders-grid), and nobody pages past 2,000 pages.
    /// </summary>
    public const int CountLimit = 100_000;

    /// <summary>A page of orders, the number matching (at most <see cref="CountLimit"/>) and whether more than that match.</summary>
    public async Task<(IReadOnlyList<OrderRow> Rows, int Total, bool MoreThanTotal)> SearchAsync(OrderSearch search, OrderSort sort, bool descending, int page, int pageSize, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.Orders.AsNoTracking();
        if (search.AccountId is { } account)
        {
            q = q.Where(o => o.ChannelAccountId == account);
        }

        if (search.Status is { } status)
        {
            q = q.Where(o => o.Status == status);
        }

        if (search.FromUtc is { } from)
        {
            q = q.Where(o => o.PlacedUtc >= from);
        }

        if (search.ToUtc is { } to)
        {
            q = q.Where(o => o.PlacedUtc < to);
        }

        var counted = q.Select(o => o.Id);
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var matching = Matching(db, search.Text.Trim());
            q = q.Where(o => matching.Contains(o.Id));
            // Without other filters the matching ids are the count: no need to read each order.
            var filtered = search.AccountId is not null || search.Status is not null || search.FromUtc is not null || search.ToUtc is not null;
            counted = filtered ? q.Select(o => o.Id) : matching;
        }

        var total = await counted.Take(CountLimit + 1).CountAsync(ct);
        q = (sort, descending) switch
        {
            (OrderSort.Total, false) => q.OrderBy(o => o.TotalMinor).ThenBy(o => o.Id),
            (OrderSort.Total, true) => q.OrderByDescending(o => o.TotalMinor).ThenByDescending(o => o.Id),
            (OrderSort.OrderNumber, false) => q.OrderBy(o => o.OrderNumber).ThenBy(o => o.Id),
            (OrderSort.OrderNumber, true) => q.OrderByDescending(o => o.OrderNumber).ThenByDescending(o => o.Id),
            (OrderSort.Status, false) => q.OrderBy(o => o.Status).ThenByDescending(o => o.PlacedUtc),
            (OrderSort.Status, true) => q.OrderByDescending(o => o.Status).ThenByDescending(o => o.PlacedUtc),
            (_, false) => q.OrderBy(o => o.PlacedUtc).ThenBy(o => o.Id),
            _ => q.OrderByDescending(o => o.PlacedUtc).ThenByDescending(o => o.Id),
        };
        var rows = await q.Skip(page * pageSize).Take(pageSize)
            .Select(o => new OrderRow(o.Id, o.OrderNumber, o.ChannelAccountId, o.ChannelAccount!.DisplayName, o.ChannelAccount.Channel, o.Status,
                o.BuyerName, o.TotalMinor, o.Currency, o.PlacedUtc, o.Lines.Count, o.Lines.Any(l => l.VariantId == null)))
            .ToListAsync(ct);
        return (rows, Math.Min(total, CountLimit), total > CountLimit);
    }

    /// <summary>
    /// The orders a search text finds: order number, buyer name or buyer username starting with it (case ignored), the
    /// channel's order id equal to it, or a line's SKU starting with it. One index range per column, joined by UNION:
    /// the same test written as an OR across the columns with <c>Lines.Any</c> made SQLite read every order (bench
    /// orders-grid: about 2 s a search at a million orders).
    /// </summary>
    private static IQueryable<long> Matching(AppDbContext db, string t) =>
        db.Orders.Where(o => o.OrderNumber!.StartsWith(t)).Select(o => o.Id)
            .Union(db.Orders.Where(o => o.ExternalOrderId == t).Select(o => o.Id))
            .Union(db.Orders.Where(o => o.BuyerName!.StartsWith(t)).Select(o => o.Id))
            .Union(db.Orders.Where(o => o.BuyerUsername!.StartsWith(t)).Select(o => o.Id))
            .Union(db.OrderLines.Where(l => l.Sku.StartsWith(t)).Select(l => l.OrderId));

    public async Task<IReadOnlyList<AccountOption>> AccountsAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ChannelAccounts.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new AccountOption(a.Id, a.DisplayName, a.Channel)).ToListAsync(ct);
    }
}
