using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

public sealed record AccountRateLimitRow(int AccountId, string Account, ChannelKind Channel, AccountRateLimitSnapshot Limits);

/// <summary>
/// What the Sync page shows of the outbound limits: per connected account, each bucket's pace and the tokens left
/// now, and the daily quota used where the channel has one. Read from the live limiters; nothing is consumed.
/// </summary>
public sealed class RateLimitOverview(IDbContextFactory<AppDbContext> contexts, IRateLimitSnapshots limiters)
{
    public async Task<IReadOnlyList<AccountRateLimitRow>> PerAccountAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Status != ChannelAccountStatus.Disconnected)
            .ToListAsync(ct);
        return accounts
            .OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(a => new AccountRateLimitRow(a.Id, a.DisplayName, a.Channel, limiters.For(ChannelAccountContexts.For(a))))
            .ToList();
    }

    /// <summary>A pace as people say it: "48/s", "1/min" for getOrders' 0.0167/s, "12/h" for once every five minutes.</summary>
    public static string Pace(double requestsPerSecond) => requestsPerSecond switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{requestsPerSecond:0.##}/s"),
        _ when requestsPerSecond * 60 >= 1 => string.Create(CultureInfo.InvariantCulture, $"{requestsPerSecond * 60:0.##}/min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{requestsPerSecond * 3600:0.##}/h"),
    };
}
