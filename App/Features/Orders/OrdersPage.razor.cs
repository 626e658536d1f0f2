using MudBlazor;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

public sealed partial class OrdersPage
{
    private MudDataGrid<OrderRow>? grid;
    private OrderSearch search = new();
    private DateRange? range;
    private bool moreThanTotal;
    private IReadOnlyList<AccountOption> accounts = [];


    protected override async Task OnInitializedAsync()
    {
        accounts = await Overview.AccountsAsync(Cancellation);
        _ = FollowNewOrdersAsync();
    }

    // Orders arrive by themselves (webhooks, scheduled imports): the list follows them while the page is open.
    private async Task FollowNewOrdersAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(Cancellation))
            {
                await InvokeAsync(ReloadAsync);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<GridData<OrderRow>> LoadAsync(GridState<OrderRow> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var by = sort?.SortBy switch
        {
            nameof(OrderRow.TotalMinor) => OrderSort.Total,
            nameof(OrderRow.OrderNumber) => OrderSort.OrderNumber,
            nameof(OrderRow.Status) => OrderSort.Status,
            _ => OrderSort.Placed,
        };
        var (rows, total, more) = await Overview.SearchAsync(search, by, sort?.Descending ?? true, state.Page, state.PageSize, Cancellation);
        moreThanTotal = more;
        return new GridData<OrderRow> { Items = rows, TotalItems = total };
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task TextChangedAsync(string? text) { search = search with { Text = text }; return ReloadAsync(); }

    private Task AccountChangedAsync(int? id) { search = search with { AccountId = id }; return ReloadAsync(); }

    private Task StatusChangedAsync(OrderStatus? status) { search = search with { Status = status }; return ReloadAsync(); }

    private Task RangeChangedAsync(DateRange? value)
    {
        range = value;
        search = search with
        {
            FromUtc = value?.Start is { } s ? DateTime.SpecifyKind(s.Date, DateTimeKind.Utc) : null,
            ToUtc = value?.End is { } e ? DateTime.SpecifyKind(e.Date.AddDays(1), DateTimeKind.Utc) : null,
        };
        return ReloadAsync();
    }

    private async Task RescanAsync(int accountId)
    {
        await Imports.RescanAsync(accountId, 24, Cancellation);
        Snackbar.Add("A re-scan of the last 24 hours is queued.", Severity.Info);
    }

    private async Task ShipFromCsvAsync()
    {
        var dialog = await Dialogs.ShowAsync<ShipFromCsvDialog>("Ship from CSV", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int queued })
        {
            Snackbar.Add($"{queued} shipment(s) queued for their channels.", Severity.Success);
            await ReloadAsync();
        }
    }
}
