using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Dashboard;

public sealed record DashboardCounts(int Products, int ConnectedChannels, int AccountsNeedingAttention, int OrdersToday, int AwaitingShipment, int LowStock);

/// <summary>Orders and revenue per channel per day, for the dashboard's charts.</summary>
public sealed record SalesSeries(IReadOnlyList<DateTime> Days, IReadOnlyList<ChannelSales> Channels, string? Currency);

public sealed record ChannelSales(ChannelKind Channel, IReadOnlyList<int> Orders, IReadOnlyList<decimal> Revenue);

/// <summary>The figures behind the dashboard cards and charts.</summary>
public sealed class DashboardSummary(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>A SKU is low when this many or fewer are available.</summary>
    public const int LowStockThreshold = 3;

    private static readonly OrderStatus[] Unshipped = [OrderStatus.Pending, OrderStatus.Processing];

    public async Task<DashboardCounts> GetAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var today = clock.GetUtcNow().UtcDateTime.Date;
        return new DashboardCounts(
            await db.Products.CountAsync(ct),
            await db.ChannelAccounts.CountAsync(a => a.Status == ChannelAccountStatus.Connected, ct),
            await db.ChannelAccounts.CountAsync(a => a.Status == ChannelAccountStatus.NeedsReauth || a.Status == ChannelAccountStatus.Error, ct),
            await db.Orders.CountAsync(o => o.PlacedUtc >= today, ct),
            await db.Orders.CountAsync(o => Unshipped.Contains(o.Status), ct),
            await db.Variants.CountAsync(v => v.StockOnHand - EF.Property<int>(v, VariantStock.Reserved) <= LowStockThreshold, ct));
    }

    /// <summary>
    /// Orders and revenue per channel per day over the last <paramref name="days"/> days (UTC), counted in SQL.
    /// Revenue is charted in the currency most of the period's sales were in; other currencies are not summed into it.
    /// </summary>
    public async Task<SalesSeries> SalesAsync(int days, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var first = clock.GetUtcNow().UtcDateTime.Date.AddDays(1 - days);
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.PlacedUtc >= first && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => new { o.ChannelAccount!.Channel, o.PlacedUtc.Date, o.Currency })
            .Select(g => new { g.Key.Channel, g.Key.Date, g.Key.Currency, Orders = g.Count(), Minor = g.Sum(o => o.TotalMinor) })
            .ToListAsync(ct);
        var dayList = Enumerable.Range(0, days).Select(i => first.AddDays(i)).ToList();
        var currency = rows.GroupBy(r => r.Currency).OrderByDescending(g => g.Sum(r => r.Minor)).Select(g => g.Key).FirstOrDefault();
        var channels = rows.Select(r => r.Channel).Distinct().OrderBy(c => c).Select(channel => new ChannelSales(
                channel,
                dayList.Select(d => rows.Where(r => r.Channel == channel && r.Date == d).Sum(r => r.Orders)).ToList(),
                dayList.Select(d => rows.Where(r => r.Channel == channel && r.Date == d && r.Currency == currency)
                    .Sum(r => new Catalog.Money(r.Minor, r.Currency).ToDecimal())).ToList()))
            .ToList();
        return new SalesSeries(dayList, channels, currency);
    }
}
