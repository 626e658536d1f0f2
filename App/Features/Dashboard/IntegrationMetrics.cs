using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Dashboard;

public sealed record MetricsBucket(DateTime StartUtc, int Calls, int Errors);

public sealed record ErrorCodeCount(string Code, int Count);

/// <summary>Calls, errors and throttling of one account over a period.</summary>
public sealed record CallCounts(int Calls, int Errors, int Throttled)
{
    public static readonly CallCounts None = new(0, 0, 0);

    /// <summary>Errors over calls, 0 to 1; 0 when there were no calls.</summary>
    public double ErrorRate => Calls == 0 ? 0 : (double)Errors / Calls;
}

public sealed record QueueFigures(int Depth, DateTime? OldestPendingCreatedUtc);

public sealed record AccountMetrics(
    int AccountId,
    string DisplayName,
    ChannelKind Channel,
    ChannelAccountStatus Status,
    CallCounts Counts,
    IReadOnlyList<ErrorCodeCount> TopErrorCodes,
    int? P50Ms,
    int? P95Ms,
    bool DurationsSampled,
    IReadOnlyList<MetricsBucket> Series,
    int QueueDepth,
    TimeSpan? OldestPendingAge,
    DateTime? LastOrderImportUtc,
    DateTime? LastStockPushUtc)
{
    /// <summary>From the channel's change of an order to its import here, over the window's imported changes.</summary>
    public SyncLatency? SyncLatency { get; init; }
}

/// <summary>
/// How long the channel's changes took to reach the portal: the 50th and 95th percentile and the slowest, in seconds,
/// over <see cref="Changes"/> order changes imported (by poll, webhook or refresh) in the window.
/// </summary>
public sealed record SyncLatency(int P50Seconds, int P95Seconds, int MaxSeconds, int Changes);

public sealed record IntegrationSnapshot(MetricsWindow Window, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<AccountMetrics> Accounts);

