using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class ProductChannelStatusTests : MudTestContext, IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private readonly IRenderedComponent<MudBlazor.MudPopoverProvider> popovers;

    public ProductChannelStatusTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        popovers = RenderProviders();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are async-disposable only; xunit 2 disposes synchronously unless the context was disposed first.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public static TheoryData<ListingState?, string, string[]> States => new()
    {
        { null, "Not listed", ["publish"] },
        { ListingState.Draft, "Draft", ["publish"] },
        { ListingState.Publishing, "Publishing", [] },
        { ListingState.Live, "Live", ["update", "push-stock", "unpublish"] },
        { ListingState.Unpublishing, "Unpublishing", [] },
        { ListingState.Unpublished, "Unpublished", ["publish"] },
        { ListingState.Error, "Error", ["publish"] },
    };

    private static ChannelListingStatus Status(ListingState? state, int account = 7, DateTime? synced = null, string? error = null) =>
        new(account, "eBay US", ChannelKind.Ebay, state, synced, error);

    private IRenderedComponent<ProductChannelStatus> RenderStatus(bool dense, List<ChannelAction>? raised = null, params ChannelListingStatus[] statuses) =>
        Render<ProductChannelStatus>(p => p
            .Add(x => x.Statuses, statuses)
            .Add(x => x.Dense, dense)
            .Add(x => x.OnAction, (ChannelAction a) => raised?.Add(a)));

    [Theory]
    [MemberData(nameof(States))]
    public void Full_ShowsTheBadgeAndTheActionsOfEachState(ListingState? state, string label, string[] actions)
    {
        var cut = RenderStatus(dense: false, null, Status(state));

        Assert.Equal(label, cut.Find("[data-testid='status-7']").TextContent.Trim());
        Assert.Equal(actions.Select(a => $"action-{a}-7"), cut.FindAll("[data-testid^='action-']").Select(e => e.GetAttribute("data-testid")));
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Compact_ShowsTheBadge_AndTheActionsInAMenu(ListingState? state, string label, string[] actions)
    {
        var cut = RenderStatus(dense: true, null, Status(state));

        Assert.EndsWith(label, cut.Find("[data-testid='status-7']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("button[data-testid^='action-']"));
        if (actions.Length == 0)
        {
            Assert.Empty(cut.FindAll("[data-testid='channel-actions']"));
            return;
        }

        cut.Find("[data-testid='channel-actions'] button").Click();
        popovers.WaitForAssertion(() => Assert.Equal(
            actions.Select(a => $"action-{a}-7"),
            popovers.FindAll("[data-testid^='action-']").Select(e => e.GetAttribute("data-testid"))));
    }

    [Fact]
    public void Full_OneBadgePerAccount_AndTheErrorInFull()
    {
        var error = "eBay rejected the listing: Title is longer than 80 characters (error 240).";
        var cut = RenderStatus(dense: false, null, Status(ListingState.Live, 1), Status(ListingState.Error, 2, error: error));

        Assert.Equal("Live", cut.Find("[data-testid='status-1']").TextContent.Trim());
        Assert.Equal("Error", cut.Find("[data-testid='status-2']").TextContent.Trim());
        Assert.Contains(error, cut.Find("[data-testid='error-2']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid='error-1']"));
    }

    [Fact]
    public void Full_ClickingAnAction_RaisesItForThatAccount()
    {
        var raised = new List<ChannelAction>();
        var cut = RenderStatus(dense: false, raised, Status(ListingState.Live, 3), Status(null, 4));

        cut.Find("[data-testid='action-unpublish-3']").Click();
        cut.Find("[data-testid='action-publish-4']").Click();

        Assert.Equal([new ChannelAction(3, ChannelActionVerb.Unpublish), new ChannelAction(4, ChannelActionVerb.Publish)], raised);
    }

    [Fact]
    public void Compact_ChoosingAMenuAction_RaisesIt()
    {
        var raised = new List<ChannelAction>();
        var cut = RenderStatus(dense: true, raised, Status(ListingState.Live, 3));

        cut.Find("[data-testid='channel-actions'] button").Click();
        popovers.WaitForElement("[data-testid='action-push-stock-3']").Click();

        // The menu closes before it raises the item's click.
        cut.WaitForAssertion(() => Assert.Equal([new ChannelAction(3, ChannelActionVerb.PushStock)], raised));
    }

    [Fact]
    public void Full_ShowsTheSyncTimeRelative_WithTheExactUtcTimeInATooltip()
    {
        var cut = RenderStatus(dense: false, null, Status(ListingState.Live, 7, synced: Now.AddMinutes(-3)));

        var synced = cut.Find("[data-testid='synced-7']");
        Assert.Equal("3 min ago", synced.TextContent.Trim());
        Assert.Equal("2026-11-24T08:57:00.0000000Z", synced.QuerySelector("time")!.GetAttribute("datetime"));

        cut.Find("[data-testid='synced-7']").ParentElement!.TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        popovers.WaitForAssertion(() => Assert.Contains("2026-11-24 08:57:00 UTC", popovers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Full_WithNoSyncYet_SaysNeverSynced()
    {
        var cut = RenderStatus(dense: false, null, Status(ListingState.Publishing, 7));

        Assert.Equal("never synced", cut.Find("[data-testid='synced-7']").TextContent.Trim());
    }

    [Fact]
    public void ForAccounts_GivesNotListedToAccountsWithoutAListing()
    {
        var statuses = ChannelStatusDisplay.ForAccounts(
            [new(1, "eBay US", ChannelKind.Ebay), new(2, "Etsy", ChannelKind.Etsy)],
            [Status(ListingState.Live, 2)]);

        Assert.Equal([(1, (ListingState?)null), (2, ListingState.Live)], statuses.Select(s => (s.ChannelAccountId, s.State)));
    }
}
