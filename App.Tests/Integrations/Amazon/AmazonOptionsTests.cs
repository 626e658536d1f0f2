using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;

namespace SellerPortal.Tests.Integrations.Amazon;

public sealed class AmazonOptionsTests
{
    [Theory]
    [InlineData("NA", ChannelEnvironment.Production, "https://sellingpartnerapi-na.amazon.com/")]
    [InlineData("EU", ChannelEnvironment.Production, "https://sellingpartnerapi-eu.amazon.com/")]
    [InlineData("fe", ChannelEnvironment.Production, "https://sellingpartnerapi-fe.amazon.com/")]
    [InlineData("EU", ChannelEnvironment.Sandbox, "https://sandbox.sellingpartnerapi-eu.amazon.com/")]
    [InlineData(null, ChannelEnvironment.Production, "https://sellingpartnerapi-na.amazon.com/")]
    public void ApiBaseUrl_DefaultsToAmazonsRegionalHosts(string? region, ChannelEnvironment environment, string expected) =>
        Assert.Equal(expected, new AmazonOptions().ApiBaseUrl(region, environment).ToString());

    [Fact]
    public void BuildAuthorizeUrl_EuAccount_UsesEuropeanSellerCentral()
    {
        var authorization = new AmazonAuthorization(null!, Options.Create(new AmazonOptions { ApplicationId = "amzn1.sp.solution.x" }), TimeProvider.System);

        var url = authorization.BuildAuthorizeUrl(new AuthorizeRequest("s", new Uri("https://portal.example.com/cb"), ChannelEnvironment.Production, "EU"));

        Assert.Equal("sellercentral-europe.amazon.com", url.Host);
        Assert.Equal("/apps/authorize/consent", url.AbsolutePath);
    }

    [Fact]
    public void MarketplaceId_ComesFromTheAccount_ElseTheRegionsDefault()
    {
        var client = new AmazonClient(new HttpClient(), null!, Options.Create(new AmazonOptions()));
        var eu = new ChannelAccountContext(1, ChannelKind.Amazon, ChannelEnvironment.Production, Region: "EU");
        var india = eu with { Properties = new Dictionary<string, string> { ["marketplace_id"] = "A21TJRUUN4KGV" } };

        Assert.Equal("A1F83G8C2ARO7P", client.MarketplaceId(eu));
        Assert.Equal("A21TJRUUN4KGV", client.MarketplaceId(india));
    }
}
