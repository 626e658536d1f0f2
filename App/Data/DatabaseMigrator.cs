using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SellerPortal.Data;

/// <summary>Applies pending migrations at start-up (SQLite; SQL Server unless MigrateOnStartup is false).</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (!options.Value.MigrateOnStartup)
        {
            logger.LogInformation("Database:MigrateOnStartup is false; expecting the deployment script to have run");
            return;
        }

        await using var db = contexts.CreateDbContext();
        if (db.Database.IsSqlite())
        {
            // WAL lets the UI read while jobs write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s)", pending.Count);
            await db.Database.MigrateAsync(ct);
        }
    }
}

public static class DatabaseMigratorExtensions
{
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
    }
}
