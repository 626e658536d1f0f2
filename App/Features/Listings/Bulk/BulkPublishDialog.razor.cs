using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings.Bulk;

public sealed partial class BulkPublishDialog
{
    private IReadOnlyList<ChannelAccountSummary> accounts = [];
    private readonly Dictionary<int, PriceRule> plans = [];
    private BulkPreview? preview;
    private BulkProgress? progress;
    private bool busy;
    private readonly CancellationTokenSource stop = new();

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [Parameter] public IReadOnlyList<int> ProductIds { get; set; } = [];

    /// <summary>Which of the four bulk operations this dialog starts; prices are chosen only where they apply.</summary>
    [Parameter] public BulkOperationKind Mode { get; set; } = BulkOperationKind.Publish;

    private bool WithPrices => Mode is BulkOperationKind.Publish or BulkOperationKind.UpdatePrices;

    private string Verb => Mode switch
    {
        BulkOperationKind.Publish => "Publish",
        BulkOperationKind.UpdatePrices => "Update prices of",
        BulkOperationKind.Unpublish => "Unpublish",
        _ => "Push stock of",
    };

    protected override async Task OnInitializedAsync() => accounts = await Catalog.ChannelAccountsAsync(stop.Token);

    private void Toggle(int accountId, bool on)
    {
        if (on)
        {
            plans[accountId] = PriceRule.Base;
        }
        else
        {
            plans.Remove(accountId);
        }

        preview = null;
    }

    private List<ChannelPlan> Plans => plans.Select(p => new ChannelPlan(p.Key, p.Value)).ToList();

    private async Task PreviewAsync()
    {
        busy = true;
        preview = await Bulk.PreviewAsync(ProductIds, Plans, maxRows: 200, stop.Token);
        busy = false;
    }

    private async Task StartAsync()
    {
        busy = true;
        var actor = AuthenticationState is null ? new Actor(null, null) : Actor.From((await AuthenticationState).User);
        var accountIds = plans.Keys.ToList();
        var started = Mode switch
        {
            BulkOperationKind.Publish => await Bulk.PublishAsync(ProductIds, Plans, actor, stop.Token),
            BulkOperationKind.UpdatePrices => await Bulk.UpdatePricesAsync(ProductIds, Plans, actor, stop.Token),
            BulkOperationKind.Unpublish => await Bulk.UnpublishAsync(ProductIds, accountIds, actor, stop.Token),
            _ => await Bulk.SyncInventoryAsync(ProductIds, accountIds, actor, stop.Token),
        };
        preview = null;
        progress = await Bulk.ProgressAsync(started.OperationId, stop.Token);
        refused = started.Refused;
        busy = false;
        _ = FollowAsync(started.OperationId);
    }

    private IReadOnlyList<BulkItemProblem> refused = [];

    // The queue does the work; the dialog only watches it, so closing the browser changes nothing.
    private async Task FollowAsync(Guid id)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(750));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var p = await Bulk.ProgressAsync(id, stop.Token);
                await InvokeAsync(() => { progress = p; StateHasChanged(); });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RetryFailedAsync() => await Bulk.RetryFailedAsync(progress!.OperationId, stop.Token);

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }
}
