using System.Text.RegularExpressions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations;

/// <summary>
/// Features depend on the channels' contract, never the other way (issue 19): nothing in
/// <c>Integrations/Abstractions</c>, in a marketplace's folder (<c>Integrations/&lt;Channel&gt;</c>) or in an emulator's
/// (<c>Sandbox/…</c>) names a feature, neither in its types' signatures (read from the assembly) nor in its source
/// (usings, qualified names). Every folder present is held, so a new marketplace is held without a line here.
/// <c>Integrations/Common</c> is not held yet: its webhook intake, call log and token store still use feature types.
/// </summary>
public sealed partial class DependencyDirectionTests
{
    /// <summary>The folders held: Abstractions, every marketplace under Integrations, every emulator folder.</summary>
    public static TheoryData<string> Folders() => [.. FolderNames()];

    private static List<string> FolderNames()
    {
        var folders = new List<string>();
        foreach (var area in new[] { "Integrations", "Sandbox" })
        {
            foreach (var dir in Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "App", area)).Select(Path.GetFileName).Order())
            {
                if (!(area == "Integrations" && dir == "Common"))
                {
                    folders.Add($"{area}/{dir}");
                }
            }
        }

        return folders;
    }

    [Fact]
    public void TheHeldFolders_IncludeTheContractAndEachLiveMarketplaceOnBothSides()
    {
        var held = FolderNames();
        Assert.Superset(new HashSet<string>
        {
            "Integrations/Abstractions", "Integrations/TikTokShop", "Integrations/Amazon", "Integrations/Ebay",
            "Sandbox/Common", "Sandbox/TikTokShop", "Sandbox/Amazon", "Sandbox/Ebay",
        }, held.ToHashSet());
        Assert.DoesNotContain("Integrations/Common", held);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void NoTypeOfTheFolder_NamesAFeatureTypeInItsSignatures(string folder)
    {
        var ns = "SellerPortal." + folder.Replace('/', '.');
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false))
            .ToList();

        var offending = types
            .SelectMany(t => TypeReferences.Of(t)
                .Where(r => r.Namespace?.StartsWith("SellerPortal.Features", StringComparison.Ordinal) == true)
                .Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(types);
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void NoSourceOfTheFolder_NamesAFeatureNamespace(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "App", folder), "*.cs", SearchOption.AllDirectories);

        var offending = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => FeatureReference().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot.Path, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.Empty(offending);
    }

    [Fact]
    public void TheSourceScan_SeesAFeatureReference_AndNotAnHttpContextsFeatures()
    {
        Assert.Matches(FeatureReference(), "using SellerPortal.Features.Orders;");
        Assert.Matches(FeatureReference(), "var s = Features.Orders.OrderStatus.Shipped;");
        Assert.DoesNotMatch(FeatureReference(), "if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)");
    }

    // "SellerPortal.Features" anywhere, or a name qualified from the root namespace ("Features.Orders…"), but not a
    // member access such as HttpContext.Features.
    [GeneratedRegex(@"SellerPortal\.Features\b|(?<![\w.])Features\.[A-Z]")]
    private static partial Regex FeatureReference();
}
