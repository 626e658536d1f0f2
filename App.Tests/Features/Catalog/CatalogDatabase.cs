using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Catalog;

/// <summary>A migrated temp-file SQLite database per test class, with the catalog's services over it.</summary>
public sealed class CatalogDatabase : IDbContextFactory<AppDbContext>, IAsyncLifetime
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "sellerportal-tests", $"catalog-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public ProductCatalog Catalog => new(this, Clock, NullLogger<ProductCatalog>.Instance);

    public ProductCsv Csv => new(this, Clock, NullLogger<ProductCsv>.Instance);

    public AppDbContext CreateDbContext() =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
        return Task.CompletedTask;
    }

    public async Task<Product> AddProductAsync(string name, string? brand = null, string? category = null, params (string Sku, long PriceMinor, int Stock)[] variants)
    {
        await using var db = CreateDbContext();
        var product = new Product
        {
            Name = name,
            Brand = brand,
            Category = category,
            CreatedUtc = Clock.GetUtcNow().UtcDateTime,
            UpdatedUtc = Clock.GetUtcNow().UtcDateTime,
            Variants = variants.Select(v => new Variant { Sku = v.Sku, Price = new Money(v.PriceMinor, "USD"), StockOnHand = v.Stock }).ToList(),
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        return product;
    }

    public async Task<ChannelAccount> AddAccountAsync(string name, ChannelKind channel)
    {
        await using var db = CreateDbContext();
        var account = new ChannelAccount { DisplayName = name, Channel = channel, CreatedUtc = Clock.GetUtcNow().UtcDateTime };
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    public async Task ListAsync(int productId, int accountId, ListingState state, string? error = null)
    {
        await using var db = CreateDbContext();
        db.ChannelListings.Add(new ChannelListing
        {
            ProductId = productId,
            ChannelAccountId = accountId,
            State = state,
            LastError = error,
            LastSyncedUtc = Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
