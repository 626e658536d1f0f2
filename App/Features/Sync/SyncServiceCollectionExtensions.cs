using Quartz;
using SellerPortal.Scheduling;

namespace SellerPortal.Features.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The sync queue, its dispatcher and the price push handler (stock pushes are Inventory's), the dispatch job, and
    /// the on-signal drain that starts only where the scheduler runs and dispatch on enqueue is on.
    /// </summary>
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SyncQueueOptions>()
            .BindConfiguration(SyncQueueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<SyncDispatchSignal>();
        builder.Services.AddSingleton<SyncQueue>();
        builder.Services.AddSingleton<SyncDispatcher>();
        builder.Services.AddSingleton<ISyncJobHandler, PushPriceHandler>();
        builder.Services.AddSingleton<SyncQueueOverview>();
        builder.Services.AddSingleton<RateLimitOverview>();

        var options = builder.Configuration.GetSection(SyncQueueOptions.SectionName).Get<SyncQueueOptions>() ?? new();
        builder.Services.AddScheduledJob<DispatchSyncQueueJob>(DispatchSyncQueueJob.Key,
            "Drains the sync queue into the channels' batch calls",
            DispatchSyncQueueJob.TriggerKey,
            t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(options.DispatchInterval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
        if (options.DispatchOnEnqueue && SellerPortal.Scheduling.SchedulingOptions.IsEnabled(builder.Configuration))
        {
            // Orders and stock drain the moment they are queued; the dispatch job catches retries as they come due.
            builder.Services.AddHostedService<DispatchOnSignalService>();
        }

        return builder;
    }
}
