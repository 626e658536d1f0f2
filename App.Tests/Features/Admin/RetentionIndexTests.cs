using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Sync;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

/// <summary>
/// Each age-based delete of the housekeeping job (RetentionPruner) ranges over an index on the migrated SQLite
/// database, as SQLite's own query planner reports it, instead of reading the whole table every night.
/// </summary>
public sealed class RetentionIndexTests
{
    private static readonly TestDatabase Database = new();

    private static async Task<string> PlanAsync<T>(IQueryable<T> query)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database.Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString starts with ".param set" lines for the SQLite shell; the plan needs only the statement.
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new List<string>();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }

    [Fact]
    public async Task PruningByAge_UsesAnIndex_ForOrderHistorySyncJobsWebhooksAndAudit()
    {
        var before = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = Database.CreateDbContext();

        var orderEvents = await PlanAsync(db.OrderEvents.Where(e => e.AtUtc < before));
        var jobs = await PlanAsync(db.SyncJobs.Where(j => (j.Status == SyncJobStatus.Succeeded || j.Status == SyncJobStatus.Cancelled) && j.CompletedUtc < before));
        var webhooks = await PlanAsync(db.WebhookEvents.Where(w => w.ReceivedUtc < before));
        var audit = await PlanAsync(db.AuditEntries.Where(a => a.AtUtc < before));

        Assert.Contains("USING INDEX IX_OrderEvents_AtUtc (AtUtc<?)", orderEvents);
        Assert.Contains("IX_SyncJobs_Status_CompletedUtc", jobs);
        Assert.Contains("USING INDEX IX_WebhookEvents_ReceivedUtc (ReceivedUtc<?)", webhooks);
        Assert.Contains("USING INDEX IX_AuditEntries_AtUtc (AtUtc<?)", audit);
    }
}
