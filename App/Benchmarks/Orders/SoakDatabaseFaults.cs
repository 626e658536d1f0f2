using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SellerPortal.Data;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// The soak's database faults (issue 11): while armed, every fifth write the handlers make to listings, orders or stock
/// fails as SQLite fails when another writer holds the file too long (<c>SQLITE_BUSY</c>, "database is locked"), up to
/// the armed count. A batch that meets one must come back as a retryable outcome, never a lost or doubled job. The
/// queue's own lease writes and the API call log are left alone: the fault is inside the work, not in its bookkeeping.
/// Registered only by the soak (test and bench), never by the app.
/// </summary>
internal sealed class SoakDatabaseFaults : DbCommandInterceptor
{
    private const int SqliteBusy = 5;
    private static readonly string[] Tables = ["\"ChannelListings\"", "\"ChannelListingSkus\"", "\"Orders\"", "\"OrderLines\"", "\"StockMovements\"", "\"Variants\""];

    private int budget;
    private long writes;
    private int injected;

    public int Injected => Volatile.Read(ref injected);

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<SoakDatabaseFaults>();
        services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SoakDatabaseFaults>()));
    }

    public void Arm(int count) => Volatile.Write(ref budget, count);

    public void Disarm() => Volatile.Write(ref budget, 0);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Fail(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Fail(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fail(command);
        return ValueTask.FromResult(result);
    }

    private void Fail(DbCommand command)
    {
        if (Volatile.Read(ref budget) <= 0)
        {
            return;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        var write = text.StartsWith("INSERT", StringComparison.Ordinal) || text.StartsWith("UPDATE", StringComparison.Ordinal);
        if (!write || !Tables.Any(t => command.CommandText.Contains(t, StringComparison.Ordinal)) || Interlocked.Increment(ref writes) % 5 != 0)
        {
            return;
        }

        if (Interlocked.Decrement(ref budget) >= 0)
        {
            Interlocked.Increment(ref injected);
            throw new SqliteException("database is locked (injected by the soak)", SqliteBusy);
        }
    }
}
