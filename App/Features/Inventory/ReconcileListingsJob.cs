using Quartz;

namespace SellerPortal.Features.Inventory;

/// <summary>Reads back every connected account's listings and flags drift. Thin: the reconciler does the work.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileListingsJob(ListingReconciler reconciler, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("reconcile-listings", "inventory");
    public static readonly TriggerKey TriggerKey = new("reconcile-listings-interval", "inventory");

    public Task Execute(IJobExecutionContext context) => Scheduling.JobStopping.RunAsync(context.CancellationToken, lifetime, reconciler.ReconcileAllAsync);
}
