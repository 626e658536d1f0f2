using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace SellerPortal.Features.Orders;

public sealed partial class OrderDetailPage
{
    private OrderDetail? order;
    private bool loaded;
    private string? userName;
    private bool watching;

    [Parameter] public long Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        userName = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        order = await Details.GetAsync(Id, Cancellation);
        loaded = true;
    }

    private async Task OnShipmentQueuedAsync(ShipOutcome outcome)
    {
        Snackbar.Add(outcome.Message, outcome.Queued ? Severity.Success : Severity.Error);
        await LoadAsync();
        if (outcome.Queued && !watching)
        {
            _ = WatchShipmentAsync();
        }
    }

    // The sync engine sends the shipment on its own schedule; show the channel's answer when it arrives.
    private async Task WatchShipmentAsync()
    {
        watching = true;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        try
        {
            while (order?.ShipmentState == ShipmentPushState.Queued && await timer.WaitForNextTickAsync(Cancellation))
            {
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        finally
        {
            watching = false;
        }
    }

    private async Task RefreshAsync()
    {
        var accountId = await Details.AccountOfAsync(Id, Cancellation);
        if (order is not null && accountId is { } account)
        {
            await Imports.RefreshAsync(account, order.ExternalOrderId, Cancellation);
            Snackbar.Add("A refresh from the channel is queued; the page shows it once the sync runs.", Severity.Info);
        }
    }
}
