using MudBlazor;

namespace SellerPortal.Features.Sync;

public sealed partial class SyncPage
{
    private IReadOnlyList<AccountQueueRow>? accounts;
    private IReadOnlyList<AccountRateLimitRow>? limits;
    private SyncJobsGrid? grid;
    private PeriodicTimer? timer;
    private readonly CancellationTokenSource stop = new();

    protected override async Task OnInitializedAsync()
    {
        accounts = await Overview.PerAccountAsync(stop.Token);
        limits = await RateLimits.PerAccountAsync(stop.Token);
        _ = RefreshLoopAsync();
    }

    // The queue moves on its own; refresh the figures every few seconds while the page is open.
    private async Task RefreshLoopAsync()
    {
        timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                accounts = await Overview.PerAccountAsync(stop.Token);
                limits = await RateLimits.PerAccountAsync(stop.Token);
                if (grid is not null)
                {
                    await grid.ReloadAsync();
                }

                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SyncNowAsync()
    {
        var scheduler = await Schedulers.GetScheduler();
        await scheduler.TriggerJob(DispatchSyncQueueJob.Key);
        Snackbar.Add("Sync started: due jobs are being sent to the channels.", Severity.Info);
    }

    private async Task RetryAsync(long id)
    {
        var n = await Queue.RetryAsync([id], stop.Token);
        Snackbar.Add(n > 0 ? $"Job {id} is queued again." : $"Job {id} could not be retried (it is not failed, dead or cancelled).", n > 0 ? Severity.Success : Severity.Warning);
        await grid!.ReloadAsync();
    }

    private async Task CancelAsync(long id)
    {
        var n = await Queue.CancelAsync([id], stop.Token);
        Snackbar.Add(n > 0 ? $"Job {id} is cancelled." : $"Job {id} is no longer pending.", n > 0 ? Severity.Success : Severity.Warning);
        await grid!.ReloadAsync();
    }

    public void Dispose()
    {
        stop.Cancel();
        timer?.Dispose();
        stop.Dispose();
    }
}
