using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>
/// Pages through an account's orders changed since its watermark (less the overlap window) and imports each page.
/// The watermark moves only after a page is committed, so a failure part-way resumes from the last committed page.
/// Only a channel that returns orders oldest update first (<see cref="ChannelCapabilities.OrdersOldestUpdateFirst"/>)
/// lets a page's last update time be a safe watermark; for the others it moves to the run's end once every page is in.
/// Either way the run keeps its window and the channel's next-page cursor after each page, so a run that fails or is
/// cut short by a restart goes on from its last committed page (within <see cref="OrderImportOptions.ResumeWithin"/>).
/// </summary>
public sealed class ImportOrdersHandler(
    OrderImporter importer,
    IDbContextFactory<AppDbContext> contexts,
    IOptions<OrderImportOptions> options,
    TimeProvider clock,
    ILogger<ImportOrdersHandler> logger) : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.ImportOrders;

    public int BatchSize(ChannelCapabilities capabilities) => 1;

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var outcomes = new List<SyncJobOutcome>();
        foreach (var job in jobs)
        {
            await RunAsync(context, ct);
            outcomes.Add(SyncJobOutcome.Ok(job.Id));
        }

        return outcomes;
    }

    private async Task RunAsync(SyncContext context, CancellationToken ct)
    {
        var accountId = context.Account.AccountId;
        var run = await StartAsync(accountId, ct);
        var (since, until) = (run.SinceUtc, run.UntilUtc);
        var imported = 0;
        async Task<Page<ChannelOrder>> List(string? pageCursor) =>
            await context.Connector.ListOrdersAsync(context.Account, new OrderQuery(since, until, pageCursor, options.Value.PageSize), ct);

        // The next page is fetched while this one is written: the channel's latency and our database work overlap.
        Task<Page<ChannelOrder>>? next = List(run.PageCursor);
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        if (run.PageCursor is { } resumedAt)
        {
            seenCursors.Add(resumedAt);
        }

        var pages = 0;
        try
        {
            while (next is not null)
            {
                var page = await next;
                pages++;
                if (page.NextCursor is { } repeated && !seenCursors.Add(repeated))
                {
                    // A channel that hands back a cursor it gave before would keep this run going for ever.
                    await AbandonRunAsync(accountId, ct);
                    throw new ChannelServerException(context.Connector.Channel,
                        $"The channel returned a next-page cursor it had already given in this run (after {pages} pages); the import stopped and starts over next time.",
                        "RepeatedPageCursor");
                }

                var atCap = pages >= options.Value.MaxPagesPerRun;
                next = page.NextCursor is { } more && !atCap ? List(more) : null;
                try
                {
                    var result = await importer.ImportAsync(accountId, page.Items, OrderChangeSource.Import, ct);
                    imported += result.Created + result.Updated;
                    var reached = !page.HasMore ? until
                        : context.Connector.Capabilities.OrdersOldestUpdateFirst ? page.Items.Select(o => (DateTime?)o.UpdatedUtc).Max()
                        : null;
                    await AdvanceAsync(accountId, reached, page.NextCursor, ct);
                    if (atCap && page.NextCursor is not null)
                    {
                        // The run keeps its window and next cursor: the next import goes on from here.
                        logger.LogWarning("Account {Account}: stopped after {Pages} pages (Orders:Import:MaxPagesPerRun); the next run goes on from there", accountId, pages);
                        return;
                    }
                }
                catch when (next is not null)
                {
                    // The page already asked for is not wanted any more; its own failure must not go unobserved.
                    _ = next.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    throw;
                }
            }
        }
        catch (ChannelValidationException ex) when (run.Resumed)
        {
            // The saved page cursor is no longer accepted (expired): drop the run and read a window from the start.
            logger.LogInformation("Account {Account}: the channel refused the saved page cursor ({Error}); starting the import over", accountId, ex.Message);
            await AbandonRunAsync(accountId, ct);
            await RunAsync(context, ct);
            return;
        }
        catch (Exception ex) when (ex is ChannelException or DbUpdateException or System.Data.Common.DbException)
        {
            await FailAsync(accountId, ex is ChannelException c ? SyncDispatcher.Describe(c) : ex.Message, ct);
            throw;
        }

        await SucceedAsync(accountId, imported, ct);
        logger.LogInformation("Account {Account}: imported {Count} new or changed orders", accountId, imported);
    }

    private sealed record Run(DateTime SinceUtc, DateTime UntilUtc, string? PageCursor, bool Resumed);

    /// <summary>
    /// The run to do: the one cut short, from its saved page, if it is recent and no wider re-scan was asked for since;
    /// otherwise a new window from the watermark (less the overlap) or the re-scan start, up to now.
    /// </summary>
    private async Task<Run> StartAsync(int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.OrderImportCursors.SingleOrDefaultAsync(c => c.ChannelAccountId == accountId, ct);
        if (cursor is null)
        {
            cursor = new OrderImportCursor { ChannelAccountId = accountId };
            db.OrderImportCursors.Add(cursor);
        }

        cursor.LastRunUtc = now;
        if (cursor is { RunPageCursor: { } page, RunSinceUtc: { } runSince, RunUntilUtc: { } runUntil, RunStartedUtc: { } started }
            && now - started <= options.Value.ResumeWithin && (cursor.RescanFromUtc is null || cursor.RescanFromUtc >= runSince))
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Account {Account}: resuming the import started {Started:o} from its last committed page", accountId, started);
            return new Run(runSince, runUntil, page, Resumed: true);
        }

        var overlap = options.Value.OverlapWindow;
        var since = cursor.RescanFromUtc is { } rescan && (cursor.WatermarkUtc is null || rescan < cursor.WatermarkUtc - overlap)
            ? rescan
            : cursor.WatermarkUtc is { } w ? w - overlap : now - options.Value.InitialLookback;
        (cursor.RunSinceUtc, cursor.RunUntilUtc, cursor.RunStartedUtc, cursor.RunPageCursor) = (since, now, now, null);
        await db.SaveChangesAsync(ct);
        return new Run(since, now, null, Resumed: false);
    }

    /// <summary>After a committed page: the run's next page, and the watermark where the page lets it move (never back).</summary>
    private async Task AdvanceAsync(int accountId, DateTime? reached, string? nextPage, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        await db.OrderImportCursors.Where(c => c.ChannelAccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RunPageCursor, nextPage), ct);
        if (reached is { } r)
        {
            // Never backwards: a re-scan reads old pages without losing the place already reached.
            await db.OrderImportCursors
                .Where(c => c.ChannelAccountId == accountId && (c.WatermarkUtc == null || c.WatermarkUtc < r))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.WatermarkUtc, r), ct);
        }
    }

    private async Task SucceedAsync(int accountId, int imported, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OrderImportCursors.Where(c => c.ChannelAccountId == accountId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastSuccessUtc, now)
            .SetProperty(c => c.LastError, (string?)null)
            .SetProperty(c => c.RescanFromUtc, (DateTime?)null)
            .SetProperty(c => c.RunPageCursor, (string?)null)
            .SetProperty(c => c.RunSinceUtc, (DateTime?)null)
            .SetProperty(c => c.RunUntilUtc, (DateTime?)null)
            .SetProperty(c => c.RunStartedUtc, (DateTime?)null)
            .SetProperty(c => c.LastImportedCount, imported), ct);
    }

    private async Task AbandonRunAsync(int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        await db.OrderImportCursors.Where(c => c.ChannelAccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RunPageCursor, (string?)null), ct);
    }

    private async Task FailAsync(int accountId, string error, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.OrderImportCursors.Where(c => c.ChannelAccountId == accountId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastError, message), CancellationToken.None);
    }
}
