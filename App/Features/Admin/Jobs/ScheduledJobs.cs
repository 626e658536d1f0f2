using Microsoft.EntityFrameworkCore;
using Quartz;
using Quartz.Impl.Matchers;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Admin.Jobs;

public sealed record TriggerRow(
    string JobGroup,
    string JobName,
    string? Description,
    string TriggerGroup,
    string TriggerName,
    string Schedule,
    DateTimeOffset? NextFireUtc,
    DateTimeOffset? PreviousFireUtc,
    TriggerState State)
{
    public TriggerKey TriggerKey => new(TriggerName, TriggerGroup);

    public JobKey JobKey => new(JobName, JobGroup);
}

public sealed record PollIntervalRow(int AccountId, string DisplayName, ChannelKind Channel, int OrderPollIntervalSeconds);

/// <summary>Admin › Jobs: the Quartz jobs and triggers, pause/resume/trigger-now, and the order poll interval per account.</summary>
public sealed class ScheduledJobs(ISchedulerFactory schedulers, IDbContextFactory<AppDbContext> contexts, AuditLog audit)
{
    public const int MinPollSeconds = 30;
    public const int MaxPollSeconds = 3600;

    public async Task<IReadOnlyList<TriggerRow>> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var rows = new List<TriggerRow>();
        foreach (var jobKey in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Group).ThenBy(k => k.Name))
        {
            var job = await scheduler.GetJobDetail(jobKey, ct);
            var triggers = await scheduler.GetTriggersOfJob(jobKey, ct);
            if (triggers.Count == 0)
            {
                rows.Add(new TriggerRow(jobKey.Group, jobKey.Name, job?.Description, "", "", "No trigger", null, null, TriggerState.None));
            }

            foreach (var trigger in triggers.OrderBy(t => t.Key.Group).ThenBy(t => t.Key.Name))
            {
                rows.Add(new TriggerRow(
                    jobKey.Group,
                    jobKey.Name,
                    job?.Description,
                    trigger.Key.Group,
                    trigger.Key.Name,
                    Describe(trigger),
                    trigger.GetNextFireTimeUtc(),
                    trigger.GetPreviousFireTimeUtc(),
                    await scheduler.GetTriggerState(trigger.Key, ct)));
            }
        }

        return rows;
    }

    public async Task<TriggerState> GetStateAsync(TriggerKey key, CancellationToken ct) =>
        await (await schedulers.GetScheduler(ct)).GetTriggerState(key, ct);

    public async Task PauseAsync(TriggerKey key, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "pause a scheduled job");
        await (await schedulers.GetScheduler(ct)).PauseTrigger(key, ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "Job.Pause", $"trigger:{key}", null, ct);
    }

    public async Task ResumeAsync(TriggerKey key, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "resume a scheduled job");
        await (await schedulers.GetScheduler(ct)).ResumeTrigger(key, ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "Job.Resume", $"trigger:{key}", null, ct);
    }

    public async Task TriggerNowAsync(JobKey key, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "run a scheduled job now");
        await (await schedulers.GetScheduler(ct)).TriggerJob(key, ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "Job.TriggerNow", $"job:{key}", null, ct);
    }

    public async Task<IReadOnlyList<PollIntervalRow>> ListPollIntervalsAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.DisplayName)
            .Select(a => new PollIntervalRow(a.Id, a.DisplayName, a.Channel, a.OrderPollIntervalSeconds))
            .ToListAsync(ct);
    }

    /// <summary>Sets how often an account's orders are polled; returns an error sentence, or null when saved.</summary>
    public async Task<string?> SetOrderPollIntervalAsync(int accountId, int seconds, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change how often orders are polled");
        if (seconds is < MinPollSeconds or > MaxPollSeconds)
        {
            return $"The order poll interval must be between {MinPollSeconds} and {MaxPollSeconds} seconds.";
        }

        await using var db = contexts.CreateDbContext();
        var account = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return "That channel account no longer exists.";
        }

        var before = account.OrderPollIntervalSeconds;
        account.OrderPollIntervalSeconds = seconds;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "ChannelAccount.OrderPollInterval",
            $"channel-account:{accountId}", $"{account.DisplayName}: {before} s → {seconds} s", ct);
        return null;
    }

    public static string Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
        ISimpleTrigger simple when simple.RepeatCount == 0 => "once",
        ISimpleTrigger simple => $"every {Interval(simple.RepeatInterval)}",
        IDailyTimeIntervalTrigger daily => $"every {daily.RepeatInterval} {daily.RepeatIntervalUnit.ToString().ToLowerInvariant()}",
        ICalendarIntervalTrigger calendar => $"every {calendar.RepeatInterval} {calendar.RepeatIntervalUnit.ToString().ToLowerInvariant()}",
        _ => trigger.GetType().Name,
    };

    private static string Interval(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{span.TotalSeconds:0} s",
        { TotalMinutes: < 60 } => $"{span.TotalMinutes:0.#} min",
        _ => $"{span.TotalHours:0.#} h",
    };
}
