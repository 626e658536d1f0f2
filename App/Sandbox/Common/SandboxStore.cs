using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// The emulators' data: JSON documents by (channel, collection, id) in a SQLite file of their own, apart from the
/// portal's database and migrations, so emulated shops survive a restart. Updated-at and a sort key are kept per row
/// so emulators can page by update time the way the real APIs do, and the owner (seller, shop, user) of documents that
/// implement <see cref="ISandboxOwned"/>, so a page is one indexed range read rather than a scan of every document.
/// </summary>
public sealed class SandboxStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string connectionString;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> writeLocks = new(StringComparer.OrdinalIgnoreCase);

    public SandboxStore(string connectionString)
    {
        this.connectionString = connectionString;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS documents (
                channel TEXT NOT NULL,
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                sort_key INTEGER NOT NULL DEFAULT 0,
                json TEXT NOT NULL,
                PRIMARY KEY (channel, collection, id));
            CREATE INDEX IF NOT EXISTS ix_documents_sort ON documents (channel, collection, sort_key, id);
            """;
        command.ExecuteNonQuery();
        AddOwnerColumn(connection);
    }

    /// <summary>Stores created before documents had an owner gain the column; their rows stay unowned (listed only unfiltered).</summary>
    private static void AddOwnerColumn(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = 'owner'";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE documents ADD COLUMN owner TEXT NULL";
            alter.ExecuteNonQuery();
        }

        using var index = connection.CreateCommand();
        index.CommandText = "CREATE INDEX IF NOT EXISTS ix_documents_owner_sort ON documents (channel, collection, owner, sort_key, id)";
        index.ExecuteNonQuery();
    }

    public async Task PutAsync<T>(string channel, string collection, string id, T document, long sortKey = 0, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents (channel, collection, id, sort_key, owner, json) VALUES ($c, $col, $id, $sort, $owner, $json)
            ON CONFLICT (channel, collection, id) DO UPDATE SET sort_key = excluded.sort_key, owner = excluded.owner, json = excluded.json;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$sort", sortKey);
        command.Parameters.AddWithValue("$owner", OwnerOf(document));
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(document, Json));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Many documents in one transaction with one prepared statement: the order generators create tens of thousands
    /// at a time, and a commit per row (a WAL sync each) made generating 100,000 orders take minutes.
    /// </summary>
    public async Task PutManyAsync<T>(string channel, string collection, IEnumerable<(string Id, T Document, long SortKey)> documents, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO documents (channel, collection, id, sort_key, owner, json) VALUES ($c, $col, $id, $sort, $owner, $json)
            ON CONFLICT (channel, collection, id) DO UPDATE SET sort_key = excluded.sort_key, owner = excluded.owner, json = excluded.json;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var sort = command.Parameters.Add("$sort", SqliteType.Integer);
        var owner = command.Parameters.Add("$owner", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        command.Prepare();
        foreach (var (documentId, document, sortKey) in documents)
        {
            id.Value = documentId;
            sort.Value = sortKey;
            owner.Value = OwnerOf(document);
            json.Value = JsonSerializer.Serialize(document, Json);
            await command.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Runs a read-modify-write of one channel's documents one at a time: a buyer's order taking stock and the seller's
    /// quantity update for the same listing must not overwrite each other's reading.
    /// </summary>
    public async Task<T> SerializedAsync<T>(string channel, Func<Task<T>> work, CancellationToken ct = default)
    {
        var gate = writeLocks.GetOrAdd(channel, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<T?> GetAsync<T>(string channel, string collection, string id, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM documents WHERE channel = $c AND collection = $col AND id = $id";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$id", id);
        var json = (string?)await command.ExecuteScalarAsync(ct);
        return json is null ? default : JsonSerializer.Deserialize<T>(json, Json);
    }

    public async Task<bool> DeleteAsync(string channel, string collection, string id, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM documents WHERE channel = $c AND collection = $col AND id = $id";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Documents ordered by (sort key, id), starting after a position; for cursor pages.</summary>
    public Task<IReadOnlyList<StoredDocument<T>>> ListAsync<T>(
        string channel, string collection, long minSortKey = long.MinValue, long maxSortKey = long.MaxValue,
        (long SortKey, string Id)? after = null, int limit = int.MaxValue, CancellationToken ct = default) =>
        ListAsync<T>(channel, collection, new DocumentRange(minSortKey, maxSortKey), after, limit, ct: ct);

    /// <summary>
    /// One page of a range of documents, in (sort key, id) order or its reverse, after a keyset position or from an
    /// offset; with an owner, only that owner's documents.
    /// </summary>
    public async Task<IReadOnlyList<StoredDocument<T>>> ListAsync<T>(
        string channel, string collection, DocumentRange range, (long SortKey, string Id)? after = null, int limit = int.MaxValue,
        bool descending = false, int offset = 0, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var keyset = descending
            ? "($afterSort IS NULL OR sort_key < $afterSort OR (sort_key = $afterSort AND id < $afterId))"
            : "($afterSort IS NULL OR sort_key > $afterSort OR (sort_key = $afterSort AND id > $afterId))";
        var order = descending ? "sort_key DESC, id DESC" : "sort_key, id";
        command.CommandText = $"""
            SELECT id, sort_key, json FROM documents
            WHERE channel = $c AND collection = $col AND sort_key >= $min AND sort_key <= $max
              AND {OwnerFilter(range)} AND {keyset}
            ORDER BY {order}
            LIMIT $limit OFFSET $offset
            """;
        AddRange(command, channel, collection, range);
        command.Parameters.AddWithValue("$afterSort", after is null ? DBNull.Value : after.Value.SortKey);
        command.Parameters.AddWithValue("$afterId", after is null ? DBNull.Value : after.Value.Id);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        var results = new List<StoredDocument<T>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            results.Add(new StoredDocument<T>(reader.GetString(0), reader.GetInt64(1), JsonSerializer.Deserialize<T>(reader.GetString(2), Json)!));
        }

        return results;
    }

    /// <summary>How many documents a range holds (a page's total), counted in the index.</summary>
    public async Task<int> CountAsync(string channel, string collection, DocumentRange range, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COUNT(*) FROM documents
            WHERE channel = $c AND collection = $col AND sort_key >= $min AND sort_key <= $max
              AND {OwnerFilter(range)}
            """;
        AddRange(command, channel, collection, range);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddRange(SqliteCommand command, string channel, string collection, DocumentRange range)
    {
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$min", range.MinSortKey);
        command.Parameters.AddWithValue("$max", range.MaxSortKey);
        command.Parameters.AddWithValue("$owner", (object?)range.Owner ?? DBNull.Value);
    }

    /// <summary>An equality the owner index serves (an OR here would make SQLite read every row of the range).</summary>
    private static string OwnerFilter(DocumentRange range) => range.Owner is null ? "1 = 1" : "owner = $owner";

    private static object OwnerOf<T>(T document) => document is ISandboxOwned { Owner: { } owner } ? owner : DBNull.Value;

    public async Task<int> CountAsync(string channel, string collection, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM documents WHERE channel = $c AND collection = $col";
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var settings = connection.CreateCommand();
        // As the portal's database (SqliteConnectionSettings): no fsync per commit in WAL, reads through a memory map.
        settings.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384; PRAGMA mmap_size=268435456;";
        settings.ExecuteNonQuery();
        return connection;
    }
}

public sealed record StoredDocument<T>(string Id, long SortKey, T Document);

/// <summary>Sort keys from <see cref="MinSortKey"/> to <see cref="MaxSortKey"/> inclusive, of one owner or of all.</summary>
public sealed record DocumentRange(long MinSortKey = long.MinValue, long MaxSortKey = long.MaxValue, string? Owner = null);

/// <summary>A document that belongs to one seller, shop or user: the store indexes the owner so pages need not scan.</summary>
public interface ISandboxOwned
{
    string Owner { get; }
}
