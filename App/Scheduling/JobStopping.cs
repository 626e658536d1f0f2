using Quartz;

namespace SellerPortal.Scheduling;

/// <summary>
/// A job's token that also fires when the app begins to stop. Quartz runs with WaitForJobsToComplete and only cancels
/// a job's own token when it is interrupted, so a long drain kept running through shutdown: the host gave up waiting
/// after its timeout and the job went on pushing from a stopping app while the restarted one pushed too.
/// </summary>
public static class JobStopping
{
    public static CancellationTokenSource Token(IJobExecutionContext context, IHostApplicationLifetime lifetime) =>
        CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
}
