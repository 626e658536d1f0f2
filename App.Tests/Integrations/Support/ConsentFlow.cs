using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>A seller in a browser: opens the consent page, presses Approve or Deny, and hands back the redirect's query.</summary>
public static class ConsentFlow
{
    public static async Task<ConsentResult> DecideAsync(PortalAppFactory factory, Uri consentUrl, bool approve, IReadOnlyDictionary<string, string>? fields = null)
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(consentUrl);
        Assert.Contains("data-testid=\"consent-approve\"", page);
        Assert.Contains("data-testid=\"consent-deny\"", page);
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["decision"] = approve ? "approve" : "deny" };
        var response = await HtmlForms.SubmitAsync(browser, consentUrl.ToString(), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return new ConsentResult(location, query);
    }
}

public sealed record ConsentResult(Uri Location, Dictionary<string, string> Query);
