using System.Collections.Specialized;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Impl;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Orders;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class InventoryPageTests : MudTestContext, IAsyncLifetime
{
    private readonly OrdersWorld world = new();

    // A real in-memory scheduler, never started: a triggered job stays visible as its pending trigger.
    private readonly StdSchedulerFactory schedulers = new(new NameValueCollection
    {
        ["quartz.scheduler.instanceName"] = $"inventory-page-{Guid.NewGuid():N}",
    });

    private int tiktok;

    public InventoryPageTests()
    {
        Services.AddSingleton(world.Inventory);
        Services.AddSingleton(world.Ledger);
        Services.AddSingleton<ISchedulerFactory>(schedulers);
    }

    public async Task InitializeAsync()
    {
        // Quartz logs through a static provider; a test host that ran before may have left its own, now disposed.
        Quartz.Logging.LogContext.SetCurrentLogProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var scheduler = await schedulers.GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<ReconcileListingsJob>().WithIdentity(ReconcileListingsJob.Key).StoreDurably().Build(), replace: true);
        tiktok = await world.AddAccountAsync(ChannelKind.TikTokShop, "TikTok UK");
        var amazon = await world.AddAccountAsync(ChannelKind.Amazon, "Amazon US");
        var (product, _) = await world.AddProductAsync("MUG-BLUE", 5);
        await world.ListAsync(product, amazon, buffer: 1);
        await world.Importer.ImportAsync(tiktok, [OrdersWorld.Order("T1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 2))], OrderChangeSource.Import, default);
        await world.DrainAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await (await schedulers.GetScheduler()).Shutdown();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AnAccountWhoseReadBackFailed_IsNamedWithTheError()
    {
        await using (var db = world.Db.CreateDbContext())
        {
            db.ListingReconcileChecks.Add(new ListingReconcileCheck { ChannelAccountId = tiktok, LastRunUtc = OrdersWorld.Start, LastError = "The channel is having a bad minute (code 500)" });
            await db.SaveChangesAsync();
        }

        RenderProviders();
        var page = Render<InventoryPage>();

        page.WaitForAssertion(() =>
        {
            var alert = page.Find("[data-testid=reconcile-failure]").TextContent;
            Assert.Contains("TikTok UK", alert, StringComparison.Ordinal);
            Assert.Contains("bad minute", alert, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReconcileNow_TriggersTheReconcileJob_AndSaysSo()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var page = Render<InventoryPage>();

        await page.Find("[data-testid=inventory-reconcile]").ClickAsync(new());

        var scheduler = await schedulers.GetScheduler();
        Assert.Single(await scheduler.GetTriggersOfJob(ReconcileListingsJob.Key));
        snackbars.WaitForAssertion(() => Assert.Contains("Reconciling", snackbars.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheGrid_ShowsAvailable_AndWhyThisNumberExplainsWhatAmazonWasSent()
    {
        var providers = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        Render<MudBlazor.MudPopoverProvider>();
        var page = Render<InventoryPage>();
        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=inventory-available]").TextContent.Trim()));

        await page.Find("[data-testid=inventory-why]").ClickAsync(new());

        providers.WaitForAssertion(() => Assert.NotEmpty(providers.FindAll("[data-testid=why-panel]")));
        Assert.Equal("2", providers.Find("[data-testid=why-reserved]").TextContent.Trim());
        var channel = providers.Find("[data-testid=why-channel]");
        Assert.Equal("2", channel.QuerySelector("[data-testid=why-pushed]")!.TextContent.Trim());
        Assert.Equal("Accepted", channel.QuerySelector("[data-testid=why-answer]")!.TextContent.Trim());
        Assert.Contains("N-T1", providers.Find("[data-testid=why-reservation]").TextContent);
    }
}
