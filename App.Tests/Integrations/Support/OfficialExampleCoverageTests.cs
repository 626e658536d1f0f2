using System.Reflection;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>Every official example file of a marketplace we build is held by at least one named test.</summary>
public sealed class OfficialExampleCoverageTests
{
    /// <summary>The file-name prefixes of the marketplaces built so far.</summary>
    public static readonly string[] Marketplaces = ["tiktok_", "amazon_", "ebay_", "etsy_"];

    /// <summary>
    /// Official files no named test holds yet (issue 20's golden wire tests, still open). The list can only shrink:
    /// a new official file without a test fails, and so does a file listed here once a test holds it.
    /// </summary>
    private static readonly string[] NotYetHeld = [];

    [OfficialExampleFact]
    public void EveryOfficialExampleOfTheBuiltMarketplaces_HasANamedTest_ButThoseStillListed()
    {
        var held = TestsByFile();
        var unheld = Marketplaces
            .SelectMany(prefix => Directory.GetFiles(OfficialExamples.Folder!, prefix + "*"))
            .Select(Path.GetFileName)
            .Where(name => !held.ContainsKey(name!))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(NotYetHeld.Order(StringComparer.Ordinal), unheld);
    }

    /// <summary>Official file → the tests that read it (also what the closing note lists).</summary>
    public static IReadOnlyDictionary<string, List<string>> TestsByFile() =>
        typeof(OfficialExampleCoverageTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(method => (method.GetCustomAttribute<OfficialExampleFactAttribute>()?.FileNames ?? [])
                .Select(file => (file, test: $"{method.DeclaringType!.Name}.{method.Name}")))
            .GroupBy(pair => pair.file, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.test).ToList(), StringComparer.Ordinal);
}
