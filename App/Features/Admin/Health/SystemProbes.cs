using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Quartz.Impl.Matchers;
using SellerPortal.Data;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Admin.Health;

/// <summary>The checks of the portal itself: database, scheduler, sync queue, Data Protection key ring.</summary>
public sealed class SystemProbes(
    IDbContextFactory<AppDbContext> contexts,
    ISchedulerFactory schedulers,
    IKeyManager keys,
    IDataProtectionProvider protection,
    IOptions<AdminHealthOptions> options,
    IOptions<KeyManagementOptions> keyManagement,
    IHostEnvironment environment,
    TimeProvider clock)
{
    public IEnumerable<HealthProbe> All() =>
    [
        new("database", "Database", DatabaseAsync),
        new("scheduler", "Scheduler", SchedulerAsync),
        new("queue", "Sync queue backlog", QueueAsync),
        new("key-ring", "Data Protection key ring", KeyRingAsync),
    ];

    public async Task<CheckOutcome> DatabaseAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.CountAsync(ct);
        return CheckOutcome.Healthy($"The database answered a query ({accounts} channel accounts) on {db.Database.ProviderName?.Split('.').Last()}.");
    }

    public async Task<CheckOutcome> SchedulerAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (scheduler.IsShutdown)
        {
            return CheckOutcome.Error("The scheduler is shut down: no job will run until the app restarts.");
        }

        if (!scheduler.IsStarted || scheduler.InStandbyMode)
        {
            return CheckOutcome.Error("The scheduler is not running: no job will run.");
        }

        var now = clock.GetUtcNow();
        var threshold = TimeSpan.FromSeconds(options.Value.MisfireThresholdSeconds);
        var misfired = 0;
        var triggers = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct);
        foreach (var key in triggers)
        {
            var trigger = await scheduler.GetTrigger(key, ct);
            var state = await scheduler.GetTriggerState(key, ct);
            if (trigger?.GetNextFireTimeUtc() is { } next && state == TriggerState.Normal && now - next > threshold)
            {
                misfired++;
            }
        }

        var meta = await scheduler.GetMetaData(ct);
        var detail = $"Running since {meta.RunningSince:u}; {triggers.Count} triggers, {misfired} misfired.";
        return misfired > 0 ? CheckOutcome.Degraded(detail) : CheckOutcome.Healthy(detail);
    }

    public async Task<CheckOutcome> QueueAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var db = contexts.CreateDbContext();
        var pending = await db.SyncJobs.CountAsync(j => j.Status == SyncJobStatus.Pending, ct);
        var oldest = await db.SyncJobs.Where(j => j.Status == SyncJobStatus.Pending).MinAsync(j => (DateTime?)j.CreatedUtc, ct);
        var age = oldest is { } t ? clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(t, DateTimeKind.Utc) : TimeSpan.Zero;
        var detail = pending == 0
            ? "No sync jobs are waiting."
            : $"{pending} sync jobs pending; the oldest has waited {(int)age.TotalMinutes} min.";
        if (pending > o.QueuePendingError || age > TimeSpan.FromMinutes(o.QueueAgeErrorMinutes))
        {
            return CheckOutcome.Error($"{detail} Limits: {o.QueuePendingError} jobs or {o.QueueAgeErrorMinutes} min.");
        }

        if (pending > o.QueuePendingDegraded || age > TimeSpan.FromMinutes(o.QueueAgeDegradedMinutes))
        {
            return CheckOutcome.Degraded($"{detail} Warning at {o.QueuePendingDegraded} jobs or {o.QueueAgeDegradedMinutes} min.");
        }

        return CheckOutcome.Healthy(detail);
    }

    public Task<CheckOutcome> KeyRingAsync(CancellationToken ct)
    {
        // A round trip proves the ring can be read and used; it also creates the first key on a fresh install.
        var protector = protection.CreateProtector("SellerPortal.AdminHealth");
        if (protector.Unprotect(protector.Protect("probe")) != "probe")
        {
            return Task.FromResult(CheckOutcome.Error("Data Protection could not read back what it protected."));
        }

        var now = clock.GetUtcNow();
        var all = keys.GetAllKeys();
        var usable = all
            .Where(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now)
            .OrderByDescending(k => k.ExpirationDate)
            .FirstOrDefault();
        if (usable is null)
        {
            return Task.FromResult(CheckOutcome.Error(
                $"No active, unrevoked key among {all.Count} keys: tokens at rest cannot be protected. Check the key ring table."));
        }

        var left = usable.ExpirationDate - now;
        var encrypted = keyManagement.Value.XmlEncryptor is not null;
        var detail = $"{all.Count} keys; the default key expires {usable.ExpirationDate:yyyy-MM-dd} (in {(int)left.TotalDays} days); " +
            (encrypted ? "keys encrypted at rest with the configured certificate." : "keys stored unencrypted (no DataProtection:CertificatePath).");
        if (left < TimeSpan.FromDays(2) && !all.Any(k => !k.IsRevoked && k.ActivationDate > now))
        {
            return Task.FromResult(CheckOutcome.Degraded(detail + " No successor key yet."));
        }

        // Keys kept beside the tokens they protect, unencrypted, undo the tokens' encryption for anyone with the file.
        return Task.FromResult(!encrypted && environment.IsProduction()
            ? CheckOutcome.Degraded(detail + " Set DataProtection:CertificatePath (and its password) so a copy of the database does not carry its own keys.")
            : CheckOutcome.Healthy(detail));
    }
}
