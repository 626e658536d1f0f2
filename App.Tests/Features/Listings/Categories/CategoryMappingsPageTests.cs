using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Listings.Categories;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Catalog;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings.Categories;

/// <summary>The category mappings page over a real temp SQLite database, with the registry's connectors.</summary>
public sealed class CategoryMappingsPageTests : MudTestContext, IAsyncLifetime
{
    private readonly CatalogDatabase data = new();

    public CategoryMappingsPageTests()
    {
        Services.AddSingleton(new CategoryMappings(data, new AuditLog(data, data.Clock)));
        // TikTok Shop has no connector here and Amazon needs no category: the first in the Channels page's order that
        // refuses a publish without one is eBay.
        Services.AddSingleton(TestChannels.Registry(new FakeListingChannel(ChannelKind.Amazon), new FakeListingChannel(ChannelKind.Ebay, requiresCategory: true)));
        AddAuthorization().SetAuthorized("clerk");
    }

    public async Task InitializeAsync()
    {
        await data.InitializeAsync();
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await data.DisposeAsync();
    }

    [Fact]
    public void TheNewMappingsChannel_IsTheFirstMarketplaceThatRequiresACategory_WithNoMarketplaceTyped()
    {
        var cut = Render<CategoryMappingsPage>();

        cut.WaitForElement("[data-testid='mappings-table']");
        Assert.Equal(ChannelKind.Ebay, cut.FindComponent<MudSelect<ChannelKind>>().Instance.Value);
        Assert.Equal("", cut.FindComponents<MudTextField<string>>()[0].Instance.Value);
    }
}
