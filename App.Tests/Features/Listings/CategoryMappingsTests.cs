using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Listings.Categories;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

public sealed class CategoryMappingsTests
{
    private static readonly Actor Admin = new("a", "admin@example.com");
    private readonly TestDatabase db = new();
    private readonly CategoryMappings mappings;

    public CategoryMappingsTests() => mappings = new CategoryMappings(db, new AuditLog(db, TimeProvider.System));

    [Fact]
    public async Task AMapping_IsSavedWithItsRequiredSpecifics_Trimmed_AndDeduplicated()
    {
        var problem = await mappings.SaveAsync(new CategoryMappingRow(0, ChannelKind.Ebay, "EBAY_US", " Brake Pads ", "33564", [" Year", "Make ", "", "year", "Model", "Engine"]), Admin, CancellationToken.None);

        Assert.Null(problem);
        var saved = Assert.Single(await mappings.ListAsync(CancellationToken.None));
        Assert.Equal("Brake Pads", saved.MasterCategory);
        Assert.Equal(["Year", "Make", "Model", "Engine"], saved.RequiredAspects);
    }

    [Fact]
    public async Task ASecondMappingOfTheSameCategory_OnTheSameMarketplace_IsRefusedWithAReason()
    {
        await mappings.SaveAsync(new CategoryMappingRow(0, ChannelKind.Ebay, "EBAY_US", "Brake Pads", "33564", []), Admin, CancellationToken.None);

        var problem = await mappings.SaveAsync(new CategoryMappingRow(0, ChannelKind.Ebay, "EBAY_US", "Brake Pads", "99999", []), Admin, CancellationToken.None);
        var otherMarketplace = await mappings.SaveAsync(new CategoryMappingRow(0, ChannelKind.Ebay, "EBAY_GB", "Brake Pads", "33564", []), Admin, CancellationToken.None);

        Assert.Contains("already mapped for eBay on EBAY_US", problem);
        Assert.Null(otherMarketplace);
        Assert.Equal(2, (await mappings.ListAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AMappingWithoutAChannelCategory_IsRefused()
    {
        var problem = await mappings.SaveAsync(new CategoryMappingRow(0, ChannelKind.Ebay, "EBAY_US", "Brake Pads", " ", []), Admin, CancellationToken.None);

        Assert.Equal("Give both the master category and the channel's category id.", problem);
        Assert.Empty(await mappings.ListAsync(CancellationToken.None));
    }
}
