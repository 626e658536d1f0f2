using SellerPortal.Features.Catalog;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class ProductValidatorTests
{
    private static ProductEditModel Valid() => ProductCatalogTests.NewProduct("Kettle", "K-1");

    [Fact]
    public void Validate_AGoodProduct_HasNoProblems() => Assert.Empty(ProductValidator.Validate(Valid()));

    [Theory]
    [InlineData("ABC-123_x.y/z", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("emoji😀", false)]
    [InlineData("comma,sku", false)]
    public void Sku_IsLettersDigitsAndDashUnderscoreDotSlash(string sku, bool ok) => Assert.Equal(ok, ProductValidator.Sku(sku) is null);

    [Fact]
    public void Sku_LongerThan64_IsRefused()
    {
        Assert.Null(ProductValidator.Sku(new string('A', 64)));
        Assert.NotNull(ProductValidator.Sku(new string('A', 65)));
    }

    [Fact]
    public void Validate_SameSkuTwiceInTheProduct_NamesIt()
    {
        var model = ProductCatalogTests.NewProduct("Kettle", "K-1", "K-1");

        var problem = Assert.Single(ProductValidator.Validate(model));

        Assert.Equal("Variants[1].Sku", problem.Field);
        Assert.Contains("K-1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "USD", "Variants[0].Price")]
    [InlineData(-1, "USD", "Variants[0].Price")]
    [InlineData(5, "usd", "Variants[0].Currency")]
    [InlineData(5, "US", "Variants[0].Currency")]
    [InlineData(5, "USDX", "Variants[0].Currency")]
    public void Validate_PriceAndCurrency(decimal price, string currency, string field)
    {
        var model = Valid();
        model.Variants[0].Price = price;
        model.Variants[0].Currency = currency;

        Assert.Equal(field, Assert.Single(ProductValidator.Validate(model)).Field);
    }

    [Fact]
    public void Validate_NegativeStock_IsRefused()
    {
        var model = Valid();
        model.Variants[0].Stock = -1;

        Assert.Equal("Variants[0].Stock", Assert.Single(ProductValidator.Validate(model)).Field);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("x", true)]
    public void Name_IsRequired(string name, bool ok) => Assert.Equal(ok, ProductValidator.Name(name) is null);

    [Fact]
    public void Name_Over200_IsRefused()
    {
        Assert.Null(ProductValidator.Name(new string('n', 200)));
        Assert.Contains("201", ProductValidator.Name(new string('n', 201)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cdn.example.com/a.jpg", true)]
    [InlineData("http://example.com/a.png", true)]
    [InlineData("ftp://example.com/a.png", false)]
    [InlineData("/images/a.png", false)]
    [InlineData("example.com/a.png", false)]
    public void ImageUrl_MustBeAbsoluteHttp(string url, bool ok) => Assert.Equal(ok, ProductValidator.ImageUrl(url) is null);

    [Fact]
    public void Validate_AttributeKeys_NonEmptyAndUnique()
    {
        var model = Valid();
        model.Attributes = [new() { Key = "Year", Value = "2020" }, new() { Key = "year", Value = "2021" }, new() { Key = " ", Value = "x" }];

        var problems = ProductValidator.Validate(model);

        Assert.Equal(["Attributes[1].Key", "Attributes[2].Key"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_NoVariants_IsRefused() =>
        Assert.Equal("Variants", Assert.Single(ProductValidator.Validate(new ProductEditModel { Name = "x" })).Field);

    [Fact]
    public void TitleHints_NameTheChannelsWhoseLimitTheTitlePasses()
    {
        var hints = ProductValidator.TitleHints(new string('t', 150), TestChannels.Descriptors);

        Assert.Equal([ChannelKind.Ebay, ChannelKind.Etsy], hints.Select(h => h.Channel).Order());
        Assert.Contains("80", hints.Single(h => h.Channel == ChannelKind.Ebay).Message, StringComparison.Ordinal);
        Assert.Empty(ProductValidator.TitleHints(new string('t', 80), TestChannels.Descriptors));
    }
}
