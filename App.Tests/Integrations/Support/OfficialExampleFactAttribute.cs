namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// A test held to one of the platforms' official example files, read in place from
/// <c>../shared/api/examples/official/</c>. Without the file beside the clone the test is reported as skipped, with the
/// file's name, never passed silently. <see cref="OfficialExampleCoverageTests"/> checks that every official file of a
/// marketplace we build has at least one such test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class OfficialExampleFactAttribute : FactAttribute
{
    public OfficialExampleFactAttribute(params string[] fileNames)
    {
        FileNames = fileNames;
        var missing = fileNames.Where(name => OfficialExamples.Read(name) is null).ToList();
        if (OfficialExamples.Folder is null)
        {
            Skip = "The official examples are not at ../shared/api/examples/official/ beside this clone.";
        }
        else if (missing.Count > 0)
        {
            Skip = $"The official example {string.Join(", ", missing)} is not at ../shared/api/examples/official/ beside this clone.";
        }
    }

    public IReadOnlyList<string> FileNames { get; }
}
