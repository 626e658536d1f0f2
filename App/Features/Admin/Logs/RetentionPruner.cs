using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Admin.Logs;

/// <summary>How many rows one housekeeping run removed from each table that would otherwise grow without end.</summary>
public sealed record RetentionResult(int WebhookEvents, int SyncJobs, int BulkOperations, int OrderEvents, int AuditEntries);

/// <summary>
/// Deletes what is past its retention (<see cref="HousekeepingOptions"/>): received webhooks, ended sync jobs and the
/// bulk operations left with none, order history lines, audit entries. Pending and running jobs are never touched.
/// </summary>
public sealed class RetentionPruner(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<HousekeepingOptions> options,
    TimeProvider clock,
    ILogger<RetentionPruner> logger)
{
    public async Task<RetentionResult> PruneAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime Before(int days) => now.AddDays(-days);
        var webhooksBefore = Before(settings.WebhookEventRetentionDays);
        var finishedBefore = Before(settings.FinishedSyncJobRetentionDays);
        var endedBefore = Before(settings.EndedSyncJobRetentionDays);
        var ordersBefore = Before(settings.OrderEventRetentionDays);
        var auditBefore = Before(settings.AuditRetentionDays);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var webhooks = await db.WebhookEvents.Where(w => w.ReceivedUtc < webhooksBefore).ExecuteDeleteAsync(ct);
        // Account deletion notices stored whole before the webhook log kept only their digest: their bodies go now.
        await db.WebhookEvents
            .Where(w => w.Channel == "Ebay" && w.EventType == "MARKETPLACE_ACCOUNT_DELETION" && (w.Payload != null || w.Headers != null))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Payload, (string?)null).SetProperty(w => w.Headers, (string?)null), ct);
        var finished = await db.SyncJobs
            .Where(j => (j.Status == SyncJobStatus.Succeeded || j.Status == SyncJobStatus.Cancelled)
                && j.BulkOperationId == null && j.CompletedUtc < finishedBefore)
            .ExecuteDeleteAsync(ct);
        var ended = await db.SyncJobs
            .Where(j => j.Status != SyncJobStatus.Pending && j.Status != SyncJobStatus.Running
                && (j.CompletedUtc ?? j.CreatedUtc) < endedBefore)
            .ExecuteDeleteAsync(ct);
        var operations = await db.BulkOperations
            .Where(o => o.CreatedUtc < endedBefore && !db.SyncJobs.Any(j => j.BulkOperationId == o.Id))
            .ExecuteDeleteAsync(ct);
        var orderEvents = await db.OrderEvents.Where(e => e.AtUtc < ordersBefore).ExecuteDeleteAsync(ct);
        var audit = await db.AuditEntries.Where(a => a.AtUtc < auditBefore).ExecuteDeleteAsync(ct);

        var result = new RetentionResult(webhooks, finished + ended, operations, orderEvents, audit);
        logger.LogInformation("Housekeeping removed {Webhooks} webhook events, {Jobs} ended sync jobs, {Operations} bulk operations, {OrderEvents} order history lines and {Audit} audit entries past their retention",
            result.WebhookEvents, result.SyncJobs, result.BulkOperations, result.OrderEvents, result.AuditEntries);
        return result;
    }
}
