using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace SellerPortal.Features.Dashboard.Alerts;

public sealed partial class AlertBanner
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource stop = new();
    private IReadOnlyList<ActiveAlert> alerts = [];
    private PeriodicTimer? timer;
    private Task? polling;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (await IsSignedInAsync())
        {
            await RefreshAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Only once interactive: prerendering has no circuit to keep a timer alive for.
        if (firstRender && await IsSignedInAsync())
        {
            timer = new PeriodicTimer(RefreshEvery, Clock);
            polling = PollAsync(timer, stop.Token);
        }
    }

    private async Task<bool> IsSignedInAsync() =>
        AuthenticationState is not null && (await AuthenticationState).User.Identity?.IsAuthenticated == true;

    private async Task PollAsync(PeriodicTimer ticks, CancellationToken ct)
    {
        try
        {
            while (await ticks.WaitForNextTickAsync(ct))
            {
                await RefreshAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            alerts = await Alerts.GetActiveAsync(stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The banner must never take the page down with it: keep the last alerts and log.
            Logger.LogWarning(ex, "Evaluating alerts for the banner failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        timer?.Dispose();
        if (polling is not null)
        {
            await polling;
        }

        stop.Dispose();
    }
}
