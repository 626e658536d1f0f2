using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>"Find ASIN": the connector's catalogue search over real HTTP against the emulator's catalog.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonCatalogSearchTests(AmazonEmulatorFixture emulator)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private IChannelCatalogSearch Search => emulator.Connector;

    [Fact]
    public async Task Keywords_FindTheEmulatorsItem_WithTitleBrandAndMainImage()
    {
        var found = await Search.SearchAsync(emulator.Account, new ChannelCatalogQuery("card binder"), Ct);

        var item = Assert.Single(found, m => m.ExternalId == "B0SANDBOX01");
        Assert.Equal(("Premium 9-Pocket Card Binder, Black", "Vault X"), (item.Title, item.Brand));
        Assert.EndsWith("/B0SANDBOX01.jpg", item.ImageUrl);
        Assert.DoesNotContain(found, m => m.ExternalId == "B0SANDBOX03");
    }

    [Theory]
    [InlineData("EAN", "4006381333931", "B0SANDBOX01")]
    [InlineData("UPC", "036000291452", "B0SANDBOX03")]
    [InlineData("ISBN", "9780135957059", "B0SANDBOX04")]
    public async Task AnIdentifier_FindsExactlyItsItem(string type, string identifier, string asin)
    {
        var found = await Search.SearchAsync(emulator.Account, new ChannelCatalogQuery(null, identifier, type), Ct);

        Assert.Equal(asin, Assert.Single(found).ExternalId);
    }

    [Fact]
    public async Task AnUnknownIdentifier_FindsNothing()
    {
        var found = await Search.SearchAsync(emulator.Account, new ChannelCatalogQuery(null, "0000000000000", "EAN"), Ct);

        Assert.Empty(found);
    }

    [Fact]
    public async Task KeywordsAndIdentifiersTogether_AreRejectedAsTheRealApiDoes()
    {
        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            emulator.Client.SearchCatalogItemsAsync(emulator.Account, "binder", ["B0SANDBOX01"], "ASIN", null, Ct));

        Assert.Contains("keywords", ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
