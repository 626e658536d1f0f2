using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class HousekeepingTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public HousekeepingTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Prune_RemovesApiCallLogRowsPastTheRetention_AndKeepsRecentOnes()
    {
        var now = DateTime.UtcNow;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = contexts.CreateDbContext())
        {
            db.ApiCallLogs.AddRange(
                Log("old", now.AddDays(-31)),
                Log("older", now.AddDays(-90)),
                Log("recent", now.AddDays(-29)),
                Log("today", now.AddMinutes(-5)));
            await db.SaveChangesAsync();
        }

        var removed = await factory.Services.GetRequiredService<ApiCallLogPruner>().PruneAsync(CancellationToken.None);

        await using var check = contexts.CreateDbContext();
        var left = await check.ApiCallLogs.Select(l => l.Operation).ToListAsync();
        Assert.Equal(2, removed);
        Assert.Equal(["recent", "today"], left.Order());
    }

    [Fact]
    public async Task Retention_PrunesEachGrowingTablePastItsSetting_AndNeverAPendingOrRunningJob()
    {
        var now = DateTime.UtcNow;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var oldBulk = Guid.NewGuid();
        var keptBulk = Guid.NewGuid();
        await using (var db = contexts.CreateDbContext())
        {
            var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "retention", ShopId = "retention-shop", CreatedUtc = now };
            db.ChannelAccounts.Add(account);
            await db.SaveChangesAsync();
            var order = new Order { ChannelAccountId = account.Id, ExternalOrderId = "retention-1", Currency = "USD", PlacedUtc = now, ChannelUpdatedUtc = now, ImportedUtc = now };
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            db.WebhookEvents.AddRange(Webhook("webhook-31-days", now.AddDays(-31)), Webhook("webhook-29-days", now.AddDays(-29)),
                Webhook("webhook-deletion-stored-whole", now.AddDays(-2), "MARKETPLACE_ACCOUNT_DELETION"),
                Webhook("webhook-other-topic", now.AddDays(-2), "ITEM_SOLD"));
            db.SyncJobs.AddRange(
                Job("done-31-days", SyncJobStatus.Succeeded, now.AddDays(-31)),
                Job("done-29-days", SyncJobStatus.Succeeded, now.AddDays(-29)),
                Job("dead-31-days", SyncJobStatus.Dead, now.AddDays(-31)),
                Job("dead-91-days", SyncJobStatus.Dead, now.AddDays(-91)),
                Job("pending-200-days", SyncJobStatus.Pending, null, created: now.AddDays(-200)),
                Job("running-200-days", SyncJobStatus.Running, null, created: now.AddDays(-200)),
                Job("bulk-done-31-days", SyncJobStatus.Succeeded, now.AddDays(-31), keptBulk),
                Job("bulk-done-91-days", SyncJobStatus.Succeeded, now.AddDays(-91), oldBulk));
            db.BulkOperations.AddRange(
                new BulkOperation { Id = oldBulk, Description = "old bulk", CreatedUtc = now.AddDays(-91) },
                new BulkOperation { Id = keptBulk, Description = "kept bulk", CreatedUtc = now.AddDays(-91) });
            db.OrderEvents.AddRange(
                new OrderEvent { OrderId = order.Id, AtUtc = now.AddDays(-731), Kind = "Imported", Message = "order-event-731-days" },
                new OrderEvent { OrderId = order.Id, AtUtc = now.AddDays(-700), Kind = "Imported", Message = "order-event-700-days" });
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = now.AddDays(-731), Action = "retention.test", Subject = "audit-731-days" },
                new AuditEntry { AtUtc = now.AddDays(-700), Action = "retention.test", Subject = "audit-700-days" });
            await db.SaveChangesAsync();
        }

        var removed = await factory.Services.GetRequiredService<RetentionPruner>().PruneAsync(CancellationToken.None);

        await using var check = contexts.CreateDbContext();
        var webhooks = await check.WebhookEvents.Where(w => w.EventId.StartsWith("webhook-")).ToDictionaryAsync(w => w.EventId);
        Assert.Equal(["webhook-29-days", "webhook-deletion-stored-whole", "webhook-other-topic"], webhooks.Keys.Order());
        Assert.Null(webhooks["webhook-deletion-stored-whole"].Payload);
        Assert.Null(webhooks["webhook-deletion-stored-whole"].Headers);
        Assert.Equal("""{"data":{"username":"jdoe"}}""", webhooks["webhook-other-topic"].Payload);
        Assert.Equal(["bulk-done-31-days", "dead-31-days", "done-29-days", "pending-200-days", "running-200-days"],
            (await check.SyncJobs.Where(j => j.Target.StartsWith("retention:")).Select(j => j.Target.Substring(10)).ToListAsync()).Order());
        Assert.Equal(["kept bulk"], await check.BulkOperations.Where(o => o.Id == oldBulk || o.Id == keptBulk).Select(o => o.Description).ToListAsync());
        Assert.Equal(["order-event-700-days"], await check.OrderEvents.Where(e => e.Message.StartsWith("order-event-")).Select(e => e.Message).ToListAsync());
        Assert.Equal(["audit-700-days"], await check.AuditEntries.Where(a => a.Action == "retention.test").Select(a => a.Subject).ToListAsync());
        Assert.Equal(new RetentionResult(WebhookEvents: 1, SyncJobs: 3, BulkOperations: 1, OrderEvents: 1, AuditEntries: 1), removed);
    }

    [Fact]
    public async Task HousekeepingJob_IsStoredInTheDatabaseWithItsExplicitIdentity()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(HousekeepingJob.Key);
        var trigger = await scheduler.GetTrigger(HousekeepingJob.TriggerKey);

        Assert.NotNull(job);
        Assert.Equal(typeof(HousekeepingJob), job.JobType);
        Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.True((await scheduler.GetMetaData()).JobStoreSupportsPersistence);
    }

    private static WebhookEvent Webhook(string eventId, DateTime receivedUtc, string? topic = null) => new()
    {
        Channel = "Ebay", EventId = eventId, EventType = topic, SignatureValid = true, Outcome = WebhookOutcome.Processed, ReceivedUtc = receivedUtc,
        Payload = """{"data":{"username":"jdoe"}}""", Headers = "{}",
    };

    private static SyncJob Job(string name, SyncJobStatus status, DateTime? completedUtc, Guid? bulk = null, DateTime? created = null) => new()
    {
        Kind = SyncJobKind.PushStock, Target = "retention:" + name, Status = status, CompletedUtc = completedUtc,
        CreatedUtc = created ?? completedUtc ?? DateTime.UtcNow, NextAttemptUtc = DateTime.UtcNow, BulkOperationId = bulk,
    };

    private static ApiCallLog Log(string operation, DateTime startedUtc) => new()
    {
        Channel = "TikTokShop",
        Operation = operation,
        Method = "GET",
        Path = "/x",
        HttpStatus = 200,
        StartedUtc = startedUtc,
    };
}
