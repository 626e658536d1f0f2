using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SellerPortal.Benchmarks;

/// <summary>
/// Writes products straight into the portal's SQLite database: prepared statements in one transaction, because EF's
/// change tracker would dominate a 100k-row seed and the benchmarks measure the portal, not the seeding.
/// </summary>
internal static class BenchmarkCatalog
{
    /// <summary>
    /// A product per row; <paramref name="variantsOf"/> and <paramref name="listingsOf"/> shape each one. Every product
    /// gets <paramref name="imageUrl"/> and <paramref name="weightGrams"/> when given (a channel such as TikTok Shop
    /// lists nothing without a picture and a weight).
    /// </summary>
    public static async Task SeedAsync(
        string databasePath,
        int products,
        Func<int, Random, (string Name, string Brand, string Category, DateTime Updated)> productOf,
        Func<int, Random, IEnumerable<(string Sku, int Stock, long PriceMinor)>> variantsOf,
        Func<int, Random, IEnumerable<(int AccountId, string State)>> listingsOf,
        CancellationToken ct,
        string? imageUrl = null,
        int? weightGrams = null)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var product = Command(connection, tx,
            "INSERT INTO Products (Id, Name, Brand, Category, Condition, ImageUrls, WeightGrams, CreatedUtc, UpdatedUtc) VALUES ($id, $name, $brand, $category, 'New', $images, $weight, $time, $time)",
            "$id", "$name", "$brand", "$category", "$images", "$weight", "$time");
        var images = System.Text.Json.JsonSerializer.Serialize(imageUrl is null ? [] : new[] { imageUrl });
        var variant = Command(connection, tx,
            "INSERT INTO Variants (ProductId, Sku, StockOnHand, PriceMinor, Currency, Options) VALUES ($product, $sku, $stock, $price, 'USD', '[]')",
            "$product", "$sku", "$stock", "$price");
        var listing = Command(connection, tx,
            "INSERT INTO ChannelListings (ProductId, ChannelAccountId, State, PriceKind, PricePercentBasisPoints, PriceAmountMinor, PriceRounding, ChannelFields, QuantityBuffer, StatusDrift) " +
            "VALUES ($product, $account, $state, 'BasePrice', 0, 0, 'None', '{}', 0, 0)",
            "$product", "$account", "$state");
        var random = new Random(7);
        for (var i = 1; i <= products; i++)
        {
            var p = productOf(i, random);
            Run(product, i, p.Name, p.Brand, p.Category, images, (object?)weightGrams ?? DBNull.Value, p.Updated.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            foreach (var v in variantsOf(i, random))
            {
                Run(variant, i, v.Sku, v.Stock, v.PriceMinor);
            }

            foreach (var l in listingsOf(i, random))
            {
                Run(listing, i, l.AccountId, l.State);
            }
        }

        await tx.CommitAsync(ct);
        await using var analyze = new SqliteCommand("ANALYZE;", connection);
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = new SqliteCommand(sql, connection, tx);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = p });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
