using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Listings.ProductChannels;

namespace SellerPortal.Features.Catalog;

public sealed partial class ProductsPage
{
    private const string NotListedKey = "NotListed";
    private const long MaxImportBytes = 50 * 1024 * 1024;

    private MudDataGrid<ProductRow>? grid;
    private HashSet<ProductRow> selected = [];
    private IReadOnlyList<ChannelAccountSummary> accounts = [];
    private IReadOnlyList<string> brands = [];
    private IReadOnlyList<string> categories = [];
    private string? text;
    private string? brand;
    private string? category;
    private string? listingState;
    private int? listingAccountId;
    private bool catalogEmpty;
    private bool busy;

    [Inject] private ProductCatalog Catalog { get; set; } = default!;
    [Inject] private ProductChannelsService ProductChannels { get; set; } = default!;
    [Inject] private ProductCsv Csv { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private ILogger<ProductsPage> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync() => await LoadLookupsAsync();

    private async Task LoadLookupsAsync()
    {
        accounts = await Catalog.ChannelAccountsAsync(Cancellation);
        (brands, categories) = await Catalog.FacetsAsync(Cancellation);
        catalogEmpty = (await Catalog.QueryAsync(new ProductQuery { PageSize = 1 }, Cancellation)).TotalCount == 0;
    }

    private async Task<GridData<ProductRow>> LoadAsync(GridState<ProductRow> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var page = await Catalog.QueryAsync(new ProductQuery
        {
            Text = text,
            Brand = brand,
            Category = category,
            Listing = Listing(),
            Sort = sort?.SortBy switch
            {
                nameof(ProductRow.Name) => ProductSort.Name,
                nameof(ProductRow.Brand) => ProductSort.Brand,
                nameof(ProductRow.Category) => ProductSort.Category,
                nameof(ProductRow.FirstSku) => ProductSort.Sku,
                _ => ProductSort.Updated,
            },
            Descending = sort?.Descending ?? true,
            Page = state.Page,
            PageSize = state.PageSize,
        }, Cancellation);
        return new GridData<ProductRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private ListingFilter? Listing() => listingState switch
    {
        null => null,
        NotListedKey => new ListingFilter(null, listingAccountId),
        _ => new ListingFilter(Enum.Parse<ListingState>(listingState), listingAccountId),
    };

    private Task SetTextAsync(string? value) => ReloadAfter(() => text = value);

    private Task SetBrandAsync(string? value) => ReloadAfter(() => brand = value);

    private Task SetCategoryAsync(string? value) => ReloadAfter(() => category = value);

    private Task SetListingStateAsync(string? value) => ReloadAfter(() =>
    {
        listingState = value;
        listingAccountId = value is null ? null : listingAccountId;
    });

    private Task SetListingAccountAsync(int? value) => ReloadAfter(() => listingAccountId = value);

    private async Task ReloadAfter(Action change)
    {
        change();
        selected.Clear();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task OnChannelAction(ProductRow row, ChannelAction action)
    {
        var account = accounts.FirstOrDefault(a => a.Id == action.ChannelAccountId)?.DisplayName ?? "the channel";
        var problems = await ProductChannels.RunAsync(row.Id, action, Cancellation);
        ChannelActionReport.Show(Snackbar, problems, $"{ChannelStatusDisplay.VerbLabel(action.Verb)} of {row.Name} on {account} is queued.");
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task BulkAsync(BulkOperationKind mode)
    {
        var ids = selected.Select(r => r.Id).ToList();
        var dialog = await Dialogs.ShowAsync<BulkPublishDialog>(mode.ToString(), new DialogParameters<BulkPublishDialog> { { d => d.ProductIds, ids }, { d => d.Mode, mode } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task DeleteSelectedAsync()
    {
        var rows = selected.ToList();
        var confirmed = await Dialogs.ShowMessageBox("Delete products",
            $"Delete {rows.Count} product(s) with their variants from the catalog? Products still live on a channel are kept: unpublish them first.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var kept = new List<string>();
        foreach (var row in rows)
        {
            if (await Catalog.DeleteAsync(row.Id, Cancellation) == DeleteOutcome.StillListed)
            {
                kept.Add(row.Name);
            }
        }

        Snackbar.Add($"Deleted {rows.Count - kept.Count} product(s).", Severity.Success);
        if (kept.Count > 0)
        {
            Snackbar.Add($"Kept {string.Join(", ", kept)}: still live on a channel. Unpublish first.", Severity.Warning);
        }

        await LoadLookupsAsync();
        await ReloadAfter(() => { });
    }
}
