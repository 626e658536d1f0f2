using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// Queues the quantity each channel should show for changed variants: one coalesced PushStock job per account and SKU
/// (<see cref="SyncJobRequest.StockKey"/>), so a burst of orders ends in one push of the latest figure.
/// </summary>
public sealed class StockPushes(IDbContextFactory<AppDbContext> contexts, SyncQueue queue)
{
    public async Task<int> EnqueueAsync(IReadOnlyCollection<int> variantIds, CancellationToken ct)
    {
        if (variantIds.Count == 0)
        {
            return 0;
        }

        var targets = await TargetsAsync(variantIds, ct);
        foreach (var t in targets)
        {
            var payload = new StockPushPayload(t.Sku, ChannelQuantity.For(t.OnHand - t.Reserved, t.Buffer, t.Cap), t.ExternalId, t.ExternalSkuId);
            await queue.EnqueueAsync(new SyncJobRequest(t.AccountId, SyncJobKind.PushStock, t.Sku, SyncPayload.Write(payload),
                SyncJobRequest.StockKey(t.AccountId, t.Sku)), ct);
        }

        return targets.Count;
    }

    private sealed record PushTarget(int AccountId, string Sku, int OnHand, int Reserved, int Buffer, int? Cap, string? ExternalId, string? ExternalSkuId);

    private async Task<List<PushTarget>> TargetsAsync(IReadOnlyCollection<int> variantIds, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var pairs = await (
                from v in db.Variants
                where variantIds.Contains(v.Id)
                join l in db.ChannelListings on v.ProductId equals l.ProductId
                where l.State == ListingState.Live
                select new { VariantId = v.Id, v.Sku, ListingId = l.Id })
            .ToListAsync(ct);

        // Every listed variant gets its per-channel row, where the push and the channel's answer are recorded.
        var existing = await db.ChannelListingSkus
            .Where(s => variantIds.Contains(s.VariantId))
            .Select(s => new { s.ChannelListingId, s.VariantId })
            .ToListAsync(ct);
        var missing = pairs.Where(p => !existing.Any(e => e.ChannelListingId == p.ListingId && e.VariantId == p.VariantId)).ToList();
        if (missing.Count > 0)
        {
            db.ChannelListingSkus.AddRange(missing.Select(p => new ChannelListingSku { ChannelListingId = p.ListingId, VariantId = p.VariantId, Sku = p.Sku }));
            await db.SaveChangesAsync(ct);
        }

        return await (
                from s in db.ChannelListingSkus
                where variantIds.Contains(s.VariantId)
                join l in db.ChannelListings on s.ChannelListingId equals l.Id
                join v in db.Variants on s.VariantId equals v.Id
                where l.State == ListingState.Live
                select new PushTarget(l.ChannelAccountId, v.Sku, v.StockOnHand, EF.Property<int>(v, VariantStock.Reserved),
                    l.QuantityBuffer, l.QuantityCap, l.ExternalId, s.ExternalSkuId))
            .ToListAsync(ct);
    }
}
