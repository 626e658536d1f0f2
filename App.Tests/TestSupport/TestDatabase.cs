using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;

namespace SellerPortal.Tests.TestSupport;

/// <summary>A migrated SQLite file of its own, for service tests that need no web host.</summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<SqliteAppDbContext> options;

    public TestDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sellerportal-tests", $"db-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path}").Options;
        using var db = new SqliteAppDbContext(options);
        db.Database.Migrate();
    }

    public string Path { get; }

    public AppDbContext CreateDbContext() => new SqliteAppDbContext(options);
}
