using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;

namespace SellerPortal.Features.Dashboard;

public sealed record DashboardCounts(int Products, int ConnectedChannels, int AccountsNeedingAttention, int OrdersToday);

/// <summary>The figures behind the dashboard cards.</summary>
public sealed class DashboardSummary(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<DashboardCounts> GetAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var today = clock.GetUtcNow().UtcDateTime.Date;
        return new DashboardCounts(
            await db.Products.CountAsync(ct),
            await db.ChannelAccounts.CountAsync(a => a.Status == ChannelAccountStatus.Connected, ct),
            await db.ChannelAccounts.CountAsync(a => a.Status == ChannelAccountStatus.NeedsReauth || a.Status == ChannelAccountStatus.Error, ct),
            await db.Orders.CountAsync(o => o.PlacedUtc >= today, ct));
    }
}
