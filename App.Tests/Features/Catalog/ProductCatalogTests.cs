using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class ProductCatalogTests : IAsyncLifetime
{
    private readonly CatalogDatabase data = new();

    public Task InitializeAsync() => data.InitializeAsync();

    public Task DisposeAsync() => data.DisposeAsync();

    private async Task SeedAsync()
    {
        await data.AddProductAsync("Blue Mug", "Acme", "Kitchen", ("MUG-BLUE", 1200, 5));
        await data.AddProductAsync("Red Kettle", "Zenith", "Kitchen", ("KET-RED-1", 3500, 2), ("KET-RED-2", 3900, 3));
        await data.AddProductAsync("Trail Shoe", "Acme", "Outdoor", ("SHOE-42", 8900, 0));
        await data.AddProductAsync("Camping Mug", "Borealis", "Outdoor", ("CMUG-1", 900, 10));
    }

    [Fact]
    public async Task Query_PagesInSql_ReturnsThePageAndTheTotal()
    {
        await SeedAsync();

        var page = await data.Catalog.QueryAsync(new ProductQuery { Sort = ProductSort.Name, Descending = false, Page = 1, PageSize = 3 }, default);

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(["Trail Shoe"], page.Rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(ProductSort.Name, false, "Blue Mug,Camping Mug,Red Kettle,Trail Shoe")]
    [InlineData(ProductSort.Name, true, "Trail Shoe,Red Kettle,Camping Mug,Blue Mug")]
    [InlineData(ProductSort.Brand, false, "Blue Mug,Trail Shoe,Camping Mug,Red Kettle")]
    [InlineData(ProductSort.Category, true, "Camping Mug,Trail Shoe,Red Kettle,Blue Mug")]
    [InlineData(ProductSort.Sku, false, "Camping Mug,Red Kettle,Blue Mug,Trail Shoe")]
    [InlineData(ProductSort.Updated, true, "Camping Mug,Trail Shoe,Red Kettle,Blue Mug")]
    public async Task Query_Sorts(ProductSort sort, bool descending, string expected)
    {
        await SeedAsync();

        var page = await data.Catalog.QueryAsync(new ProductQuery { Sort = sort, Descending = descending }, default);

        Assert.Equal(expected, string.Join(",", page.Rows.Select(r => r.Name)));
    }

    [Theory]
    [InlineData("KET-RED", "Red Kettle")]
    [InlineData("mug", "Blue Mug,Camping Mug")]
    [InlineData("RED-2", "")]
    [InlineData("50%", "")]
    public async Task Query_FiltersByText_SkuPrefixOrNameContains(string text, string expected)
    {
        await SeedAsync();

        var page = await data.Catalog.QueryAsync(new ProductQuery { Text = text, Sort = ProductSort.Name, Descending = false }, default);

        Assert.Equal(expected, string.Join(",", page.Rows.Select(r => r.Name)));
        Assert.Equal(page.Rows.Count, page.TotalCount);
    }

    [Theory]
    [InlineData("KET", "KEU")]
    [InlineData("A/", "A0")]
    [InlineData("\uffff", null)]
    public void PrefixSuccessor_IsTheFirstStringAfterThePrefixRange(string prefix, string? expected) =>
        Assert.Equal(expected, ProductCatalog.PrefixSuccessor(prefix));

    [Fact]
    public async Task Query_FiltersByBrandAndCategory()
    {
        await SeedAsync();

        var byBrand = await data.Catalog.QueryAsync(new ProductQuery { Brand = "Acme", Sort = ProductSort.Name, Descending = false }, default);
        var byBoth = await data.Catalog.QueryAsync(new ProductQuery { Brand = "Acme", Category = "Outdoor" }, default);

        Assert.Equal(["Blue Mug", "Trail Shoe"], byBrand.Rows.Select(r => r.Name));
        Assert.Equal(["Trail Shoe"], byBoth.Rows.Select(r => r.Name));
    }

    [Fact]
    public async Task Query_FiltersByListingState_OnAnyAccountOrOne_AndNotListed()
    {
        var mug = await data.AddProductAsync("Mug", null, null, ("M-1", 100, 1));
        var kettle = await data.AddProductAsync("Kettle", null, null, ("K-1", 100, 1));
        await data.AddProductAsync("Shoe", null, null, ("S-1", 100, 1));
        var ebay = await data.AddAccountAsync("eBay US", ChannelKind.Ebay);
        var etsy = await data.AddAccountAsync("Etsy shop", ChannelKind.Etsy);
        await data.ListAsync(mug.Id, ebay.Id, ListingState.Live);
        await data.ListAsync(kettle.Id, ebay.Id, ListingState.Error, "Title too long");
        await data.ListAsync(kettle.Id, etsy.Id, ListingState.Live);

        async Task<string> Names(ListingFilter filter) => string.Join(",",
            (await data.Catalog.QueryAsync(new ProductQuery { Listing = filter, Sort = ProductSort.Name, Descending = false }, default)).Rows.Select(r => r.Name));

        Assert.Equal("Kettle,Mug", await Names(new ListingFilter(ListingState.Live)));
        Assert.Equal("Mug", await Names(new ListingFilter(ListingState.Live, ebay.Id)));
        Assert.Equal("Kettle", await Names(new ListingFilter(ListingState.Error)));
        Assert.Equal("Shoe", await Names(ListingFilter.NotListed));
        Assert.Equal("Mug,Shoe", await Names(new ListingFilter(null, etsy.Id)));
    }

    [Fact]
    public async Task Query_Rows_CarryTheVariantSummaryAndEveryListing()
    {
        var kettle = await data.AddProductAsync("Kettle", null, null, ("K-2", 3900, 3), ("K-1", 3500, 2));
        var ebay = await data.AddAccountAsync("eBay US", ChannelKind.Ebay);
        await data.ListAsync(kettle.Id, ebay.Id, ListingState.Error, "Title too long");

        var row = Assert.Single((await data.Catalog.QueryAsync(new ProductQuery(), default)).Rows);

        Assert.Equal((2, "K-1", 3500L, 3900L, "USD", 5), (row.VariantCount, row.FirstSku, row.MinPriceMinor, row.MaxPriceMinor, row.Currency, row.TotalStock));
        Assert.Equal("35.00 USD – 39.00 USD", row.PriceRange);
        var listing = Assert.Single(row.Listings);
        Assert.Equal((ebay.Id, "eBay US", ChannelKind.Ebay, (ListingState?)ListingState.Error, "Title too long"),
            (listing.ChannelAccountId, listing.AccountName, listing.Channel, listing.State, listing.LastError));
    }

    [Fact]
    public async Task Save_SkuTakenByAnotherProduct_IsRefusedNamingTheSku()
    {
        await data.AddProductAsync("Blue Mug", null, null, ("MUG-BLUE", 1200, 5));

        var result = await data.Catalog.SaveAsync(NewProduct("Other mug", "MUG-NEW", "MUG-BLUE"), default);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("Variants[1].Sku", problem.Field);
        Assert.Contains("MUG-BLUE", problem.Message, StringComparison.Ordinal);
        await using var db = data.CreateDbContext();
        Assert.Equal(1, await db.Products.CountAsync());
    }

    [Fact]
    public async Task Save_WhenOneVariantFailsInTheDatabase_WritesNothing()
    {
        await using (var db = data.CreateDbContext())
        {
            // Stands in for any failure after the checks (a concurrent save taking the SKU, a constraint).
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_boom BEFORE INSERT ON Variants WHEN NEW.Sku = 'BOOM' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        }

        var result = await data.Catalog.SaveAsync(NewProduct("Kettle", "K-1", "K-2", "BOOM"), default);

        Assert.False(result.Succeeded);
        Assert.Contains("nothing was changed", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        await using var check = data.CreateDbContext();
        Assert.Equal(0, await check.Products.CountAsync());
        Assert.Equal(0, await check.Variants.CountAsync());
    }

    [Fact]
    public async Task Save_CreatesThenUpdates_VariantsAddedChangedAndRemoved()
    {
        var created = await data.Catalog.SaveAsync(NewProduct("Kettle", "K-1", "K-2"), default);
        Assert.True(created.Succeeded);
        var model = (await data.Catalog.GetAsync(created.ProductId!.Value, default))!;
        model.Variants.RemoveAt(0);
        model.Variants[0].Price = 41.5m;
        model.Variants.Add(new VariantEditModel { Sku = "K-3", Price = 10m, Currency = "USD", Stock = 4, OptionValues = ["L"] });

        var updated = await data.Catalog.SaveAsync(model, default);

        Assert.True(updated.Succeeded, string.Join(" ", updated.Problems));
        var reloaded = (await data.Catalog.GetAsync(created.ProductId.Value, default))!;
        Assert.Equal(["K-2", "K-3"], reloaded.Variants.Select(v => v.Sku));
        Assert.Equal(41.5m, reloaded.Variants[0].Price);
        Assert.Equal(["L"], reloaded.Variants[1].OptionValues);
    }

    [Fact]
    public async Task Save_WithAnUntouchedStockField_KeepsASaleRecordedWhileTheEditorWasOpen()
    {
        var product = await data.AddProductAsync("Lamp", "Acme", "Home", ("LAMP-1", 2500, 5));
        var open = (await data.Catalog.GetAsync(product.Id, default))!;
        await using (var db = data.CreateDbContext())
        {
            // A sale ships while the editor is open.
            await db.Variants.Where(v => v.Sku == "LAMP-1").ExecuteUpdateAsync(u => u.SetProperty(v => v.StockOnHand, 4));
        }

        open.Description = "Brass, 40 cm";
        data.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await data.Catalog.SaveAsync(open, default)).Succeeded);

        Assert.Equal(4, (await data.Catalog.GetAsync(product.Id, default))!.Variants.Single().Stock);
    }

    [Fact]
    public async Task Save_WithAChangedStockField_WritesTheNewFigure()
    {
        var product = await data.AddProductAsync("Lamp", "Acme", "Home", ("LAMP-2", 2500, 5));
        var open = (await data.Catalog.GetAsync(product.Id, default))!;
        open.Variants.Single().Stock = 9;

        Assert.True((await data.Catalog.SaveAsync(open, default)).Succeeded);

        Assert.Equal(9, (await data.Catalog.GetAsync(product.Id, default))!.Variants.Single().Stock);
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_IsRefused_AndKeepsTheirChange()
    {
        var created = await data.Catalog.SaveAsync(NewProduct("Kettle", "K-1"), default);
        var mine = (await data.Catalog.GetAsync(created.ProductId!.Value, default))!;
        var theirs = (await data.Catalog.GetAsync(created.ProductId.Value, default))!;
        theirs.Name = "Their kettle";
        data.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await data.Catalog.SaveAsync(theirs, default)).Succeeded);

        mine.Name = "My kettle";
        var result = await data.Catalog.SaveAsync(mine, default);

        Assert.False(result.Succeeded);
        Assert.Contains("Someone else saved", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
        Assert.Equal("Their kettle", (await data.Catalog.GetAsync(created.ProductId.Value, default))!.Name);
    }

    [Fact]
    public async Task Save_InvalidModel_IsRefusedByTheValidator()
    {
        var model = NewProduct("", "bad sku!");

        var result = await data.Catalog.SaveAsync(model, default);

        Assert.Contains(result.Problems, p => p.Field == "Name");
        Assert.Contains(result.Problems, p => p.Field == "Variants[0].Sku");
    }

    [Fact]
    public async Task Delete_RemovesTheProductWithItsVariants()
    {
        var product = await data.AddProductAsync("Mug", null, null, ("M-1", 100, 1));

        Assert.Equal(DeleteOutcome.Deleted, await data.Catalog.DeleteAsync(product.Id, default));

        await using var db = data.CreateDbContext();
        Assert.Equal(0, await db.Variants.CountAsync());
        Assert.Equal(DeleteOutcome.NotFound, await data.Catalog.DeleteAsync(product.Id, default));
    }

    [Fact]
    public async Task Delete_ProductLiveOnAChannel_IsKept()
    {
        var product = await data.AddProductAsync("Mug", null, null, ("M-1", 100, 1));
        var ebay = await data.AddAccountAsync("eBay US", ChannelKind.Ebay);
        await data.ListAsync(product.Id, ebay.Id, ListingState.Live);

        Assert.Equal(DeleteOutcome.StillListed, await data.Catalog.DeleteAsync(product.Id, default));

        await using var db = data.CreateDbContext();
        Assert.Equal(1, await db.Products.CountAsync());
    }

    internal static ProductEditModel NewProduct(string name, params string[] skus) => new()
    {
        Name = name,
        OptionNames = ["Size"],
        Variants = skus.Select((sku, i) => new VariantEditModel
        {
            Sku = sku,
            Price = 10m + i,
            Currency = "USD",
            Stock = i,
            OptionValues = [$"S{i}"],
        }).ToList(),
    };
}
