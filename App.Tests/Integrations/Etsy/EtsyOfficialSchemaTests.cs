using System.Text.Json;
using SellerPortal.Integrations.Etsy;
using SellerPortal.Sandbox.Etsy;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Etsy;

/// <summary>The client's choices and the emulator's rules, each held to Etsy's own OpenAPI schema, read in place.</summary>
public sealed class EtsyOfficialSchemaTests
{
    [OfficialExampleFact("etsy_openapi_excerpt.json")]
    public void WhoMadeAndWhenMade_OfferExactlyTheValuesEtsysSchemaLists()
    {
        var properties = JsonDocument.Parse(OfficialExamples.Read("etsy_openapi_excerpt.json")!).RootElement.GetProperty("operations").GetProperty("createDraftListing")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/x-www-form-urlencoded").GetProperty("schema").GetProperty("properties");
        string[] Enum(string name) => [.. properties.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Equal(Enum("who_made").Order(), EtsyAccountSettings.WhoMade.Select(c => c.Value).Order());
        Assert.Equal(Enum("when_made"), EtsyAccountSettings.WhenMade.Select(c => c.Value));
        Assert.Equal(Enum("when_made").Order(), EtsySandboxListings.WhenMade.Order());
    }
}
