using System.Text.RegularExpressions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations;

/// <summary>
/// Features depend on the channels' contract, never the other way (issue 19): nothing in
/// <c>Integrations/Abstractions</c>, <c>Integrations/Common</c>, a marketplace's folder (<c>Integrations/&lt;Channel&gt;</c>)
/// or an emulator's (<c>Sandbox/…</c>) names a feature, neither in its types' signatures (read from the assembly) nor in
/// its source (usings, qualified names). Every folder present is held, so a new marketplace is held without a line here.
/// And features name only <c>Integrations.Abstractions</c>: no concrete marketplace, no wire plumbing. Together there is
/// no folder-level circle between Features and Integrations.
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
            folders.AddRange(Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "App", area))
                .Select(Path.GetFileName).Order().Select(dir => $"{area}/{dir}"));
        }

        return folders;
    }

    [Fact]
    public void TheHeldFolders_IncludeTheContractAndEachLiveMarketplaceOnBothSides()
    {
        var held = FolderNames();
        Assert.Superset(new HashSet<string>
        {
            "Integrations/Abstractions", "Integrations/Common", "Integrations/TikTokShop", "Integrations/Amazon", "Integrations/Ebay",
            "Sandbox/Common", "Sandbox/TikTokShop", "Sandbox/Amazon", "Sandbox/Ebay",
        }, held.ToHashSet());
    }

    /// <summary>Every feature folder (Features/Catalog, Features/Channels, …).</summary>
    public static TheoryData<string> FeatureFolders() =>
        [.. Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "App", "Features")).Select(Path.GetFileName).Order().Select(d => $"Features/{d}")];

    [Theory]
    [MemberData(nameof(FeatureFolders))]
    public void NoFeature_NamesAnIntegrationsTypeOutsideTheContract(string folder)
    {
        var (types, signatures) = TypesOf(folder, ns => ns.StartsWith("SellerPortal.Integrations", StringComparison.Ordinal)
            && ns != "SellerPortal.Integrations.Abstractions");
        var (_, sources) = SourcesOf(folder, "*.*", IntegrationsBeyondTheContract());

        Assert.NotEmpty(types);
        Assert.Empty(signatures.Concat(sources));
    }

    [Fact]
    public void TheFeatureScan_SeesAMarketplaceReference_AndNotTheContract()
    {
        Assert.Matches(IntegrationsBeyondTheContract(), "using SellerPortal.Integrations.Ebay;");
        Assert.Matches(IntegrationsBeyondTheContract(), "var x = Integrations.Common.ChannelErrors.Network(k, e);");
        Assert.DoesNotMatch(IntegrationsBeyondTheContract(), "using SellerPortal.Integrations.Abstractions;");
    }

    [GeneratedRegex(@"Integrations\.(?!Abstractions\b)[A-Z]")]
    private static partial Regex IntegrationsBeyondTheContract();

    [Theory]
    [MemberData(nameof(Folders))]
    public void NoTypeOfTheFolder_NamesAFeatureTypeInItsSignatures(string folder)
    {
        var (types, offending) = TypesOf(folder, ns => ns.StartsWith("SellerPortal.Features", StringComparison.Ordinal));

        Assert.NotEmpty(types);
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void NoSourceOfTheFolder_NamesAFeatureNamespace(string folder)
    {
        var (files, offending) = SourcesOf(folder, "*.cs", FeatureReference());

        Assert.NotEmpty(files);
        Assert.Empty(offending);
    }

    /// <summary>The folder's types, and each reference from their signatures into a namespace <paramref name="forbidden"/> picks.</summary>
    private static (List<Type> Types, List<string> Offending) TypesOf(string folder, Func<string, bool> forbidden)
    {
        var ns = "SellerPortal." + folder.Replace('/', '.');
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false))
            .ToList();
        var offending = types
            .SelectMany(t => TypeReferences.Of(t).Where(r => r.Namespace is { } n && forbidden(n)).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();
        return (types, offending);
    }

    /// <summary>The folder's C# and Razor sources (by <paramref name="pattern"/>), and each line <paramref name="reference"/> matches.</summary>
    private static (List<string> Files, List<string> Offending) SourcesOf(string folder, string pattern, Regex reference)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "App", folder), pattern, SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .ToList();
        var offending = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => reference.IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryRoot.Path, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        return (files, offending);
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
