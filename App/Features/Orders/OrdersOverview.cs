using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

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

        int total;
        if (string.IsNullOrWhiteSpace(search.Text))
        {
            total = await q.Take(CountLimit + 1).CountAsync(ct);
        }
        else
        {
            var matching = Matching(db, search.Text.Trim());
            var filtered = search.AccountId is not null || search.Status is not null || search.FromUtc is not null || search.ToUtc is not null;
            // Without other filters the matching ids are the count: no need to read each order.
            total = filtered
                ? await q.Where(o => matching.Contains(o.Id)).Take(CountLimit + 1).CountAsync(ct)
                : await matching.Take(CountLimit + 1).CountAsync(ct);
            q = await IsDenseAsync(db, total, page, pageSize, ct)
                // "Id + 0" is not the key, so the planner cannot look the matches up one by one: it walks the sort
                // order's index and keeps the matches, reading only the rows it shows.
                ? q.Where(o => matching.Contains(o.Id + 0))
                : q.Where(o => matching.Contains(o.Id));
        }
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
    /// Whether the page is better found by walking the sort order and keeping the matches than by reading every
    /// matching order and sorting them: when the walk meets a page's worth of matches within about
    /// <see cref="DenseWalkLimit"/> orders. Reading all 25,000 orders of a common first name cost about 100 ms at a
    /// million orders (bench orders-grid); the walk a few; for a rare match the walk would read them all.
    /// </summary>
    private static async Task<bool> IsDenseAsync(AppDbContext db, int total, int page, int pageSize, CancellationToken ct)
    {
        if (total == 0)
        {
            return false;
        }

        // The highest id is how many orders there are, near enough, at the cost of one index seek.
        var orders = await db.Orders.MaxAsync(o => (long?)o.Id, ct) ?? 0;
        return (page + 1L) * pageSize * orders <= (long)DenseWalkLimit * total;
    }

    private const int DenseWalkLimit = 20_000;

    /// <summary>
    /// The orders a search text finds: order number, buyer name or buyer username starting with it (case ignored), the
    /// channel's order id equal to it, or a line's SKU starting with it. One index range per column, joined by UNION:
    /// the same test written as an OR across the columns with <c>Lines.Any</c> made SQLite read every order (bench
    /// orders-grid: about 2 s a search at a million orders).
    /// </summary>
    private static IQueryable<long> Matching(AppDbContext db, string t) =>
        db.Orders.Where(o => o.OrderNumber!.StartsWith(t)).Select(o => o.Id)
            .Union(db.Orders.Where(o => o.AlternateOrderNumber!.StartsWith(t)).Select(o => o.Id))
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
