namespace SellerPortal.Scheduling;

/// <summary>
/// Runs a job's work with a token that also fires when the app begins to stop. Quartz runs with WaitForJobsToComplete
/// and only cancels a job's own token when it is interrupted, so a long drain kept running through shutdown: the host
/// gave up waiting after its timeout and the job went on pushing from a stopping app while the restarted one pushed too.
/// Stopping part-way is not a failure: the work hands back what it did not finish (the queue) or simply runs again.
/// </summary>
public static class JobStopping
{
    public static async Task RunAsync(CancellationToken jobToken, IHostApplicationLifetime lifetime, Func<CancellationToken, Task> work)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(jobToken, lifetime.ApplicationStopping);
        try
        {
            await work(stopping.Token);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
