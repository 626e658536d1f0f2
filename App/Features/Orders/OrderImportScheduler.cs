using Microsoft.EntityFrameworkCore;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>Decides when each connected account is due an order import, and queues re-scans on request.</summary>
public sealed class OrderImportScheduler(IDbContextFactory<AppDbContext> contexts, SyncQueue queue, ChannelRegistry channels, TimeProvider clock)
{
    public static string DedupeKey(int accountId) => $"orders:{accountId}";

    /// <summary>
    /// A run records its start a moment after the tick that queued it, so exactly one interval later it is a moment short
    /// of due and waited a whole extra tick: a 30 s poll ran every 45 s (bench oversell --mode polling, p95 44.8 s).
    /// </summary>
    internal static readonly TimeSpan TickJitter = TimeSpan.FromSeconds(1);

    /// <summary>Queues an import for each connected account whose poll interval has passed since its last run.</summary>
    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var withOrders = channels.Connectors.Where(c => c.Capabilities.Orders).Select(c => c.Channel).ToHashSet();
        await using var db = contexts.CreateDbContext();
        var accounts = await (
                from a in db.ChannelAccounts.AsNoTracking()
                where a.Status == ChannelAccountStatus.Connected
                join c in db.OrderImportCursors on a.Id equals c.ChannelAccountId into cs
                from c in cs.DefaultIfEmpty()
                select new { a.Id, a.Channel, a.OrderPollIntervalSeconds, LastRun = (DateTime?)c.LastRunUtc })
            .ToListAsync(ct);
        var due = accounts
            .Where(a => withOrders.Contains(a.Channel))
            .Where(a => a.LastRun is null || now - a.LastRun >= TimeSpan.FromSeconds(Math.Max(1, a.OrderPollIntervalSeconds)) - TickJitter)
            .ToList();
        foreach (var a in due)
        {
            await queue.EnqueueAsync(new SyncJobRequest(a.Id, SyncJobKind.ImportOrders, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DedupeKey: DedupeKey(a.Id)), ct);
        }

        return due.Count;
    }

    /// <summary>
    /// Re-reads the last <paramref name="hours"/> of an account's orders once. Harmless: the import is idempotent and
    /// the watermark never moves back.
    /// </summary>
    public async Task RescanAsync(int accountId, int hours, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var from = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(hours);
        await using (var db = contexts.CreateDbContext())
        {
            var cursor = await db.OrderImportCursors.SingleOrDefaultAsync(c => c.ChannelAccountId == accountId, ct);
            if (cursor is null)
            {
                db.OrderImportCursors.Add(cursor = new OrderImportCursor { ChannelAccountId = accountId });
            }

            cursor.RescanFromUtc = cursor.RescanFromUtc is { } earlier && earlier < from ? earlier : from;
            await db.SaveChangesAsync(ct);
        }

        await queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.ImportOrders, accountId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DedupeKey: DedupeKey(accountId)), ct);
    }

    /// <summary>Queues a re-read of one order (a webhook said it changed, or staff asked); one pending per order.</summary>
    public Task RefreshAsync(int accountId, string externalOrderId, CancellationToken ct) =>
        queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.RefreshOrder, externalOrderId, DedupeKey: RefreshKey(accountId, externalOrderId)), ct);

    /// <summary>The same key the webhook intake uses for order refreshes, so the two coalesce.</summary>
    public static string RefreshKey(int accountId, string externalOrderId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"order:{accountId}:{externalOrderId}");
}

/// <summary>Every few seconds, queues order imports for the accounts that are due. Thin: the scheduler decides.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduleOrderImportsJob(OrderImportScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("schedule-order-imports", "orders");
    public static readonly TriggerKey TriggerKey = new("schedule-order-imports-interval", "orders");

    public Task Execute(IJobExecutionContext context) => scheduler.EnqueueDueAsync(context.CancellationToken);
}
