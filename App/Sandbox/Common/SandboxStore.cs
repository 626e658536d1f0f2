using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// The emulators' data: JSON documents by (channel, collection, id) in a SQLite file of their own, apart from the
/// portal's database and migrations, so emulated shops survive a restart. Updated-at and a sort key are kept per row
/// so emulators can page by update time the way the real APIs do.
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
    }

    public async Task PutAsync<T>(string channel, string collection, string id, T document, long sortKey = 0, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents (channel, collection, id, sort_key, json) VALUES ($c, $col, $id, $sort, $json)
            ON CONFLICT (channel, collection, id) DO UPDATE SET sort_key = excluded.sort_key, json = excluded.json;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$sort", sortKey);
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
            INSERT INTO documents (channel, collection, id, sort_key, json) VALUES ($c, $col, $id, $sort, $json)
            ON CONFLICT (channel, collection, id) DO UPDATE SET sort_key = excluded.sort_key, json = excluded.json;
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var sort = command.Parameters.Add("$sort", SqliteType.Integer);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        command.Prepare();
        foreach (var (documentId, document, sortKey) in documents)
        {
            id.Value = documentId;
            sort.Value = sortKey;
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
    public async Task<IReadOnlyList<StoredDocument<T>>> ListAsync<T>(
        string channel, string collection, long minSortKey = long.MinValue, long maxSortKey = long.MaxValue,
        (long SortKey, string Id)? after = null, int limit = int.MaxValue, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, sort_key, json FROM documents
            WHERE channel = $c AND collection = $col AND sort_key >= $min AND sort_key <= $max
              AND ($afterSort IS NULL OR sort_key > $afterSort OR (sort_key = $afterSort AND id > $afterId))
            ORDER BY sort_key, id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$c", channel);
        command.Parameters.AddWithValue("$col", collection);
        command.Parameters.AddWithValue("$min", minSortKey);
        command.Parameters.AddWithValue("$max", maxSortKey);
        command.Parameters.AddWithValue("$afterSort", after is null ? DBNull.Value : after.Value.SortKey);
        command.Parameters.AddWithValue("$afterId", after is null ? DBNull.Value : after.Value.Id);
        command.Parameters.AddWithValue("$limit", limit);
        var results = new List<StoredDocument<T>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            results.Add(new StoredDocument<T>(reader.GetString(0), reader.GetInt64(1), JsonSerializer.Deserialize<T>(reader.GetString(2), Json)!));
        }

        return results;
    }

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
        return connection;
    }
}

public sealed record StoredDocument<T>(string Id, long SortKey, T Document);
