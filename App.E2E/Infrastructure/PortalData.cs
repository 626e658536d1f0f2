using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;

namespace SellerPortal.E2E.Infrastructure;

/// <summary>Data a journey needs but is not about: seeded straight into the portal's database.</summary>
public static class PortalData
{
    public static async Task<int> AccountIdAsync(this PortalServer portal, ChannelKind channel)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.ChannelAccounts.Where(a => a.Channel == channel && a.Status == ChannelAccountStatus.Connected)
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    public static async Task MapCategoryAsync(this PortalServer portal, ChannelKind channel, string marketplace, string master, string external)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.CategoryMappings.Add(new CategoryMapping { Channel = channel, Marketplace = marketplace, MasterCategory = master, ExternalCategoryId = external });
        await db.SaveChangesAsync();
    }

    public static async Task SeedProductsAsync(this PortalServer portal, string skuPrefix, int count, string category)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var now = DateTime.UtcNow;
        for (var i = 1; i <= count; i++)
        {
            db.Products.Add(new Product
            {
                Name = $"Brake disc {skuPrefix}{i:00}",
                Category = category,
                Brand = "Stopwell",
                CreatedUtc = now,
                UpdatedUtc = now,
                Variants = [new Variant { Sku = $"{skuPrefix}{i:00}", Price = new Money(3000 + i, "USD"), StockOnHand = 5 }],
            });
        }

        await db.SaveChangesAsync();
    }
}
