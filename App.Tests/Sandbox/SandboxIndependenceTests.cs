using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// Each emulator is an independent witness of its marketplace's wire format (issue 20): no type of namespace
/// SellerPortal.Sandbox.{Marketplace} refers to a type of SellerPortal.Integrations.{Marketplace}, in its fields,
/// properties, method signatures, base types, interfaces or generic arguments; nor does its source text name an
/// Integrations namespace. A new marketplace's emulator is held by one more line of data.
/// </summary>
public sealed class SandboxIndependenceTests
{
    public static TheoryData<string, string> Emulators => new()
    {
        { "Amazon", "AmazonWireConfirmShipment" },
        { "Ebay", "EbayWireInventoryItem" },
        { "TikTokShop", "TikTokWireProductWrite" },
        { "Shopify", "ShopifyWireAccessToken" },
    };

    [Theory]
    [MemberData(nameof(Emulators))]
    public void NoSandboxType_RefersToItsMarketplacesIntegrationsType(string marketplace, string wireRecord)
    {
        var ns = "SellerPortal.Sandbox." + marketplace;
        var forbidden = "SellerPortal.Integrations." + marketplace;
        var sandbox = typeof(SellerPortal.Sandbox.Common.SandboxFaults).Assembly.GetTypes()
            .Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false))
            .ToList();

        var offending = sandbox
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Namespace?.StartsWith(forbidden, StringComparison.Ordinal) == true).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.Contains(sandbox, t => t.Name == wireRecord); // its own wire model is what is scanned
        Assert.Contains(sandbox, t => t.Name.Contains('<', StringComparison.Ordinal)); // compiler-generated types are scanned too
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(Emulators))]
    public void TheSandboxSources_NameNoIntegrationsNamespace(string marketplace, string wireRecord)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "App", "Sandbox", marketplace), "*.cs", SearchOption.AllDirectories);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("record " + wireRecord, StringComparison.Ordinal));
        Assert.Empty(files.Where(f => File.ReadAllText(f).Contains("Integrations", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
