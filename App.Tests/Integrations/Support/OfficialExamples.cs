namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// The shared official example payloads, read in place at <c>../shared/api/examples/official</c> from the repository
/// root when they are there (they live outside the repository).
/// </summary>
public static class OfficialExamples
{
    public static string? Read(string fileName) => ReadShared("official", fileName);

    /// <summary>The example payloads beside the API notes (<c>../shared/api/examples</c>).</summary>
    public static string? ReadExample(string fileName) => ReadShared(fileName);

    private static string? ReadShared(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SellerPortal.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine([dir.FullName, "..", "shared", "api", "examples", .. parts]));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
