using Microsoft.Data.Sqlite;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Tests.Integrations.Sandbox;

public sealed class SandboxStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "sellerportal-tests", $"store-{Guid.NewGuid():N}.db");

    private sealed record Owned(string Who, int N) : ISandboxOwned
    {
        [System.Text.Json.Serialization.JsonIgnore]
        public string Owner => Who;
    }

    public SandboxStoreTests() => Directory.CreateDirectory(Path.GetDirectoryName(path)!);

    private SandboxStore NewStore() => new($"Data Source={path};Pooling=False");

    [Fact]
    public async Task ListAsync_ByOwnerAndRange_ReturnsOnlyThatOwnersDocumentsInKeyOrder()
    {
        var store = NewStore();
        await store.PutManyAsync("c", "orders", Enumerable.Range(1, 30).Select(i => ($"id{i:D2}", new Owned(i % 3 == 0 ? "b" : "a", i), (long)i)));

        var page = await store.ListAsync<Owned>("c", "orders", new DocumentRange(5, 20, "b"));

        Assert.Equal([6, 9, 12, 15, 18], page.Select(d => d.Document.N));
        Assert.Equal(5, await store.CountAsync("c", "orders", new DocumentRange(5, 20, "b")));
    }

    [Fact]
    public async Task ListAsync_KeysetBothWaysAndOffset_WalkEveryDocumentOnce()
    {
        var store = NewStore();
        await store.PutManyAsync("c", "orders", Enumerable.Range(1, 25).Select(i => ($"id{i:D2}", new Owned("a", i), (long)(i / 2))));
        var range = new DocumentRange(Owner: "a");

        var ascending = new List<int>();
        (long, string)? after = null;
        while (await store.ListAsync<Owned>("c", "orders", range, after, 4) is { Count: > 0 } page)
        {
            ascending.AddRange(page.Select(d => d.Document.N));
            after = (page[^1].SortKey, page[^1].Id);
        }

        var descending = new List<int>();
        after = null;
        while (await store.ListAsync<Owned>("c", "orders", range, after, 7, descending: true) is { Count: > 0 } page)
        {
            descending.AddRange(page.Select(d => d.Document.N));
            after = (page[^1].SortKey, page[^1].Id);
        }

        var byOffset = await store.ListAsync<Owned>("c", "orders", range, limit: 5, offset: 20);

        Assert.Equal(Enumerable.Range(1, 25), ascending);
        Assert.Equal(Enumerable.Range(1, 25).Reverse(), descending);
        Assert.Equal([21, 22, 23, 24, 25], byOffset.Select(d => d.Document.N));
    }

    [Fact]
    public async Task AStoreWrittenBeforeOwners_GainsTheColumn_AndItsRowsAreListedOnlyUnfiltered()
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE documents (channel TEXT NOT NULL, collection TEXT NOT NULL, id TEXT NOT NULL,
                    sort_key INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL, PRIMARY KEY (channel, collection, id));
                INSERT INTO documents VALUES ('c', 'orders', 'old', 1, '{"who":"a","n":1}');
                """;
            command.ExecuteNonQuery();
        }

        var store = NewStore();
        await store.PutAsync("c", "orders", "new", new Owned("b", 2), 2);

        Assert.Equal([2], (await store.ListAsync<Owned>("c", "orders", new DocumentRange(Owner: "b"))).Select(d => d.Document.N));
        Assert.Empty(await store.ListAsync<Owned>("c", "orders", new DocumentRange(Owner: "a")));
        Assert.Equal([1, 2], (await store.ListAsync<Owned>("c", "orders", new DocumentRange())).Select(d => d.Document.N));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
