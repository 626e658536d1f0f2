using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;

namespace SellerPortal.Tests.Integrations.Ebay;

public sealed class EbayOptionsTests
{
    [Fact]
    public void Keysets_DefaultToEbaysProductionAndSandboxHosts()
    {
        var options = new EbayOptions();

        Assert.Equal("https://api.ebay.com/", options.For(ChannelEnvironment.Production).ApiBaseUrl.ToString());
        Assert.Equal("https://api.sandbox.ebay.com/", options.For(ChannelEnvironment.Sandbox).ApiBaseUrl.ToString());
        Assert.Equal("https://auth.sandbox.ebay.com/", options.For(ChannelEnvironment.Sandbox).AuthBaseUrl.ToString());
    }

    [Fact]
    public void BuildAuthorizeUrl_PicksTheAccountsKeyset()
    {
        var options = new EbayOptions();
        options.Production.ClientId = "prod-id";
        options.Production.RuName = "prod-runame";
        options.Sandbox.ClientId = "sbx-id";
        options.Sandbox.RuName = "sbx-runame";
        var authorization = new EbayAuthorization(null!, Options.Create(options), TimeProvider.System);

        var production = authorization.BuildAuthorizeUrl(new AuthorizeRequest("s", new Uri("https://portal.example.com/cb"), ChannelEnvironment.Production));
        var sandbox = authorization.BuildAuthorizeUrl(new AuthorizeRequest("s", new Uri("https://portal.example.com/cb"), ChannelEnvironment.Sandbox));

        Assert.Equal("auth.ebay.com", production.Host);
        Assert.Contains("client_id=prod-id", production.Query);
        Assert.Contains("redirect_uri=prod-runame", production.Query);
        Assert.Equal("auth.sandbox.ebay.com", sandbox.Host);
        Assert.Contains("client_id=sbx-id", sandbox.Query);
        Assert.Contains("redirect_uri=sbx-runame", sandbox.Query);
    }
}
