using Quartz;
using SellerPortal.Scheduling;

namespace SellerPortal.Features.Admin.Logs;

/// <summary>Nightly prune of rows past their retention. Thin: the work is in <see cref="ApiCallLogPruner"/> and <see cref="RetentionPruner"/>.</summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(ApiCallLogPruner pruner, RetentionPruner retention) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "admin");
    public static readonly TriggerKey TriggerKey = new("housekeeping-nightly", "admin");

    public async Task Execute(IJobExecutionContext context)
    {
        await pruner.PruneAsync(context.CancellationToken);
        await retention.PruneAsync(context.CancellationToken);
    }
}

public static class HousekeepingRegistration
{
    public static IHostApplicationBuilder AddHousekeeping(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HousekeepingOptions>()
            .BindConfiguration(HousekeepingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ApiCallLogPruner>();
        builder.Services.AddTransient<RetentionPruner>();
        var cron = builder.Configuration.GetSection(HousekeepingOptions.SectionName).Get<HousekeepingOptions>()?.Schedule ?? new HousekeepingOptions().Schedule;
        builder.Services.AddScheduledJob<HousekeepingJob>(HousekeepingJob.Key,
            "Prunes API call log rows, webhooks, ended sync jobs, order history and audit entries past their retention",
            HousekeepingJob.TriggerKey,
            t => t.WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireHandlingInstructionFireAndProceed()));
        return builder;
    }
}
