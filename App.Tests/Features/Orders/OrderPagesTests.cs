using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Orders;

public sealed class OrderPagesTests : MudTestContext, IAsyncLifetime
{
    private readonly OrdersWorld world = new();

    public OrderPagesTests()
    {
        Services.AddSingleton(new OrdersOverview(world.Db));
        Services.AddSingleton(new OrderDetails(world.Db));
        Services.AddSingleton(world.Shipping);
        Services.AddSingleton(world.Scheduler);
    }

    public async Task InitializeAsync()
    {
        var ebay = await world.AddAccountAsync(ChannelKind.Ebay, "eBay US");
        var amazon = await world.AddAccountAsync(ChannelKind.Amazon, "Amazon US");
        await world.AddProductAsync("MUG-BLUE", 10);
        await world.Importer.ImportAsync(ebay, [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 1))], OrderChangeSource.Import, default);
        await world.Importer.ImportAsync(amazon, [OrdersWorld.Order("A1", OrderStatus.Pending, OrdersWorld.Start.AddHours(1), ("AMZ-ODD", 2))], OrderChangeSource.Import, default);
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void TheOrdersGrid_ListsEveryChannelsOrders_NewestFirst_WithBadgesAndTotals()
    {
        RenderProviders();

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Equal(["N-A1", "N-E1"], page.FindAll("[data-testid=order-link]").Select(a => a.TextContent.Trim())));
        var badges = page.FindAll("[data-testid=channel-badge]").Select(b => b.TextContent).ToList();
        Assert.Contains(badges, b => b.Contains("Amazon"));
        Assert.Contains(badges, b => b.StartsWith("eBay", StringComparison.Ordinal));
        Assert.DoesNotContain(badges, b => b.Contains("Ebay", StringComparison.Ordinal));
        Assert.Contains("30.00 USD", page.Markup);
    }

    [Fact]
    public void TheOrdersGrid_CountsTheOrdersThatMatch()
    {
        RenderProviders();

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains("1-2 of 2", page.Find("[data-testid=orders-pager]").TextContent));
    }

    [Fact]
    public async Task TheOrdersGrid_PastTheCountLimit_SaysThereAreMoreRatherThanAFigureItDidNotCount()
    {
        var account = await world.AddAccountAsync(ChannelKind.TikTokShop, "TikTok US");
        await OrdersOverviewTests.AddPlainOrdersAsync(world.Db, account, OrdersOverview.CountLimit);
        RenderProviders();

        var page = Render<OrdersPage>();

        page.WaitForAssertion(() => Assert.Contains($"1-50 of more than {OrdersOverview.CountLimit}", page.Find("[data-testid=orders-pager]").TextContent),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TheShipForm_RefusesABadTrackingNumber_AndQueuesAGoodOne()
    {
        RenderProviders();
        var orderId = (await new OrdersOverview(world.Db).SearchAsync(new OrderSearch(Text: "N-E1"), OrderSort.Placed, true, 0, 10, default)).Rows.Single().Id;
        ShipOutcome? outcome = null;
        var form = Render<ShipOrderForm>(p => p.Add(x => x.OrderId, orderId).Add(x => x.CanShip, true).Add(x => x.OnQueued, (ShipOutcome o) => outcome = o));

        Input(form, "ship-carrier").Change("UPS");
        Input(form, "ship-tracking").Change("no");
        await form.Find("[data-testid=ship-submit]").ClickAsync(new());

        Assert.Null(outcome);
        Assert.Contains("5–40 letters", form.Markup);

        Input(form, "ship-tracking").Change("1Z999AA10123456784");
        await form.Find("[data-testid=ship-submit]").ClickAsync(new());

        form.WaitForAssertion(() => Assert.True(outcome?.Queued));
    }

    [Fact]
    public void TheNeedsMappingPage_ListsTheUnmatchedSkuOnce()
    {
        Services.AddSingleton(world.Mappings);
        RenderProviders();

        var page = Render<NeedsMappingPage>();

        page.WaitForAssertion(() => Assert.Equal(["AMZ-ODD"], page.FindAll("[data-testid=unmatched-sku]").Select(c => c.TextContent.Trim())));
    }

    // MudTextField puts user attributes on its input element.
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ShipOrderForm> form, string testId) =>
        form.Find($"input[data-testid={testId}], [data-testid={testId}] input");
}