/// <summary>
/// Roll-ups of the API call log and the sync queue per channel account. Counts are aggregated in the database;
/// percentiles are computed here over one column of durations, capped at <see cref="MaxDurationsPerAccount"/>
/// most recent calls so a busy account cannot pull an unbounded result into memory.
/// </summary>
public sealed class IntegrationMetrics(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int MaxDurationsPerAccount = 10_000;
    private const int TopErrorCodeCount = 3;

    /// <summary>Pending and running jobs are the queue; failed, dead and cancelled ones are out of it.</summary>
    private static readonly SyncJobStatus[] Queued = [SyncJobStatus.Pending, SyncJobStatus.Running];

    public async Task<IntegrationSnapshot> GetAsync(MetricsWindow window, CancellationToken ct)
    {
        var shape = WindowShape.For(window);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now - shape.Length;

        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.Channel, a.Status })
            .ToListAsync(ct);
        var counts = await CountCallsAsync(db, from, now, ct);
        var codes = await TopErrorCodesAsync(db, from, now, ct);
        var series = await SeriesAsync(db, shape, now, ct);
        var queue = await QueueAsync(db, ct);
        var lastSuccess = await LastSuccessAsync(db, ct);
        var latency = await SyncLatencyAsync(db, from, now, ct);

        var rows = new List<AccountMetrics>(accounts.Count);
        foreach (var a in accounts)
        {
            var c = counts.GetValueOrDefault(a.Id, CallCounts.None);
            var durations = c.Calls == 0 ? [] : await db.ApiCallLogs.AsNoTracking()
                .Where(l => l.ChannelAccountId == a.Id && l.StartedUtc >= from && l.StartedUtc <= now)
                .OrderByDescending(l => l.StartedUtc)
                .Select(l => l.DurationMs)
                .Take(MaxDurationsPerAccount)
                .ToListAsync(ct);
            durations.Sort();
            var q = queue.GetValueOrDefault(a.Id, new QueueFigures(0, null));
            rows.Add(new AccountMetrics(
                a.Id,
                a.DisplayName,
                a.Channel,
                a.Status,
                c,
                codes.GetValueOrDefault(a.Id, []),
                Percentile(durations, 50),
                Percentile(durations, 95),
                c.Calls > MaxDurationsPerAccount,
                series.GetValueOrDefault(a.Id) ?? EmptySeries(shape, now),
                q.Depth,
                q.OldestPendingCreatedUtc is { } oldest ? now - oldest : null,
                lastSuccess.TryGetValue((a.Id, SyncJobKind.ImportOrders), out var imported) ? imported : null,
                lastSuccess.TryGetValue((a.Id, SyncJobKind.PushStock), out var pushed) ? pushed : null)
            {
                SyncLatency = latency.GetValueOrDefault(a.Id),
            });
        }

        return new IntegrationSnapshot(window, from, now, rows);
    }

    /// <summary>Calls, errors (status ≥ 400 or no response) and 429s per account, counted in the database.</summary>
    public async Task<IReadOnlyDictionary<int, CallCounts>> CountCallsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await CountCallsAsync(db, fromUtc, toUtc, ct);
    }

    /// <summary>Queue depth and the creation time of the oldest pending job per account.</summary>
    public async Task<IReadOnlyDictionary<int, QueueFigures>> QueueAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await QueueAsync(db, ct);
    }

    /// <summary>The completion time of the last successful job of each kind, per account.</summary>
    public async Task<IReadOnlyDictionary<(int AccountId, SyncJobKind Kind), DateTime>> LastSuccessAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await LastSuccessAsync(db, ct);
    }

    /// <summary>Changes older than this when imported are a first import's backfill, not a sync delay, and are left out.</summary>
    public static readonly TimeSpan BackfillAge = TimeSpan.FromDays(1);

    /// <summary>The most recent changes read for all accounts together, so a busy week cannot pull an unbounded result.</summary>
    public const int MaxLatencyRows = 100_000;

    /// <summary>
    /// Each account's sync latency over the order changes imported from <paramref name="fromUtc"/> to
    /// <paramref name="toUtc"/>: the channel's update time of each change against the time it was recorded here, the
    /// most recent <see cref="MaxDurationsPerAccount"/> changes per account, a negative gap (clocks apart) as 0.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, SyncLatency>> SyncLatencyAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await SyncLatencyAsync(db, fromUtc, toUtc, ct);
    }

    private static async Task<Dictionary<int, SyncLatency>> SyncLatencyAsync(AppDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var backfill = from - BackfillAge;
        var rows = await db.OrderStatusChanges.AsNoTracking()
            .Where(c => c.AtUtc >= from && c.AtUtc <= to && c.ChannelUpdatedUtc >= backfill && c.Source != OrderChangeSource.Shipment)
            .Join(db.Orders, c => c.OrderId, o => o.Id, (c, o) => new { o.ChannelAccountId, c.AtUtc, c.ChannelUpdatedUtc })
            .OrderByDescending(r => r.AtUtc)
            .Take(MaxLatencyRows)
            .ToListAsync(ct);
        return rows
            .Where(r => r.AtUtc - r.ChannelUpdatedUtc <= BackfillAge)
            .GroupBy(r => r.ChannelAccountId)
            .ToDictionary(g => g.Key, g =>
            {
                var seconds = g.Take(MaxDurationsPerAccount).Select(r => (int)Math.Max(0, (r.AtUtc - r.ChannelUpdatedUtc).TotalSeconds)).Order().ToList();
                return new SyncLatency(Percentile(seconds, 50)!.Value, Percentile(seconds, 95)!.Value, seconds[^1], seconds.Count);
            });
    }

    /// <summary>Nearest-rank percentile of an ascending list; null when it is empty.</summary>
    public static int? Percentile(IReadOnlyList<int> sortedAscending, double percentile)
    {
        if (sortedAscending.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedAscending.Count);
        return sortedAscending[Math.Clamp(rank - 1, 0, sortedAscending.Count - 1)];
    }

    private static async Task<Dictionary<int, CallCounts>> CountCallsAsync(AppDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await db.ApiCallLogs.AsNoTracking()
            .Where(l => l.ChannelAccountId != null && l.StartedUtc >= from && l.StartedUtc <= to)
            .GroupBy(l => l.ChannelAccountId)
            .Select(g => new
            {
                AccountId = g.Key!.Value,
                Calls = g.Count(),
                Errors = g.Count(l => l.HttpStatus == null || l.HttpStatus >= 400),
                Throttled = g.Count(l => l.HttpStatus == 429),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.AccountId, r => new CallCounts(r.Calls, r.Errors, r.Throttled));
    }

    private static async Task<Dictionary<int, IReadOnlyList<ErrorCodeCount>>> TopErrorCodesAsync(
        AppDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var rows = await db.ApiCallLogs.AsNoTracking()
            .Where(l => l.ChannelAccountId != null && l.StartedUtc >= from && l.StartedUtc <= to
                && (l.HttpStatus == null || l.HttpStatus >= 400))
            .GroupBy(l => new { l.ChannelAccountId, l.ErrorCode, l.HttpStatus })
            .Select(g => new { g.Key.ChannelAccountId, g.Key.ErrorCode, g.Key.HttpStatus, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .Take(500)
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.ChannelAccountId!.Value)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ErrorCodeCount>)g
                    .GroupBy(r => r.ErrorCode ?? (r.HttpStatus is { } s ? $"HTTP {s}" : "No response"))
                    .Select(c => new ErrorCodeCount(c.Key, c.Sum(r => r.Count)))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
                    .Take(TopErrorCodeCount)
                    .ToList());
    }

    private static async Task<Dictionary<int, IReadOnlyList<MetricsBucket>>> SeriesAsync(
        AppDbContext db, WindowShape shape, DateTime now, CancellationToken ct)
    {
        var start = shape.SeriesStart(now);
        var hourDivisor = shape.HourDivisor;
        var minuteDivisor = shape.MinuteDivisor;
        var rows = await db.ApiCallLogs.AsNoTracking()
            .Where(l => l.ChannelAccountId != null && l.StartedUtc >= start && l.StartedUtc <= now)
            .GroupBy(l => new
            {
                l.ChannelAccountId,
                l.StartedUtc.Year,
                l.StartedUtc.Month,
                l.StartedUtc.Day,
                Hour = l.StartedUtc.Hour / hourDivisor,
                Minute = l.StartedUtc.Minute / minuteDivisor,
            })
            .Select(g => new
            {
                g.Key.ChannelAccountId,
                g.Key.Year,
                g.Key.Month,
                g.Key.Day,
                g.Key.Hour,
                g.Key.Minute,
                Calls = g.Count(),
                Errors = g.Count(l => l.HttpStatus == null || l.HttpStatus >= 400),
            })
            .ToListAsync(ct);

        var result = new Dictionary<int, IReadOnlyList<MetricsBucket>>();
        foreach (var account in rows.GroupBy(r => r.ChannelAccountId!.Value))
        {
            var calls = new int[shape.BucketCount];
            var errors = new int[shape.BucketCount];
            foreach (var r in account)
            {
                var bucketStart = new DateTime(r.Year, r.Month, r.Day, r.Hour * hourDivisor, minuteDivisor >= 60 ? 0 : r.Minute * minuteDivisor, 0, DateTimeKind.Utc);
                var index = (int)((bucketStart - start).Ticks / shape.Bucket.Ticks);
                if (index >= 0 && index < shape.BucketCount)
                {
                    calls[index] += r.Calls;
                    errors[index] += r.Errors;
                }
            }

            result[account.Key] = Enumerable.Range(0, shape.BucketCount)
                .Select(i => new MetricsBucket(start + (shape.Bucket * i), calls[i], errors[i]))
                .ToList();
        }

        return result;
    }

    private static IReadOnlyList<MetricsBucket> EmptySeries(WindowShape shape, DateTime now)
    {
        var start = shape.SeriesStart(now);
        return Enumerable.Range(0, shape.BucketCount).Select(i => new MetricsBucket(start + (shape.Bucket * i), 0, 0)).ToList();
    }

    private static async Task<Dictionary<int, QueueFigures>> QueueAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.SyncJobs.AsNoTracking()
            .Where(j => j.ChannelAccountId != null && Queued.Contains(j.Status))
            .GroupBy(j => j.ChannelAccountId)
            .Select(g => new
            {
                AccountId = g.Key!.Value,
                Depth = g.Count(),
                Oldest = g.Where(j => j.Status == SyncJobStatus.Pending).Min(j => (DateTime?)j.CreatedUtc),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.AccountId, r => new QueueFigures(r.Depth, r.Oldest is { } o ? DateTime.SpecifyKind(o, DateTimeKind.Utc) : null));
    }

    private static async Task<Dictionary<(int, SyncJobKind), DateTime>> LastSuccessAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.SyncJobs.AsNoTracking()
            .Where(j => j.ChannelAccountId != null && j.Status == SyncJobStatus.Succeeded && j.CompletedUtc != null
                && (j.Kind == SyncJobKind.ImportOrders || j.Kind == SyncJobKind.PushStock))
            .GroupBy(j => new { j.ChannelAccountId, j.Kind })
            .Select(g => new { g.Key.ChannelAccountId, g.Key.Kind, Last = g.Max(j => j.CompletedUtc) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => (r.ChannelAccountId!.Value, r.Kind), r => DateTime.SpecifyKind(r.Last!.Value, DateTimeKind.Utc));
    }
}
