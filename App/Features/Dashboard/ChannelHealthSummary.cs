using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Dashboard;

public enum ChannelHealth
{
    Healthy,
    Degraded,
    Error,
    Idle,
}

public sealed record ChannelHealthRow(int AccountId, string AccountName, ChannelKind Channel, ChannelHealth Health, string Reason);

/// <summary>
/// At a glance, per connected account, from its latest calls: the last call failed → ERROR; a failure among the last
/// ten → DEGRADED; otherwise HEALTHY. An account waiting to be reconnected is ERROR whatever its calls say.
/// </summary>
public sealed class ChannelHealthSummary(IDbContextFactory<AppDbContext> contexts)
{
    private const int Window = 10;

    public async Task<IReadOnlyList<ChannelHealthRow>> GetAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Status != ChannelAccountStatus.Disconnected)
            .OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.Channel, a.Status, a.LastError })
            .ToListAsync(ct);
        var rows = new List<ChannelHealthRow>();
        foreach (var a in accounts)
        {
            var recent = await db.ApiCallLogs.AsNoTracking()
                .Where(l => l.ChannelAccountId == a.Id)
                .OrderByDescending(l => l.Id)
                .Take(Window)
                .Select(l => new { l.HttpStatus, l.ErrorCode })
                .ToListAsync(ct);
            rows.Add(Classify(a.Id, a.DisplayName, a.Channel, a.Status, a.LastError, recent.Select(r => r.HttpStatus).ToList()));
        }

        return rows;
    }

    internal static ChannelHealthRow Classify(int id, string name, ChannelKind channel, ChannelAccountStatus status, string? lastError, IReadOnlyList<int?> latestFirst)
    {
        static bool Failed(int? s) => s is null or >= 400;
        if (status is ChannelAccountStatus.NeedsReauth or ChannelAccountStatus.Error)
        {
            return new(id, name, channel, ChannelHealth.Error, lastError ?? "Needs reconnecting");
        }

        if (latestFirst.Count == 0)
        {
            return new(id, name, channel, ChannelHealth.Idle, "No calls yet");
        }

        if (Failed(latestFirst[0]))
        {
            return new(id, name, channel, ChannelHealth.Error, $"The last call failed ({latestFirst[0]?.ToString() ?? "no answer"})");
        }

        var failures = latestFirst.Count(Failed);
        return failures > 0
            ? new(id, name, channel, ChannelHealth.Degraded, $"{failures} of the last {latestFirst.Count} calls failed")
            : new(id, name, channel, ChannelHealth.Healthy, $"The last {latestFirst.Count} calls succeeded");
    }
}
