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

        if (db.Database.IsSqlite())
        {
            // Table statistics for SQLite's planner, refreshed where the tables have grown (SQLite's recommendation
            // for long-lived applications; analysis_limit keeps it to milliseconds). Without them it takes any
            // equality as selective: the orders grid's search with a status filter walked every order of that status
            // instead of the few the search found (bench orders-grid).
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
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
