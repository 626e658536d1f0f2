using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings.ProductChannels;

public sealed partial class ProductChannelsPage
{
    private ProductChannelsView? view;
    private PeriodicTimer? timer;
    private readonly CancellationTokenSource stop = new();

    [Parameter] public int ProductId { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        view = await Service.LoadAsync(ProductId, stop.Token);
        timer ??= StartRefresh();
    }

    // States move as the queue works: refresh while the page is open so badges turn Live by themselves.
    private PeriodicTimer StartRefresh()
    {
        var t = new PeriodicTimer(TimeSpan.FromSeconds(2));
        _ = Task.Run(async () =>
        {
            try
            {
                while (await t.WaitForNextTickAsync(stop.Token))
                {
                    var fresh = await Service.LoadAsync(ProductId, stop.Token);
                    await InvokeAsync(() => { view = fresh; StateHasChanged(); });
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        return t;
    }

    private async Task RunAsync(ChannelAction action)
    {
        var problems = await Service.RunAsync(ProductId, action, stop.Token);
        ChannelActionReport.Show(Snackbar, problems, $"{ChannelStatusDisplay.VerbLabel(action.Verb)} queued.");
        view = await Service.LoadAsync(ProductId, stop.Token);
    }

    private async Task PublishAllAsync() => await ForAllAsync(ChannelActionVerb.Publish, a => a.State is not Listings.ListingState.Live);

    private async Task UnpublishAllAsync() => await ForAllAsync(ChannelActionVerb.Unpublish, a => a.State is Listings.ListingState.Live);

    private async Task ForAllAsync(ChannelActionVerb verb, Func<AccountListingView, bool> applies)
    {
        var targets = view!.Accounts.Where(applies).ToList();
        var refused = new List<string>();
        foreach (var account in targets)
        {
            var problems = await Service.RunAsync(ProductId, new ChannelAction(account.AccountId, verb), stop.Token);
            refused.AddRange(problems.Select(p => $"{account.AccountName}: {p}"));
        }

        ChannelActionReport.Show(Snackbar, refused, $"{ChannelStatusDisplay.VerbLabel(verb)} queued on {targets.Count} channel(s).");
        view = await Service.LoadAsync(ProductId, stop.Token);
    }

    private async Task SaveAsync(int accountId, ListingSettings settings)
    {
        var actor = Actor.From((await AuthenticationState).User);
        var problem = await Service.SaveSettingsAsync(ProductId, accountId, settings, actor, stop.Token);
        Snackbar.Add(problem ?? "Channel settings saved.", problem is null ? Severity.Success : Severity.Warning);
        view = await Service.LoadAsync(ProductId, stop.Token);
    }

    public void Dispose()
    {
        stop.Cancel();
        timer?.Dispose();
    }
}
