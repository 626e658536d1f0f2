using SellerPortal.Tests.TestSupport;

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

    /// <summary>The official examples folder, or null when it is not beside this clone.</summary>
    public static string? Folder
    {
        get
        {
            var root = RepositoryRoot.TryFind();
            var path = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "api", "examples", "official"));
            return path is not null && Directory.Exists(path) ? path : null;
        }
    }

    private static string? ReadShared(params string[] parts)
    {
        if (RepositoryRoot.TryFind() is not { } root)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine([root, "..", "shared", "api", "examples", .. parts]));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
