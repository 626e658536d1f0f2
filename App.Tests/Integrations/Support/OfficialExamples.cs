namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// The shared official example payloads, read in place at <c>../shared/api/examples/official</c> from the repository
/// root when they are there (they live outside the repository).
/// </summary>
public static class OfficialExamples
{
    public static string? Read(string fileName)
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

        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "api", "examples", "official", fileName));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
