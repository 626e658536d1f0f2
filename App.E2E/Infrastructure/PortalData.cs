using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.TestSupport;

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
                // TikTok Shop lists nothing without a picture and a package weight.
                ImageUrls = [SandboxMerchantImages.Url(portal.BaseAddress.ToString(), $"{skuPrefix}{i:00}")],
                WeightGrams = 2400,
                CreatedUtc = now,
                UpdatedUtc = now,
                Variants = [new Variant { Sku = $"{skuPrefix}{i:00}", Price = new Money(3000 + i, "USD"), StockOnHand = 5 }],
            });
        }

        await db.SaveChangesAsync();
    }
}

/// <summary>Publishing set-up for journeys that are about what happens after a product is live.</summary>
public static class PortalListings
{
    /// <summary>Publishes one product to the given accounts through the real queue and waits until every listing is Live.</summary>
    public static async Task PublishAndWaitAsync(this PortalServer portal, int productId, IReadOnlyDictionary<int, Dictionary<string, string>> accountFields)
    {
        var settings = portal.Services.GetRequiredService<SellerPortal.Features.Listings.ProductChannels.ProductChannelsService>();
        var publisher = portal.Services.GetRequiredService<SellerPortal.Features.Listings.Publishing.ListingPublisher>();
        foreach (var (accountId, fields) in accountFields)
        {
            await settings.SaveSettingsAsync(productId, accountId, SellerPortal.Features.Catalog.PriceRule.Base, fields, new SellerPortal.Features.Admin.Audit.Actor(null, "e2e"), CancellationToken.None);
            var queued = await publisher.QueueAsync(productId, accountId, SellerPortal.Features.Listings.Publishing.ListingAction.Publish, null, CancellationToken.None);
            if (!queued.Queued)
            {
                throw new InvalidOperationException(string.Join(" ", queued.Problems));
            }
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var states = await db.ChannelListings.Where(l => l.ProductId == productId).Select(l => new { l.State, l.LastError }).ToListAsync();
            return states.FirstOrDefault(s => s.State == ListingState.Error) is { } failed
                ? throw new InvalidOperationException($"Publishing failed: {failed.LastError}")
                : states.Count == accountFields.Count && states.All(s => s.State == ListingState.Live);
        }, TimeSpan.FromSeconds(30), "the listings to go Live", TimeSpan.FromMilliseconds(250));
    }

    public static async Task<int> ProductIdAsync(this PortalServer portal, string sku)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.Variants.Where(v => v.Sku == sku).Select(v => v.ProductId).SingleAsync();
    }

    public static async Task<string> ShopIdAsync(this PortalServer portal, int accountId)
    {
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return await db.ChannelAccounts.Where(a => a.Id == accountId).Select(a => a.ShopId!).SingleAsync();
    }
}
