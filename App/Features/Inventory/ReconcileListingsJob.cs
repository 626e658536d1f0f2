using Quartz;

namespace SellerPortal.Features.Inventory;

/// <summary>Reads back every connected account's listings and flags drift. Thin: the reconciler does the work.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileListingsJob(ListingReconciler reconciler, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("reconcile-listings", "inventory");
    public static readonly TriggerKey TriggerKey = new("reconcile-listings-interval", "inventory");

    public async Task Execute(IJobExecutionContext context)
    {
        using var stopping = Scheduling.JobStopping.Token(context, lifetime);
        try
        {
            await reconciler.ReconcileAllAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopping: the next run reads everything back again.
        }
    }
}
