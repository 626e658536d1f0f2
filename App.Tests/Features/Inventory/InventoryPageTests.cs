using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Tests.Features.Orders;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class InventoryPageTests : MudTestContext, IAsyncLifetime
{
    private readonly OrdersWorld world = new();

    public InventoryPageTests()
    {
        Services.AddSingleton(world.Inventory);
        Services.AddSingleton(world.Ledger);
    }

    public async Task InitializeAsync()
    {
        var tiktok = await world.AddAccountAsync(ChannelKind.TikTokShop, "TikTok UK");
        var amazon = await world.AddAccountAsync(ChannelKind.Amazon, "Amazon US");
        var (product, _) = await world.AddProductAsync("MUG-BLUE", 5);
        await world.ListAsync(product, amazon, buffer: 1);
        await world.Importer.ImportAsync(tiktok, [OrdersWorld.Order("T1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 2))], OrderChangeSource.Import, default);
        await world.DrainAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

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
