using Quartz;

namespace SellerPortal.Features.Sync;

public static class SyncServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncQueueOptions>()
            .BindConfiguration(SyncQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SyncDispatchSignal>();
        builder.Services.AddSingleton<SyncQueue>();
        builder.Services.AddSingleton<SyncDispatcher>();
        builder.Services.AddSingleton<ISyncJobHandler, PushStockHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, PushPriceHandler>();
        builder.Services.AddSingleton<SyncQueueOverview>();
        builder.Services.AddSingleton<RateLimitOverview>();
        return builder;
    }

    public static IServiceCollectionQuartzConfigurator AddSyncJobs(this IServiceCollectionQuartzConfigurator q, TimeSpan interval)
    {
        q.AddJob<DispatchSyncQueueJob>(j => j.WithIdentity(DispatchSyncQueueJob.Key).StoreDurably()
            .WithDescription("Drains the sync queue into the channels' batch calls"));
        q.AddTrigger(t => t.ForJob(DispatchSyncQueueJob.Key).WithIdentity(DispatchSyncQueueJob.TriggerKey)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
        return q;
    }
}
