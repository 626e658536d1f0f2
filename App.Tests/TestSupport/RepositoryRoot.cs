namespace SellerPortal.Tests.TestSupport;

/// <summary>The clone's root (the folder holding SellerPortal.sln), found upward from the test output.</summary>
public static class RepositoryRoot
{
    public static string Path => TryFind() ?? throw new InvalidOperationException("SellerPortal.sln not found above the test output.");

    public static string? TryFind()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "SellerPortal.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
