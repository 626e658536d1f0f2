using System.Text;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class ProductCsvTests : IAsyncLifetime
{
    private const string Header = "ProductId,Name,Description,Brand,Category,Condition,ProductWeightGrams,ImageUrls,Attributes,Sku,Options,Price,Currency,Cost,Stock,VariantWeightGrams";

    private readonly CatalogDatabase data = new();

    public Task InitializeAsync() => data.InitializeAsync();

    public Task DisposeAsync() => data.DisposeAsync();

    private async Task SeedAsync()
    {
        var kettle = ProductCatalogTests.NewProduct("Kettle, steel \"pro\"", "K-1", "K-2");
        kettle.Description = "Boils fast.\nTwo lines, with a comma.";
        kettle.Brand = "Zenith";
        kettle.ImageUrls = ["https://cdn.example.com/k1.jpg", "https://cdn.example.com/k2.jpg"];
        kettle.Attributes = [new() { Key = "Material", Value = "Steel" }, new() { Key = "Volume", Value = "1.7 l" }];
        kettle.Variants[0].Cost = 4.25m;
        kettle.Variants[1].WeightGrams = 900;
        Assert.True((await data.Catalog.SaveAsync(kettle, default)).Succeeded);
        Assert.True((await data.Catalog.SaveAsync(ProductCatalogTests.NewProduct("Mug", "M-1"), default)).Succeeded);
    }

    private async Task<byte[]> ExportAsync()
    {
        using var stream = new MemoryStream();
        await data.Csv.ExportAsync(stream, default);
        return stream.ToArray();
    }

    private async Task<CsvImportReport> PreviewAsync(byte[] file) => await data.Csv.PreviewAsync(new MemoryStream(file), default);

    private async Task<string> SnapshotAsync()
    {
        await using var db = data.CreateDbContext();
        var products = await db.Products.AsNoTracking().Include(p => p.Variants).OrderBy(p => p.Id).ToListAsync();
        return string.Join("\n", products.Select(p =>
            $"{p.Id}|{p.Name}|{p.Description}|{p.UpdatedUtc:O}|{string.Join(";", p.ImageUrls)}|{string.Join(";", p.Attributes)}|" +
            string.Join(";", p.Variants.OrderBy(v => v.Id).Select(v => $"{v.Id}:{v.Sku}:{v.Price}:{v.CostMinor}:{v.StockOnHand}:{v.WeightGrams}:{string.Join(",", v.Options)}"))));
    }

    [Fact]
    public async Task Export_WritesTheDocumentedColumns_OneRowPerVariant()
    {
        await SeedAsync();

        var text = Encoding.UTF8.GetString(await ExportAsync());

        Assert.StartsWith(Header + "\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",K-1,Size=S0,10.00,USD,4.25,0,", text, StringComparison.Ordinal);
        Assert.Contains(",M-1,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoundTrip_ExportThenImport_ReportsEveryRowAsAnUpdate_AndChangesNothing()
    {
        await SeedAsync();
        var before = await SnapshotAsync();
        data.Clock.Advance(TimeSpan.FromHours(1));

        var report = await PreviewAsync(await ExportAsync());
        var result = await data.Csv.ApplyAsync(report, default);

        Assert.Empty(report.FileErrors);
        Assert.Equal((0, 3, 0), (report.NewCount, report.UpdateCount, report.InvalidCount));
        Assert.All(report.Rows, r => Assert.Empty(r.Reasons));
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(0, result.ProductsWritten);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Export_FormulaLikeText_IsEscapedForSpreadsheets_AndComesBackUnchanged()
    {
        Assert.True((await data.Catalog.SaveAsync(ProductCatalogTests.NewProduct("=HYPERLINK(\"http://evil\")", "-SKU"), default)).Succeeded);
        var before = await SnapshotAsync();

        var file = await ExportAsync();
        var report = await PreviewAsync(file);
        var result = await data.Csv.ApplyAsync(report, default);

        Assert.Contains("\"'=HYPERLINK(", Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (report.NewCount, report.UpdateCount, report.InvalidCount));
        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_MoreRowsThanTheCap_IsRefusedWhole_WithASentence_AndWritesNothing()
    {
        await SeedAsync();
        var before = await SnapshotAsync();
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i <= ProductCsv.MaxRows; i++)
        {
            text.Append(",Lamp ").Append(i).Append(",,,,New,,,,LAMP-").Append(i).Append(",,19.99,USD,,3,\n");
        }

        var report = await PreviewAsync(Encoding.UTF8.GetBytes(text.ToString()));
        var result = await data.Csv.ApplyAsync(report, default);

        Assert.Equal(["The file has more than 50,000 rows. Split it into files of at most 50,000 rows and import each."], report.FileErrors);
        Assert.Equal(ProductCsv.MaxRows, report.Rows.Count);
        Assert.False(report.CanApply);
        Assert.False(result.Succeeded);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_OneBadRow_ReportsThatRowWithItsReason_AndWritesNothingEvenIfConfirmed()
    {
        await SeedAsync();
        var before = await SnapshotAsync();
        var file = Encoding.UTF8.GetBytes(Header + "\n" +
            ",Lamp,,,,New,,,,LAMP-1,,19.99,USD,,3,\n" +
            ",Chair,,,,New,,,,CHAIR-1,,-5,USD,,1,\n" +
            ",Desk,,,,New,,,,DESK-1,,120,USD,,1,\n");

        var report = await PreviewAsync(file);
        var result = await data.Csv.ApplyAsync(report, default);

        Assert.Equal((2, 0, 1), (report.NewCount, report.UpdateCount, report.InvalidCount));
        var bad = Assert.Single(report.Rows, r => r.Kind == CsvRowKind.Invalid);
        Assert.Equal((2, "CHAIR-1"), (bad.RowNumber, bad.Sku));
        Assert.Contains(bad.Reasons, r => r.Contains("price must be more than zero", StringComparison.Ordinal));
        Assert.False(result.Succeeded);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Apply_AfterTheProductChangedSinceTheCheck_WritesNothing()
    {
        await SeedAsync();
        var report = await PreviewAsync(await ExportAsync());
        var mug = (await data.Catalog.QueryAsync(new ProductQuery { Text = "M-1" }, default)).Rows.Single();
        var edit = (await data.Catalog.GetAsync(mug.Id, default))!;
        edit.Brand = "Changed meanwhile";
        data.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await data.Catalog.SaveAsync(edit, default)).Succeeded);
        var before = await SnapshotAsync();

        var result = await data.Csv.ApplyAsync(report, default);

        Assert.False(result.Succeeded);
        Assert.Contains("changed after the file was checked", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Import_NewAndUpdatedRows_AreWrittenInOneGo()
    {
        await SeedAsync();
        var file = Encoding.UTF8.GetBytes(Header + "\n" +
            ",Lamp,,Lumo,,New,,,,LAMP-1,Colour=Red,19.99,USD,,3,\n" +
            ",Lamp,,Lumo,,New,,,,LAMP-2,Colour=Blue,21.99,USD,,4,\n" +
            ",Mug,,,,Used,,,,M-1,Size=XL,7.50,USD,,9,\n");

        var report = await PreviewAsync(file);
        var result = await data.Csv.ApplyAsync(report, default);

        Assert.True(result.Succeeded, string.Join(" ", report.Rows.SelectMany(r => r.Reasons)));
        Assert.Equal((2, 1, 0), (report.NewCount, report.UpdateCount, report.InvalidCount));
        var lamp = (await data.Catalog.QueryAsync(new ProductQuery { Text = "LAMP" }, default)).Rows.Single();
        Assert.Equal((2, 1999L, 2199L, 7), (lamp.VariantCount, lamp.MinPriceMinor, lamp.MaxPriceMinor, lamp.TotalStock));
        var mug = (await data.Catalog.QueryAsync(new ProductQuery { Text = "M-1" }, default)).Rows.Single();
        Assert.Equal((750L, 9), (mug.MinPriceMinor, mug.TotalStock));
    }

    [Fact]
    public async Task Import_SkuTwiceInTheFile_ReportsTheSecondRow()
    {
        var file = Encoding.UTF8.GetBytes(Header + "\n,Lamp,,,,New,,,,LAMP-1,,19.99,USD,,3,\n,Lamp 2,,,,New,,,,LAMP-1,,19.99,USD,,3,\n");

        var report = await PreviewAsync(file);

        var bad = Assert.Single(report.Rows, r => r.Kind == CsvRowKind.Invalid);
        Assert.Equal(2, bad.RowNumber);
        Assert.Contains("also on row 1", Assert.Single(bad.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownColumn_IsAFileError_AndNothingCanBeApplied()
    {
        var file = Encoding.UTF8.GetBytes("Name,Sku,Price,Currency,Colour\nLamp,LAMP-1,19.99,USD,Red\n");

        var report = await PreviewAsync(file);

        Assert.Contains("Colour", Assert.Single(report.FileErrors), StringComparison.Ordinal);
        Assert.False(report.CanApply);
        Assert.False((await data.Csv.ApplyAsync(report, default)).Succeeded);
    }

    [Fact]
    public async Task Import_SkuOfAnotherProduct_IsRefusedNamingBoth()
    {
        await SeedAsync();
        var mugId = (await data.Catalog.QueryAsync(new ProductQuery { Text = "M-1" }, default)).Rows.Single().Id;
        var file = Encoding.UTF8.GetBytes(Header + $"\n{mugId},Mug,,,,New,,,,K-1,,19.99,USD,,3,\n");

        var report = await PreviewAsync(file);

        Assert.Contains($"not {mugId}", Assert.Single(Assert.Single(report.Rows).Reasons), StringComparison.Ordinal);
    }
}
