using Quartz;

namespace SellerPortal.Features.Sync;

/// <summary>Drains the sync queue on a short interval. One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchSyncQueueJob(SyncDispatcher dispatcher, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("dispatch-sync-queue", "sync");
    public static readonly TriggerKey TriggerKey = new("dispatch-sync-queue-interval", "sync");

    public Task Execute(IJobExecutionContext context) => Scheduling.JobStopping.RunAsync(context.CancellationToken, lifetime, dispatcher.DrainAllAsync);
}
