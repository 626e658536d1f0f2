using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Admin.Logs;

public enum StatusFilter
{
    Any,
    Success,
    Errors,
    ClientErrors,
    ServerErrors,
    Throttled,
}

public sealed record ApiCallFilter(int? AccountId = null, string? Operation = null, StatusFilter Status = StatusFilter.Any, DateTime? FromUtc = null, DateTime? ToUtc = null);

public sealed record ApiCallRow(long Id, DateTime StartedUtc, string Channel, int? AccountId, string Operation, string Method, string Path, int? HttpStatus, int DurationMs, string? ErrorCode, string? RequestId);

public sealed record WebhookRow(long Id, string Channel, string EventId, string? EventType, bool SignatureValid, WebhookOutcome Outcome, string? Error, DateTime ReceivedUtc, DateTime? ProcessedUtc);

public sealed record AuditRow(long Id, DateTime AtUtc, string? UserName, string Action, string? Subject, string? Detail);

public sealed record LogPage<T>(IReadOnlyList<T> Items, int Total);

public sealed record AccountOption(int Id, string Name);

/// <summary>The Admin › Logs queries: filtered, sorted and paged in the database.</summary>
public sealed partial class LogQueries(IDbContextFactory<AppDbContext> contexts)
{
    public const int MaxPageSize = 200;

    public async Task<LogPage<ApiCallRow>> ApiCallsAsync(ApiCallFilter filter, int page, int pageSize, string? sortBy, bool descending, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.ApiCallLogs.AsNoTracking();
        if (filter.AccountId is { } account)
        {
            q = q.Where(l => l.ChannelAccountId == account);
        }

        if (!string.IsNullOrWhiteSpace(filter.Operation))
        {
            var op = filter.Operation.Trim();
            q = q.Where(l => l.Operation.Contains(op));
        }

        q = filter.Status switch
        {
            StatusFilter.Success => q.Where(l => l.HttpStatus != null && l.HttpStatus < 400),
            StatusFilter.Errors => q.Where(l => l.HttpStatus == null || l.HttpStatus >= 400),
            StatusFilter.ClientErrors => q.Where(l => l.HttpStatus >= 400 && l.HttpStatus < 500),
            StatusFilter.ServerErrors => q.Where(l => l.HttpStatus == null || l.HttpStatus >= 500),
            StatusFilter.Throttled => q.Where(l => l.HttpStatus == 429),
            _ => q,
        };
        if (filter.FromUtc is { } from)
        {
            q = q.Where(l => l.StartedUtc >= from);
        }

        if (filter.ToUtc is { } to)
        {
            q = q.Where(l => l.StartedUtc <= to);
        }

        var total = await q.CountAsync(ct);
        q = (sortBy, descending) switch
        {
            ("DurationMs", true) => q.OrderByDescending(l => l.DurationMs).ThenByDescending(l => l.Id),
            ("DurationMs", false) => q.OrderBy(l => l.DurationMs).ThenBy(l => l.Id),
            ("HttpStatus", true) => q.OrderByDescending(l => l.HttpStatus).ThenByDescending(l => l.Id),
            ("HttpStatus", false) => q.OrderBy(l => l.HttpStatus).ThenBy(l => l.Id),
            (_, false) when sortBy is not null => q.OrderBy(l => l.StartedUtc).ThenBy(l => l.Id),
            _ => q.OrderByDescending(l => l.StartedUtc).ThenByDescending(l => l.Id),
        };
        var rows = await Page(q, page, pageSize)
            .Select(l => new ApiCallRow(l.Id, l.StartedUtc, l.Channel, l.ChannelAccountId, l.Operation, l.Method, l.Path, l.HttpStatus, l.DurationMs, l.ErrorCode, l.RequestId))
            .ToListAsync(ct);
        return new LogPage<ApiCallRow>(rows.Select(r => r with { Path = RedactPath(r.Path) }).ToList(), total);
    }

    public async Task<LogPage<WebhookRow>> WebhooksAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.WebhookEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(w => w.EventId.Contains(s) || (w.EventType != null && w.EventType.Contains(s)) || w.Channel.Contains(s));
        }

        var total = await q.CountAsync(ct);
        var rows = await Page(q.OrderByDescending(w => w.ReceivedUtc).ThenByDescending(w => w.Id), page, pageSize)
            .Select(w => new WebhookRow(w.Id, w.Channel, w.EventId, w.EventType, w.SignatureValid, w.Outcome, w.Error, w.ReceivedUtc, w.ProcessedUtc))
            .ToListAsync(ct);
        return new LogPage<WebhookRow>(rows, total);
    }

    public async Task<LogPage<AuditRow>> AuditAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(a => a.Action.Contains(s) || (a.UserName != null && a.UserName.Contains(s))
                || (a.Subject != null && a.Subject.Contains(s)) || (a.Detail != null && a.Detail.Contains(s)));
        }

        var total = await q.CountAsync(ct);
        var rows = await Page(q.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id), page, pageSize)
            .Select(a => new AuditRow(a.Id, a.AtUtc, a.UserName, a.Action, a.Subject, a.Detail))
            .ToListAsync(ct);
        return new LogPage<AuditRow>(rows, total);
    }

    public async Task<IReadOnlyList<AccountOption>> AccountsAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.ChannelAccounts.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.Channel })
            .ToListAsync(ct);
        return rows.Select(a => new AccountOption(a.Id, ChannelNames.AccountName(a.DisplayName, a.Channel))).ToList();
    }

    /// <summary>
    /// The writer stores redacted paths already; this second pass masks every query value anyway, so a value that
    /// slipped through (a token, a signature, an email) never reaches the screen.
    /// </summary>
    public static string RedactPath(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? path : path[..(q + 1)] + QueryValue().Replace(path[(q + 1)..], "=***");
    }

    private static IQueryable<T> Page<T>(IQueryable<T> q, int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        return q.Skip(Math.Max(page, 0) * size).Take(size);
    }

    [GeneratedRegex("=[^&]*")]
    private static partial Regex QueryValue();
}
