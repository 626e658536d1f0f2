using Microsoft.AspNetCore.Components;
using MudBlazor;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Catalog;

public sealed partial class ProductEditPage
{
    private ProductEditModel? model;
    private MudForm? form;
    private bool valid;
    private bool saving;
    private bool notFound;
    private IReadOnlyList<ValidationProblem> problems = [];
    private IReadOnlyList<ChannelListingStatus> statuses = [];

    [Parameter] public int? Id { get; set; }

    [Inject] private ProductCatalog Catalog { get; set; } = default!;
    [Inject] private SellerPortal.Features.Listings.ProductChannels.ProductChannelsService ProductChannels { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ChannelRegistry Channels { get; set; } = default!;

    private bool IsNew => Id is null;

    protected override async Task OnParametersSetAsync()
    {
        problems = [];
        notFound = false;
        if (Id is not { } id)
        {
            model = new ProductEditModel { Variants = [new VariantEditModel()] };
            statuses = [];
            return;
        }

        model = await Catalog.GetAsync(id, Cancellation);
        notFound = model is null;
        await LoadStatusesAsync(id);
    }

    private async Task LoadStatusesAsync(int id)
    {
        var accounts = await Catalog.ChannelAccountsAsync(Cancellation);
        statuses = ChannelStatusDisplay.ForAccounts(accounts, await Catalog.ListingsAsync(id, Cancellation));
    }

    private async Task SaveAsync()
    {
        if (model is null || form is null)
        {
            return;
        }

        await form.Validate();
        problems = ProductValidator.Validate(model);
        if (!valid || problems.Count > 0)
        {
            Snackbar.Add("Some fields need attention before the product can be saved.", Severity.Warning);
            return;
        }

        saving = true;
        try
        {
            var result = await Catalog.SaveAsync(model, Cancellation);
            problems = result.Problems;
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Problems.FirstOrDefault()?.Message ?? "The product could not be saved.", Severity.Error);
                return;
            }

            Snackbar.Add($"Saved {model.Name.Trim()}.", Severity.Success);
            if (IsNew)
            {
                Navigation.NavigateTo($"/products/{result.ProductId}");
            }
            else
            {
                model = await Catalog.GetAsync(result.ProductId!.Value, Cancellation);
            }
        }
        finally
        {
            saving = false;
        }
    }

    private async Task DeleteAsync()
    {
        if (Id is not { } id || await Dialogs.ShowMessageBox("Delete product", $"Delete {model?.Name} and all its variants?", yesText: "Delete", cancelText: "Cancel") != true)
        {
            return;
        }

        switch (await Catalog.DeleteAsync(id, Cancellation))
        {
            case DeleteOutcome.StillListed:
                Snackbar.Add("This product is still live on a channel: unpublish it there first.", Severity.Warning);
                break;
            default:
                Snackbar.Add($"Deleted {model?.Name}.", Severity.Success);
                Navigation.NavigateTo("/products");
                break;
        }
    }

    private async Task OnChannelAction(ChannelAction action)
    {
        var account = statuses.FirstOrDefault(s => s.ChannelAccountId == action.ChannelAccountId)?.AccountName ?? "the channel";
        var problems = await ProductChannels.RunAsync(Id!.Value, action, Cancellation);
        SellerPortal.Features.Listings.ProductChannels.ChannelActionReport.Show(Snackbar, problems, $"{ChannelStatusDisplay.VerbLabel(action.Verb)} on {account} is queued.");
        statuses = ChannelStatusDisplay.ForAccounts(await Catalog.ChannelAccountsAsync(Cancellation), await Catalog.ListingsAsync(Id!.Value, Cancellation));
    }
}
