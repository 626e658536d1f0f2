using System.Text.RegularExpressions;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations;

/// <summary>
/// A marketplace is its own folders and one registration line on each side (issue 19): outside
/// <c>Integrations/&lt;Channel&gt;</c> and <c>Sandbox/&lt;Channel&gt;</c>, no source of the app names a marketplace (a
/// <c>ChannelKind</c> member, its namespace, or its kind as a string) except the two registration files and the list of
/// kinds itself. So the features, the contract, the shared plumbing, the benches and the soak take a new marketplace
/// without an edit, and this test fails on the first file that would need one.
/// </summary>
public sealed class MarketplaceFoldersTests
{
    /// <summary>Where naming a marketplace is the point: the registration lines and the kinds' names and order.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "App/Integrations/IntegrationsServiceCollectionExtensions.cs",
        "App/Sandbox/Common/SandboxServiceCollectionExtensions.cs",
        "App/Integrations/Abstractions/ChannelIdentity.cs",
    };

    /// <summary>
    /// Known and left, each with its reason. The housekeeping clears eBay account-deletion notices stored whole before
    /// the webhook log kept only their digest (issue 11): a one-off clean-up of old rows, which goes once no deployment
    /// holds rows from before it.
    /// </summary>
    private static readonly HashSet<string> KnownLines = new(StringComparer.Ordinal)
    {
        "App/Features/Admin/Logs/RetentionPruner.cs",
    };

    [Fact]
    public void OutsideTheMarketplaceFolders_OnlyTheRegistrationLinesNameAMarketplace()
    {
        var root = RepositoryRoot.Path;
        var marketplaceFolders = new[] { "Integrations", "Sandbox" }
            .SelectMany(area => Directory.GetDirectories(Path.Combine(root, "App", area)).Select(d => $"App/{area}/{Path.GetFileName(d)}/"))
            .Where(d => !d.EndsWith("/Abstractions/", StringComparison.Ordinal) && !d.EndsWith("/Common/", StringComparison.Ordinal))
            .ToList();
        var files = Directory.GetFiles(Path.Combine(root, "App"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("App/bin/", StringComparison.Ordinal) && !f.StartsWith("App/obj/", StringComparison.Ordinal))
            .Where(f => !marketplaceFolders.Any(d => f.StartsWith(d, StringComparison.Ordinal)))
            .ToList();

        var naming = Marketplace();
        var offending = files.Where(f => !Allowed.Contains(f) && !KnownLines.Contains(f))
            .SelectMany(f => File.ReadLines(Path.Combine(root, f)).Select((text, i) => (File: f, Line: i + 1, Text: text)))
            .Where(l => naming.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(files.Count > 200, $"only {files.Count} sources scanned");
        Assert.Empty(offending);
        // The allowed files still exist: a rename would otherwise leave the rule holding nothing.
        Assert.All(Allowed.Concat(KnownLines), f => Assert.True(File.Exists(Path.Combine(root, f)), f));
    }

    [Fact]
    public void TheScan_SeesEachWayOfNamingAMarketplace_AndNotTheContract()
    {
        var naming = Marketplace();

        Assert.Matches(naming, "if (account.Channel == ChannelKind.Ebay)");
        Assert.Matches(naming, "using SellerPortal.Integrations.Amazon;");
        Assert.Matches(naming, "var s = Sandbox.TikTokShop.TikTokShopSandboxStore.Channel;");
        Assert.Matches(naming, "w.Channel == \"ShipStation\"");
        Assert.DoesNotMatch(naming, "using SellerPortal.Integrations.Abstractions;");
        Assert.DoesNotMatch(naming, "foreach (var kind in ChannelNames.InDisplayOrder)");
        Assert.DoesNotMatch(naming, "// TikTok's update times are whole seconds");
    }

    private static Regex Marketplace()
    {
        var kinds = string.Join("|", Enum.GetNames<ChannelKind>());
        return new Regex($@"ChannelKind\.({kinds})\b|\b(Integrations|Sandbox)\.({kinds})\b|""({kinds})""", RegexOptions.CultureInvariant);
    }
}
