using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// The quantity a listing is published with (available less its buffer, capped: the same figure stock pushes send),
/// and the record of what was sent with it, so "why this number" covers a publish too.
/// </summary>
public static class ListingStock
{
    public static async Task<Func<Variant, int>> QuantitiesAsync(IDbContextFactory<AppDbContext> contexts, ChannelListing listing, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var reserved = await db.Variants.AsNoTracking()
            .Where(v => v.ProductId == listing.ProductId)
            .Select(v => new { v.Id, Reserved = EF.Property<int>(v, VariantStock.Reserved) })
            .ToDictionaryAsync(x => x.Id, x => x.Reserved, ct);
        var (buffer, cap) = (listing.QuantityBuffer, listing.QuantityCap);
        return v => ChannelQuantity.For(v.StockOnHand - reserved.GetValueOrDefault(v.Id), buffer, cap);
    }

    /// <summary>Records, per variant, the quantity sent with a publish and the channel's SKU ids.</summary>
    public static async Task RecordPublishedAsync(
        IDbContextFactory<AppDbContext> contexts, ChannelListing listing, IReadOnlyList<Variant> variants, Func<Variant, int> quantity,
        IReadOnlyDictionary<string, string> externalSkuIds, DateTime nowUtc, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var ids = variants.Select(v => v.Id).ToList();
        var rows = await db.ChannelListingSkus.Where(s => s.ChannelListingId == listing.Id && ids.Contains(s.VariantId)).ToDictionaryAsync(s => s.VariantId, ct);
        foreach (var v in variants)
        {
            if (!rows.TryGetValue(v.Id, out var row))
            {
                db.ChannelListingSkus.Add(row = new ChannelListingSku { ChannelListingId = listing.Id, VariantId = v.Id, Sku = v.Sku });
            }

            row.ExternalSkuId = externalSkuIds.TryGetValue(v.Sku, out var external) ? external : row.ExternalSkuId;
            row.LastPushedQuantity = quantity(v);
            row.LastPushedUtc = nowUtc;
            row.LastPushSucceeded = true;
            row.LastPushAnswer = "Sent with the listing";
            row.Drift = false;
        }

        await db.SaveChangesAsync(ct);
    }
}
