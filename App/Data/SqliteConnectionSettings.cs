using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SellerPortal.Data;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on each SQLite connection the app opens, with a 32 MB page cache and reads through
/// a memory map (SQLite's defaults, 2 MB and pread, left bench import copying index pages from the OS a page at a
/// time once the order tables outgrew the cache). The database runs in WAL mode, where
/// NORMAL is SQLite's own recommendation: a commit is safe against an app crash and the file is never corrupted, but it
/// no longer waits for an fsync, which bench import measured as the bulk of its time (one per page commit). What a power
/// cut can take back is the last moment's commits, all of them together: orders come back on the next import, whose
/// watermark is rolled back in the same file. SQL Server, the production database, is not affected.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;";
        command.ExecuteNonQuery();
    }
}
