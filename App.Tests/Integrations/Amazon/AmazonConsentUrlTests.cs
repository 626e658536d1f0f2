using SellerPortal.Integrations.Amazon;

namespace SellerPortal.Tests.Integrations.Amazon;

public sealed class AmazonConsentUrlTests
{
    [Fact]
    public void Build_DraftApp_AddsVersionBetaAndEscapesStateAndRedirect()
    {
        var url = AmazonConsentUrl.Build(new Uri("https://sellercentral.amazon.com"), "amzn1.sp.solution.abc", "s t&ate",
            new Uri("https://portal.example.com/channels/callback/Amazon"), draftApp: true);

        Assert.Equal(
            "https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.abc&state=s%20t%26ate&version=beta"
            + "&redirect_uri=https%3A%2F%2Fportal.example.com%2Fchannels%2Fcallback%2FAmazon",
            url.AbsoluteUri);
    }

    [Fact]
    public void Build_PublishedApp_HasNoVersionParameter()
    {
        var url = AmazonConsentUrl.Build(new Uri("https://sellercentral-europe.amazon.com/"), "app", "xyz", null, draftApp: false);

        Assert.Equal("https://sellercentral-europe.amazon.com/apps/authorize/consent?application_id=app&state=xyz", url.AbsoluteUri);
    }
}
