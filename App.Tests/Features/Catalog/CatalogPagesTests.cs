using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Catalog;

/// <summary>The products grid and the editor rendered with bUnit over a real temp SQLite catalog.</summary>
public sealed class CatalogPagesTests : MudTestContext, IAsyncLifetime
{
    private readonly CatalogDatabase data = new();
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    public CatalogPagesTests()
    {
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(data.Clock);
        Services.AddSingleton(_ => data.Catalog);
        Services.AddSingleton(_ => data.Csv);
        // The channel actions behind the status badges, over the same database (no connectors: nothing publishes).
        var queue = new SellerPortal.Features.Sync.SyncQueue(data, Microsoft.Extensions.Options.Options.Create(new SellerPortal.Features.Sync.SyncQueueOptions()), data.Clock);
        var publisher = new SellerPortal.Features.Listings.Publishing.ListingPublisher(data, TestChannels.Registry(), queue,
            Microsoft.Extensions.Options.Options.Create(new SellerPortal.Features.Listings.Publishing.ListingOptions()), data.Clock);
        Services.AddSingleton(new SellerPortal.Features.Listings.ProductChannels.ProductChannelsService(data, publisher, queue, new SellerPortal.Features.Inventory.StockPushes(data, queue), new SellerPortal.Features.Admin.Audit.AuditLog(data, data.Clock)));
    }

    public async Task InitializeAsync()
    {
        await data.InitializeAsync();
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        dialogs = Render<MudDialogProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await data.DisposeAsync();
    }

    [Fact]
    public void ProductsPage_EmptyCatalog_ShowsTheEmptyState()
    {
        var cut = Render<ProductsPage>();

        cut.WaitForElement("[data-testid='empty-state']");
        Assert.Empty(cut.FindAll("[data-testid='products-grid']"));
    }

    [Fact]
    public async Task ProductsPage_ShowsRowsFromTheServer_WithAChannelBadgePerAccount()
    {
        var mug = await data.AddProductAsync("Blue Mug", "Acme", "Kitchen", ("MUG-1", 1200, 5), ("MUG-2", 1500, 1));
        var ebay = await data.AddAccountAsync("eBay US", ChannelKind.Ebay);
        var etsy = await data.AddAccountAsync("Etsy", ChannelKind.Etsy);
        await data.ListAsync(mug.Id, ebay.Id, ListingState.Live);

        var cut = Render<ProductsPage>();

        cut.WaitForAssertion(() => Assert.Equal("Blue Mug", cut.Find($"[data-testid='product-{mug.Id}']").TextContent.Trim()));
        Assert.Contains("12.00 USD – 15.00 USD", cut.Markup, StringComparison.Ordinal);
        Assert.EndsWith("Live", cut.Find($"[data-testid='status-{ebay.Id}']").TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("Not listed", cut.Find($"[data-testid='status-{etsy.Id}']").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductsPage_Search_ReloadsTheGridFromTheServer()
    {
        var mug = await data.AddProductAsync("Blue Mug", null, null, ("MUG-1", 1200, 5));
        var kettle = await data.AddProductAsync("Kettle", null, null, ("KET-1", 3500, 1));
        var cut = Render<ProductsPage>();
        cut.WaitForElement($"[data-testid='product-{kettle.Id}']");

        cut.Find("input[data-testid='product-search']").Input("KET");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-testid='product-{mug.Id}']")), TimeSpan.FromSeconds(3));
        Assert.Single(cut.FindAll($"[data-testid='product-{kettle.Id}']"));
    }

    [Fact]
    public async Task ProductsPage_ImportCsv_ShowsTheReport_AndWritesOnConfirm()
    {
        await data.AddProductAsync("Kettle", null, null, ("KET-1", 3500, 1));
        var cut = Render<ProductsPage>();
        cut.WaitForElement("[data-testid='products-grid']");
        var csv = "Name,Sku,Price,Currency,Stock\nLamp,LAMP-1,19.99,USD,3\nKettle,KET-1,36.00,USD,2\n";

        var input = cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>();

        // The upload's handler waits for the dialog's answer, so the upload completes only after the click below.
        var upload = Task.Run(() => input.UploadFiles(InputFileContent.CreateFromText(csv, "products.csv")));
        dialogs.WaitForAssertion(() => Assert.Equal("1 new", dialogs.Find("[data-testid='import-new']").TextContent.Trim()), TimeSpan.FromSeconds(5));
        Assert.Equal("1 updated", dialogs.Find("[data-testid='import-updated']").TextContent.Trim());
        dialogs.Find("[data-testid='import-confirm']").Click();
        await upload.WaitAsync(TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message != null && s.Message.StartsWith("Imported", StringComparison.Ordinal)));
        await using var db = data.CreateDbContext();
        Assert.Equal(["KET-1:3600", "LAMP-1:1999"], await db.Variants.OrderBy(v => v.Sku).Select(v => v.Sku + ":" + v.Price.AmountMinor).ToListAsync());
    }

    [Fact]
    public async Task EditPage_LongName_ShowsTheChannelsItIsTooLongFor()
    {
        var kettle = await data.AddProductAsync("Kettle", null, null, ("KET-1", 3500, 1));
        var cut = Render<ProductEditPage>(p => p.Add(x => x.Id, kettle.Id));
        cut.WaitForElement("[data-testid='product-name']");

        cut.Find("input[data-testid='product-name']").Input(new string('k', 100));

        cut.WaitForAssertion(() => Assert.Contains("mud-chip-color-warning", cut.Find("[data-testid='title-hint-Ebay']").ClassName, StringComparison.Ordinal));
        Assert.DoesNotContain("mud-chip-color-warning", cut.Find("[data-testid='title-hint-Etsy']").ClassName, StringComparison.Ordinal);
        Assert.Contains("100/80", cut.Find("[data-testid='title-hint-Ebay']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPage_Save_WritesTheChange_AndSaysSo()
    {
        var kettle = await data.AddProductAsync("Kettle", null, null, ("KET-1", 3500, 1));
        var cut = Render<ProductEditPage>(p => p.Add(x => x.Id, kettle.Id));
        cut.WaitForElement("[data-testid='product-name']");

        cut.Find("input[data-testid='product-name']").Input("Steel Kettle");
        await cut.Find("[data-testid='save-product']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Saved Steel Kettle."));
        await using var db = data.CreateDbContext();
        Assert.Equal("Steel Kettle", (await db.Products.SingleAsync()).Name);
    }

    [Fact]
    public async Task EditPage_NewProductWithATakenSku_ShowsTheSkuAndWritesNothing()
    {
        await data.AddProductAsync("Kettle", null, null, ("KET-1", 3500, 1));
        var cut = Render<ProductEditPage>();
        cut.WaitForElement("[data-testid='product-name']");

        cut.Find("input[data-testid='product-name']").Input("Another kettle");
        cut.Find("input[data-testid='variant-sku-0']").Change("KET-1");
        cut.Find("input[data-testid='variant-price-0']").Change("20");
        await cut.Find("[data-testid='save-product']").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Contains("SKU KET-1 is already used", cut.Find("[data-testid='save-problems']").TextContent, StringComparison.Ordinal));
        await using var db = data.CreateDbContext();
        Assert.Equal(1, await db.Products.CountAsync());
    }
}
