using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;

namespace SellerPortal.Features.Catalog;

/// <summary>
/// The master catalog: the grid's query, and reading, saving and deleting one product. A context per operation
/// (Blazor circuits live long); reads are no-tracking projections; filtering, sorting and paging run in SQL.
/// </summary>
public sealed class ProductCatalog(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<ProductCatalog> logger)
{
    public async Task<ProductPage> QueryAsync(ProductQuery query, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 500);
        var rows = await Sort(filtered, query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Brand,
                p.Category,
                p.UpdatedUtc,
                VariantCount = p.Variants.Count,
                FirstSku = p.Variants.OrderBy(v => v.Sku).Select(v => v.Sku).FirstOrDefault(),
                MinPrice = p.Variants.Min(v => (long?)v.Price.AmountMinor),
                MaxPrice = p.Variants.Max(v => (long?)v.Price.AmountMinor),
                Currency = p.Variants.OrderBy(v => v.Sku).Select(v => v.Price.Currency).FirstOrDefault(),
                Stock = p.Variants.Sum(v => (int?)v.StockOnHand) ?? 0,
            })
            .ToListAsync(ct);

        var listings = await ListingsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return new ProductPage(
            rows.Select(r => new ProductRow(r.Id, r.Name, r.Brand, r.Category, r.UpdatedUtc, r.VariantCount, r.FirstSku,
                r.MinPrice, r.MaxPrice, r.Currency, r.Stock, listings[r.Id].ToList())).ToList(),
            total);
    }

    public async Task<IReadOnlyList<ChannelAccountSummary>> ChannelAccountsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChannelAccounts.AsNoTracking().OrderBy(a => a.DisplayName)
            .Select(a => new ChannelAccountSummary(a.Id, a.DisplayName, a.Channel)).ToListAsync(ct);
    }

    /// <summary>The distinct brands and categories, for the grid's filter lists (both columns are indexed).</summary>
    public async Task<(IReadOnlyList<string> Brands, IReadOnlyList<string> Categories)> FacetsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var brands = await db.Products.Where(p => p.Brand != null).Select(p => p.Brand!).Distinct().OrderBy(b => b).Take(500).ToListAsync(ct);
        var categories = await db.Products.Where(p => p.Category != null).Select(p => p.Category!).Distinct().OrderBy(c => c).Take(500).ToListAsync(ct);
        return (brands, categories);
    }

    public async Task<ProductEditModel?> GetAsync(int id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Include(p => p.Variants).SingleOrDefaultAsync(p => p.Id == id, ct);
        return product is null ? null : ProductMapping.ToEditModel(product);
    }

    public async Task<IReadOnlyList<ChannelListingStatus>> ListingsAsync(int productId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ListingsAsync(db, [productId], ct))[productId].ToList();
    }

    /// <summary>
    /// Creates or updates the product with its variants in one transaction: either all of it is written or none.
    /// Refuses with the rule broken (a taken SKU is named) rather than throwing.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ProductEditModel model, CancellationToken ct)
    {
        var problems = ProductValidator.Validate(model);
        if (problems.Count > 0)
        {
            return SaveResult.Refused(problems);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var taken = await TakenSkusAsync(db, model, ct);
        if (taken.Count > 0)
        {
            return SaveResult.Refused(taken);
        }

        Product? product;
        if (model.Id == 0)
        {
            product = new Product { Name = model.Name.Trim(), CreatedUtc = Now() };
            db.Products.Add(product);
        }
        else
        {
            product = await db.Products.Include(p => p.Variants).SingleOrDefaultAsync(p => p.Id == model.Id, ct);
            if (product is null)
            {
                return SaveResult.Refused("Id", "This product no longer exists; it may have been deleted.");
            }

            // Two staff editing one product: the second save would silently undo the first.
            if (model.UpdatedUtc is { } seen && seen != product.UpdatedUtc)
            {
                return SaveResult.Refused("Product", "Someone else saved this product after you opened it. Reload to see their changes, then edit again.");
            }
        }

        if (ProductMapping.Apply(model, product, db))
        {
            product.UpdatedUtc = Now();
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return SaveResult.Saved(product.Id);
        }
        catch (DbUpdateException ex)
        {
            // A concurrent save took a SKU between the check and the write, or the database refused a row: nothing is kept.
            logger.LogWarning(ex, "Saving product {ProductId} failed; the transaction was rolled back", model.Id);
            await tx.RollbackAsync(ct);
            return SaveResult.Refused("Product", "The product could not be saved and nothing was changed. Check that every SKU is unique and try again.");
        }
    }

    /// <summary>
    /// Deletes the product with its variants and listings, unless a channel still shows it (Live, or a publish or
    /// unpublish under way): the portal would lose track of a live listing it can no longer end.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync(int id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.ChannelListings.AnyAsync(l => l.ProductId == id
                && (l.State == ListingState.Live || l.State == ListingState.Publishing || l.State == ListingState.Unpublishing), ct))
        {
            return DeleteOutcome.StillListed;
        }

        // Variants and listings go with the product (cascade); order lines keep their SKU and lose the link.
        var deleted = await db.Products.Where(p => p.Id == id).ExecuteDeleteAsync(ct) > 0;
        await tx.CommitAsync(ct);
        return deleted ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
    }

    internal static async Task<List<ValidationProblem>> TakenSkusAsync(AppDbContext db, ProductEditModel model, CancellationToken ct)
    {
        var skus = model.Variants.Select(v => v.Sku.Trim()).ToList();
        var taken = await db.Variants.AsNoTracking()
            .Where(v => skus.Contains(v.Sku) && v.ProductId != model.Id)
            .Select(v => new { v.Sku, v.ProductId, ProductName = v.Product!.Name })
            .ToListAsync(ct);
        return taken.Select(t => new ValidationProblem(
                // FindIndex ignoring case: SQL Server's default collation matched the SKU case-insensitively.
                $"Variants[{skus.FindIndex(s => string.Equals(s, t.Sku, StringComparison.OrdinalIgnoreCase))}].Sku",
                $"SKU {t.Sku} is already used by product {t.ProductId} ({t.ProductName}); SKUs are unique across the catalog."))
            .ToList();
    }

    private static IQueryable<Product> Filter(AppDbContext db, ProductQuery query)
    {
        var products = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var pattern = "%" + EscapeLike(text) + "%";
            // A SKU prefix as a range [KET, KEU), so the unique SKU index serves it on both providers (LIKE 'KET%' would
            // not on SQLite). The bound is the prefix's successor, not prefix + U+FFFF, which SQL Server collations ignore.
            var skuMatches = db.Variants.Where(v => string.Compare(v.Sku, text) >= 0);
            if (PrefixSuccessor(text) is { } upper)
            {
                skuMatches = skuMatches.Where(v => string.Compare(v.Sku, upper) < 0);
            }

            var skuProducts = skuMatches.Select(v => v.ProductId);
            products = products.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || skuProducts.Contains(p.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Brand))
        {
            products = products.Where(p => p.Brand == query.Brand);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            products = products.Where(p => p.Category == query.Category);
        }

        if (query.Listing is { } listing)
        {
            var listings = db.ChannelListings.AsQueryable();
            if (listing.ChannelAccountId is { } accountId)
            {
                listings = listings.Where(l => l.ChannelAccountId == accountId);
            }

            if (listing.State is { } state)
            {
                var listed = listings.Where(l => l.State == state).Select(l => l.ProductId);
                products = products.Where(p => listed.Contains(p.Id));
            }
            else
            {
                products = products.Where(p => !listings.Any(l => l.ProductId == p.Id));
            }
        }

        return products;
    }

    private static IQueryable<Product> Sort(IQueryable<Product> products, ProductSort sort, bool descending) => (sort, descending) switch
    {
        (ProductSort.Name, false) => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
        (ProductSort.Name, true) => products.OrderByDescending(p => p.Name).ThenByDescending(p => p.Id),
        (ProductSort.Brand, false) => products.OrderBy(p => p.Brand).ThenBy(p => p.Id),
        (ProductSort.Brand, true) => products.OrderByDescending(p => p.Brand).ThenByDescending(p => p.Id),
        (ProductSort.Category, false) => products.OrderBy(p => p.Category).ThenBy(p => p.Id),
        (ProductSort.Category, true) => products.OrderByDescending(p => p.Category).ThenByDescending(p => p.Id),
        (ProductSort.Sku, false) => products.OrderBy(p => p.Variants.Min(v => v.Sku)).ThenBy(p => p.Id),
        (ProductSort.Sku, true) => products.OrderByDescending(p => p.Variants.Min(v => v.Sku)).ThenByDescending(p => p.Id),
        (_, false) => products.OrderBy(p => p.UpdatedUtc).ThenBy(p => p.Id),
        (_, true) => products.OrderByDescending(p => p.UpdatedUtc).ThenByDescending(p => p.Id),
    };

    private static async Task<ILookup<int, ChannelListingStatus>> ListingsAsync(AppDbContext db, List<int> productIds, CancellationToken ct)
    {
        var listings = await db.ChannelListings.AsNoTracking()
            .Where(l => productIds.Contains(l.ProductId))
            .OrderBy(l => l.ChannelAccount!.DisplayName)
            .Select(l => new
            {
                l.ProductId,
                Status = new ChannelListingStatus(l.ChannelAccountId, l.ChannelAccount!.DisplayName, l.ChannelAccount.Channel,
                    l.State, l.LastSyncedUtc, l.LastError),
            })
            .ToListAsync(ct);
        return listings.ToLookup(l => l.ProductId, l => l.Status);
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/> (ordinal), or null if none.</summary>
    internal static string? PrefixSuccessor(string prefix)
    {
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] < char.MaxValue)
            {
                chars[i]++;
                return new string(chars, 0, i + 1);
            }
        }

        return null;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
