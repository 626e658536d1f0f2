using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptySqliteDatabase_WithTheQuartzSchema()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sp-migrate-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteAppDbContext(options))
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var tables = await TablesAsync(path);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("Products", tables);
        Assert.Contains("Variants", tables);
        Assert.Contains("ChannelAccounts", tables);
        Assert.Contains("Orders", tables);
        Assert.Contains("SyncJobs", tables);
        Assert.Contains("DataProtectionKeys", tables);
        Assert.Contains("QRTZ_TRIGGERS", tables);
        Assert.Contains("QRTZ_JOB_DETAILS", tables);
    }

    [Fact]
    public void SqliteModel_HasNoChangesWithoutAMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQLite migrations do not cover the model.");
    }

    [Fact]
    public void SqlServerModel_HasNoChangesWithoutAMigration()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the SQL Server migrations do not cover the model.");
    }

    [Fact]
    public void SqlServerDeploymentScript_IsIdempotentAndCoversEveryMigration()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Migrations", "SqlServer", "sqlserver-idempotent.sql"));

        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script);
        }

        Assert.Contains("IF NOT EXISTS", script);
    }

    private static async Task<HashSet<string>> TablesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var names = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
