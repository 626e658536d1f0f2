using System.Reflection;
using Xunit;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>Every official example file of a marketplace we build is held by at least one named test.</summary>
public sealed class OfficialExampleCoverageTests
{
    /// <summary>The file-name prefixes of the marketplaces built so far.</summary>
    public static readonly string[] Marketplaces = ["tiktok_", "amazon_", "ebay_"];

    [OfficialExampleFact]
    public void EveryOfficialExampleOfTheBuiltMarketplaces_HasANamedTest()
    {
        var held = TestsByFile();
        var unheld = Marketplaces
            .SelectMany(prefix => Directory.GetFiles(OfficialExamples.Folder!, prefix + "*"))
            .Select(Path.GetFileName)
            .Where(name => !held.ContainsKey(name!))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(unheld);
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
