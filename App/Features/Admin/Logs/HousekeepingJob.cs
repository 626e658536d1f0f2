using Quartz;

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
    public static IServiceCollectionQuartzConfigurator AddHousekeepingJob(this IServiceCollectionQuartzConfigurator q, string cron)
    {
        q.AddJob<HousekeepingJob>(j => j.WithIdentity(HousekeepingJob.Key).StoreDurably()
            .WithDescription("Prunes API call log rows, webhooks, ended sync jobs, order history and audit entries past their retention"));
        q.AddTrigger(t => t.ForJob(HousekeepingJob.Key).WithIdentity(HousekeepingJob.TriggerKey)
            .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireHandlingInstructionFireAndProceed()));
        return q;
    }

    public static IHostApplicationBuilder AddHousekeeping(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HousekeepingOptions>()
            .BindConfiguration(HousekeepingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddTransient<ApiCallLogPruner>();
        builder.Services.AddTransient<RetentionPruner>();
        return builder;
    }
}
