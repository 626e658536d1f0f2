using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

public sealed record LaneDepth(string Lane, int Pending);

public sealed record AccountQueueRow(
    int? AccountId,
    string Account,
    ChannelKind? Channel,
    int Pending,
    int Running,
    int Failed,
    int Dead,
    DateTime? OldestPendingUtc,
    IReadOnlyList<LaneDepth> Lanes);

public sealed record SyncJobRow(
    long Id,
    string Account,
    SyncJobKind Kind,
    string Target,
    string Lane,
    SyncJobStatus Status,
    int Attempts,
    int MaxAttempts,
    DateTime NextAttemptUtc,
    DateTime CreatedUtc,
    DateTime? CompletedUtc,
    string? LastError);

public sealed record SyncJobQuery(int Page, int PageSize, SyncJobStatus? Status = null, int? AccountId = null);

/// <summary>What the Sync page shows: queue depth per account and lane, and the jobs themselves.</summary>
public sealed class SyncQueueOverview(IDbContextFactory<AppDbContext> contexts)
{
    private static readonly SyncJobStatus[] Open = [SyncJobStatus.Pending, SyncJobStatus.Running, SyncJobStatus.Failed, SyncJobStatus.Dead];

    public async Task<IReadOnlyList<AccountQueueRow>> PerAccountAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var counts = await db.SyncJobs.AsNoTracking()
            .Where(j => Open.Contains(j.Status))
            .GroupBy(j => new { j.ChannelAccountId, j.Status, j.Priority })
            .Select(g => new { g.Key.ChannelAccountId, g.Key.Status, g.Key.Priority, Count = g.Count(), Oldest = g.Min(j => j.CreatedUtc) })
            .ToListAsync(ct);
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .Select(a => new { a.Id, a.DisplayName, a.Channel })
            .ToDictionaryAsync(a => a.Id, ct);

        return counts.GroupBy(c => c.ChannelAccountId)
            .Select(g =>
            {
                var account = g.Key is { } id && accounts.TryGetValue(id, out var a) ? a : null;
                int Sum(SyncJobStatus s) => g.Where(c => c.Status == s).Sum(c => c.Count);
                var pending = g.Where(c => c.Status == SyncJobStatus.Pending).ToList();
                return new AccountQueueRow(
                    g.Key,
                    account?.DisplayName ?? (g.Key is null ? "No account" : $"Account {g.Key}"),
                    account?.Channel,
                    Sum(SyncJobStatus.Pending),
                    Sum(SyncJobStatus.Running),
                    Sum(SyncJobStatus.Failed),
                    Sum(SyncJobStatus.Dead),
                    pending.Count == 0 ? null : pending.Min(c => c.Oldest),
                    pending.GroupBy(c => SyncLanes.NameOf(c.Priority))
                        .Select(l => new LaneDepth(l.Key, l.Sum(c => c.Count)))
                        .ToList());
            })
            .OrderBy(r => r.Account)
            .ToList();
    }

    public async Task<(IReadOnlyList<SyncJobRow> Rows, int Total)> JobsAsync(SyncJobQuery query, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var jobs = db.SyncJobs.AsNoTracking();
        if (query.Status is { } status)
        {
            jobs = jobs.Where(j => j.Status == status);
        }

        if (query.AccountId is { } accountId)
        {
            jobs = jobs.Where(j => j.ChannelAccountId == accountId);
        }

        var total = await jobs.CountAsync(ct);
        var page = await jobs
            .OrderByDescending(j => j.Id)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(j => new
            {
                j.Id,
                Account = db.ChannelAccounts.Where(a => a.Id == j.ChannelAccountId).Select(a => a.DisplayName).FirstOrDefault(),
                j.Kind, j.Target, j.Priority, j.Status, j.Attempts, j.MaxAttempts, j.NextAttemptUtc, j.CreatedUtc, j.CompletedUtc, j.LastError,
            })
            .ToListAsync(ct);
        return (page.Select(j => new SyncJobRow(j.Id, j.Account ?? "-", j.Kind, j.Target, SyncLanes.NameOf(j.Priority), j.Status,
            j.Attempts, j.MaxAttempts, j.NextAttemptUtc, j.CreatedUtc, j.CompletedUtc, j.LastError)).ToList(), total);
    }
}
