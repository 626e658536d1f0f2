using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Inventory;

public sealed partial class InventoryPage
{
    private MudDataGrid<InventoryRow>? grid;
    private string? text;
    private bool oversoldOnly;
    private Actor actor = new(null, null);
    private IReadOnlyList<ReconcileFailure> reconcileFailures = [];

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            actor = Actor.From(user);
        }

        reconcileFailures = await Overview.ReconcileFailuresAsync(Cancellation);
    }

    private async Task<GridData<InventoryRow>> LoadAsync(GridState<InventoryRow> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(InventoryRow.OnHand) => InventorySort.OnHand,
            nameof(InventoryRow.Available) => InventorySort.Available,
            _ => InventorySort.Sku,
        };
        var (rows, total) = await Overview.SearchAsync(text, oversoldOnly, by, sort?.Descending ?? false, state.Page, state.PageSize, Cancellation);
        return new GridData<InventoryRow> { Items = rows, TotalItems = total };
    }

    private static string Describe(ChannelPushCell c) =>
        string.Concat(
            $"{c.Account}: {(c.Succeeded == false ? "last push refused" : "last push accepted")}",
            c.Drift ? $"; the channel shows {c.ReadBackQuantity}" : "",
            c.PriceDrift ? "; the channel's price differs from the price rule" : "",
            c.ListingDrift ? "; the channel shows the listing inactive or not at all" : "",
            c.FulfilledByChannel is { } fulfilled ? $"; {ChannelFulfilment.Describe(c.Channel, fulfilled)}" : "");

    private async Task ReconcileNowAsync()
    {
        var scheduler = await Schedulers.GetScheduler();
        await scheduler.TriggerJob(ReconcileListingsJob.Key);
        Snackbar.Add("Reconciling: each channel's listings are being read back. Drift shows here when it is done.", Severity.Info);
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task TextChangedAsync(string? value) { text = value; return ReloadAsync(); }

    private Task OversoldChangedAsync(bool value) { oversoldOnly = value; return ReloadAsync(); }

    private async Task ExplainAsync(InventoryRow row)
    {
        if (await Overview.ExplainAsync(row.VariantId, Cancellation) is { } explanation)
        {
            await Dialogs.ShowAsync<WhyThisNumberDialog>("Why this number",
                new DialogParameters<WhyThisNumberDialog> { { d => d.Explanation, explanation } },
                new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        }
    }

    private async Task AdjustAsync(InventoryRow row)
    {
        var dialog = await Dialogs.ShowAsync<AdjustStockDialog>($"Adjust {row.Sku}",
            new DialogParameters<AdjustStockDialog> { { d => d.Sku, row.Sku }, { d => d.OnHand, row.OnHand } });
        if (await dialog.Result is not { Canceled: false, Data: StockAdjustment a })
        {
            return;
        }

        var level = a.SetCount
            ? await Ledger.SetOnHandAsync(row.VariantId, a.Amount, a.Note, actor, StockMovementReason.ManualAdjustment, Cancellation)
            : await Ledger.AdjustAsync(row.VariantId, a.Amount, a.Note, actor, Cancellation);
        Snackbar.Add($"{row.Sku}: {level.OnHand} on hand, {level.Available} available. Channels will be updated.", level.Oversold ? Severity.Warning : Severity.Success);
        await ReloadAsync();
    }
}
