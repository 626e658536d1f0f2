using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// The PushStock handler the dispatcher runs: the sync engine's <see cref="PushStockHandler"/> does the batched call,
/// and this records, per channel listing SKU, the quantity pushed, when, and what the channel answered.
/// </summary>
public sealed class RecordingPushStockHandler(PushStockHandler inner, IDbContextFactory<AppDbContext> contexts, TimeProvider clock) : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.PushStock;

    public int BatchSize(ChannelCapabilities capabilities) => inner.BatchSize(capabilities);

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        // The figure is worked out now, not when the job was queued: a coalesced or retried job, or one queued by a
        // manual or bulk push from on hand alone, still sends available less buffer, capped, as of this moment.
        var fresh = await CurrentAsync(context.Account.AccountId, jobs, ct);
        var payloads = fresh.ToDictionary(j => j.Id, SyncPayload.Read<StockPushPayload>);
        IReadOnlyList<SyncJobOutcome> outcomes;
        try
        {
            outcomes = await inner.HandleAsync(context, fresh, ct);
        }
        catch (ChannelException ex)
        {
            await RecordAsync(context.Account.AccountId, payloads.Values.Select(p => (p, false, SyncDispatcher.Describe(ex))), ct);
            throw;
        }

        await RecordAsync(context.Account.AccountId,
            outcomes.Where(o => payloads.ContainsKey(o.JobId)).Select(o => (payloads[o.JobId], o.Succeeded, o.Succeeded ? "Accepted" : o.Error ?? "Refused")), ct);
        return outcomes;
    }

    /// <summary>The jobs with their quantity recomputed from the ledger where the SKU is listed on this account.</summary>
    private async Task<IReadOnlyList<SyncJob>> CurrentAsync(int accountId, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var queued = jobs.Select(j => (Job: j, Payload: SyncPayload.Read<StockPushPayload>(j))).ToList();
        var skus = queued.Select(q => q.Payload.Sku).Distinct().ToList();
        await using var db = contexts.CreateDbContext();
        var figures = await db.ListedOn(accountId, skus)
            .Select(x => new
            {
                x.Variant.Sku,
                Available = x.Variant.StockOnHand - EF.Property<int>(x.Variant, VariantStock.Reserved),
                x.Listing.QuantityBuffer,
                x.Listing.QuantityCap,
                x.Listing.ExternalId,
                ExternalSkuId = x.Sku == null ? null : x.Sku.ExternalSkuId,
            })
            .ToListAsync(ct);
        var bySku = figures.GroupBy(f => f.Sku).ToDictionary(g => g.Key, g => g.First());
        return queued.Select(q =>
        {
            if (!bySku.TryGetValue(q.Payload.Sku, out var f))
            {
                return q.Job;
            }

            var payload = q.Payload with
            {
                Quantity = ChannelQuantity.For(f.Available, f.QuantityBuffer, f.QuantityCap),
                ExternalId = q.Payload.ExternalId ?? f.ExternalId,
                ExternalSkuId = q.Payload.ExternalSkuId ?? f.ExternalSkuId,
            };
            return new SyncJob
            {
                Id = q.Job.Id,
                ChannelAccountId = q.Job.ChannelAccountId,
                Kind = q.Job.Kind,
                Target = q.Job.Target,
                Payload = SyncPayload.Write(payload),
                DedupeKey = q.Job.DedupeKey,
                Priority = q.Job.Priority,
                Attempts = q.Job.Attempts,
                BulkOperationId = q.Job.BulkOperationId,
            };
        }).ToList();
    }

    private async Task RecordAsync(int accountId, IEnumerable<(StockPushPayload Payload, bool Succeeded, string Answer)> results, CancellationToken ct)
    {
        var bySku = results.GroupBy(r => r.Payload.Sku).ToDictionary(g => g.Key, g => g.Last());
        if (bySku.Count == 0)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        var skus = bySku.Keys.ToList();
        var rows = await db.ChannelListingSkus
            .Where(s => skus.Contains(s.Sku) && s.Listing!.ChannelAccountId == accountId)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            var r = bySku[row.Sku];
            row.LastPushedQuantity = r.Payload.Quantity is { } quantity ? Math.Max(0, quantity) : row.LastPushedQuantity;
            row.LastPushedUtc = now;
            row.LastPushSucceeded = r.Succeeded;
            row.LastPushAnswer = r.Answer.Length > 1000 ? r.Answer[..1000] : r.Answer;
            if (r.Succeeded)
            {
                row.Drift = false;
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
