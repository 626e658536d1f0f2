using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;

namespace SellerPortal.Features.Catalog;

/// <summary>
/// <c>dotnet run --project App -- bench-catalog --products 100000</c>: seeds a throw-away SQLite catalog (never the
/// configured database), times the grid's queries through <see cref="ProductCatalog"/> and prints median and p95,
/// then stops the app. <c>--keep true</c> keeps the database file to look at query plans. A console command rather than a test: timings on a shared machine are not assertions.
/// </summary>
internal sealed class CatalogBenchmark(IHostApplicationLifetime lifetime, IConfiguration configuration, ILoggerFactory loggers) : BackgroundService
{
    public const string CommandName = "bench-catalog";
    private const int Runs = 25;

    public static bool Requested(string[] args) => args.Contains(CommandName, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var products = configuration.GetValue("products", 100_000);
        var keep = configuration.GetValue("keep", false);
        var path = Path.Combine(Path.GetTempPath(), $"sellerportal-bench-{Guid.NewGuid():N}.db");
        try
        {
            var contexts = new BenchContexts($"Data Source={path}");
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync(stoppingToken);
            }

            var seed = Stopwatch.StartNew();
            var accounts = await SeedAsync(contexts, path, products, stoppingToken);
            Console.WriteLine($"Seeded {products:N0} products in {seed.Elapsed.TotalSeconds:F1} s ({path})");

            var catalog = new ProductCatalog(contexts, TimeProvider.System, loggers.CreateLogger<ProductCatalog>());
            var random = new Random(42);
            await MeasureAsync("sorted page (name, random page of the first 200)", () =>
                catalog.QueryAsync(new ProductQuery { Sort = ProductSort.Name, Descending = false, Page = random.Next(200) }, stoppingToken));
            await MeasureAsync("sorted page (updated desc, first page)", () =>
                catalog.QueryAsync(new ProductQuery(), stoppingToken));
            await MeasureAsync("sorted page (SKU, random page of the first 200)", () =>
                catalog.QueryAsync(new ProductQuery { Sort = ProductSort.Sku, Descending = false, Page = random.Next(200) }, stoppingToken));
            await MeasureAsync("filtered count + page (brand)", () =>
                catalog.QueryAsync(new ProductQuery { Brand = $"Brand {random.Next(50)}" }, stoppingToken));
            await MeasureAsync("filtered count + page (category, sorted by name)", () =>
                catalog.QueryAsync(new ProductQuery { Category = $"Category {random.Next(20)}", Sort = ProductSort.Name }, stoppingToken));
            await MeasureAsync("filtered count + page (Live on one account)", () =>
                catalog.QueryAsync(new ProductQuery { Listing = new ListingFilter(ListingState.Live, accounts[random.Next(accounts.Count)]) }, stoppingToken));
            await MeasureAsync("filtered count + page (not listed anywhere)", () =>
                catalog.QueryAsync(new ProductQuery { Listing = ListingFilter.NotListed }, stoppingToken));
            await MeasureAsync("search (SKU prefix)", () =>
                catalog.QueryAsync(new ProductQuery { Text = $"SKU-{random.Next(products):D7}" }, stoppingToken));
            await MeasureAsync("search (name contains, rare)", () =>
                catalog.QueryAsync(new ProductQuery { Text = $"Widget {random.Next(products)}" }, stoppingToken));
            await MeasureAsync("search (name contains, common)", () =>
                catalog.QueryAsync(new ProductQuery { Text = "mug" }, stoppingToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
            {
                File.Delete(path);
            }

            lifetime.StopApplication();
        }
    }

    private static async Task MeasureAsync(string name, Func<Task<ProductPage>> query)
    {
        await query(); // warm-up: plan compilation and page cache
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = (await query()).TotalCount;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} median {times[times.Count / 2],7:F1} ms   p95 {p95,7:F1} ms   ({rows:N0} matching)"));
    }

    /// <summary>Bulk insert with prepared statements in one transaction: EF's change tracker would dominate the run.</summary>
    private static async Task<List<int>> SeedAsync(BenchContexts contexts, string path, int products, CancellationToken ct)
    {
        await using (var db = contexts.CreateDbContext())
        {
            for (var a = 0; a < 4; a++)
            {
                db.ChannelAccounts.Add(new() { DisplayName = $"Account {a}", Channel = (Channels.ChannelKind)a, CreatedUtc = DateTime.UtcNow });
            }

            await db.SaveChangesAsync(ct);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var product = Command(connection, tx,
            "INSERT INTO Products (Id, Name, Brand, Category, Condition, ImageUrls, CreatedUtc, UpdatedUtc) VALUES ($id, $name, $brand, $category, 'New', '[]', $time, $time)",
            "$id", "$name", "$brand", "$category", "$time");
        var variant = Command(connection, tx,
            "INSERT INTO Variants (ProductId, Sku, StockOnHand, PriceMinor, Currency, Options) VALUES ($product, $sku, $stock, $price, 'USD', '[]')",
            "$product", "$sku", "$stock", "$price");
        var listing = Command(connection, tx,
            "INSERT INTO ChannelListings (ProductId, ChannelAccountId, State) VALUES ($product, $account, $state)",
            "$product", "$account", "$state");
        var random = new Random(7);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var states = Enum.GetNames<ListingState>();
        for (var i = 1; i <= products; i++)
        {
            Run(product, i, $"Widget {random.Next(products)} {(i % 3 == 0 ? "Mug" : "Kettle")}", $"Brand {i % 50}", $"Category {i % 20}",
                start.AddMinutes(random.Next(600_000)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            for (var v = 0; v < 1 + (i % 3); v++)
            {
                Run(variant, i, $"SKU-{i:D7}-{v}", random.Next(100), 500 + random.Next(20_000));
            }

            for (var a = 1; a <= 4; a++)
            {
                if (random.Next(3) == 0)
                {
                    Run(listing, i, a, states[random.Next(states.Length)]);
                }
            }
        }

        await tx.CommitAsync(ct);
        await using var analyze = new SqliteCommand("ANALYZE;", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        return [1, 2, 3, 4];
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

    private sealed class BenchContexts(string connectionString) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() =>
            new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);
    }
}
