using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

/// <summary>
/// What a stock push carries: the SKU, and the quantity the channel should show where the queuer worked it out. The
/// Inventory feature's handler works the figure (and the channel's ids) out again when the job runs, so a manual or
/// bulk push queues none; a job without a figure that cannot be worked out is refused, never pushed as zero.
/// </summary>
public sealed record StockPushPayload(string Sku, int? Quantity = null, string? ExternalId = null, string? ExternalSkuId = null);

/// <summary>
/// What a price push carries: the price the channel should show for one SKU. The channel's listing and SKU ids are
/// looked up when the job runs (<see cref="PushPriceHandler"/>), not carried: a job queued before the publish answered
/// still goes out with them. Jobs queued by older code also carry externalId and externalSkuId; reading ignores them.
/// </summary>
public sealed record PricePushPayload(string Sku, decimal Amount, string Currency);

internal static class SyncPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Json);

    public static T Read<T>(SyncJob job) =>
        JsonSerializer.Deserialize<T>(job.Payload ?? throw new InvalidOperationException($"Sync job {job.Id} has no payload."), Json)
        ?? throw new InvalidOperationException($"Sync job {job.Id} has an empty payload.");

    /// <summary>Matches the channel's per-SKU answers back to the jobs that asked.</summary>
    public static IReadOnlyList<SyncJobOutcome> Match(IReadOnlyList<(SyncJob Job, string Sku)> jobs, IReadOnlyList<SkuUpdateResult> results)
    {
        var bySku = results.GroupBy(r => r.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return jobs.Select(j => bySku.TryGetValue(j.Sku, out var r)
                ? r.Succeeded
                    ? SyncJobOutcome.Ok(j.Job.Id)
                    : new SyncJobOutcome(j.Job.Id, false, $"{r.ErrorCode}: {r.Error}".Trim(' ', ':'), Retryable: r.Retryable)
                : new SyncJobOutcome(j.Job.Id, false, "The channel did not answer for this SKU.", Retryable: true))
            .ToList();
    }
}

/// <summary>Pushes quantities, batched by the channel's inventory batch size.</summary>
public sealed class PushStockHandler : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.PushStock;

    public int BatchSize(ChannelCapabilities capabilities) => Math.Max(1, capabilities.InventoryBatchSize);

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var items = jobs.Select(j => (Job: j, Payload: SyncPayload.Read<StockPushPayload>(j))).ToList();
        var unknown = items.Where(i => i.Payload.Quantity is null)
            .Select(i => new SyncJobOutcome(i.Job.Id, false, "No quantity to push: the SKU is not listed on this account.", Retryable: false))
            .ToList();
        var known = items.Where(i => i.Payload.Quantity is not null).ToList();
        if (known.Count == 0)
        {
            return unknown;
        }

        var results = await context.Connector.UpdateInventoryAsync(
            context.Account,
            known.Select(i => new SkuQuantity(i.Payload.Sku, Math.Max(0, i.Payload.Quantity!.Value), i.Payload.ExternalId, i.Payload.ExternalSkuId)).ToList(),
            ct);
        return [.. SyncPayload.Match(known.Select(i => (i.Job, i.Payload.Sku)).ToList(), results), .. unknown];
    }
}

/// <summary>
/// Pushes prices, batched by the channel's price batch size, with the channel's listing and SKU ids (TikTok's
/// product and sku_id, eBay's offerId) as recorded at publish and read when the job runs: TikTok's price call takes
/// only sku_ids, and eBay otherwise looks each SKU's offer up with one extra call. A SKU not listed on the account goes
/// out with its seller SKU alone, and the channel answers for it.
/// </summary>
public sealed class PushPriceHandler(IDbContextFactory<AppDbContext> contexts) : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.PushPrice;

    public int BatchSize(ChannelCapabilities capabilities) => Math.Max(1, capabilities.PriceBatchSize);

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var items = jobs.Select(j => (Job: j, Payload: SyncPayload.Read<PricePushPayload>(j))).ToList();
        var ids = await ChannelIdsAsync(context.Account.AccountId, items.Select(i => i.Payload.Sku).Distinct().ToList(), ct);
        var results = await context.Connector.UpdatePricesAsync(
            context.Account,
            items.Select(i =>
            {
                var found = ids.GetValueOrDefault(i.Payload.Sku);
                return new SkuPrice(i.Payload.Sku, new ChannelMoney(i.Payload.Amount, i.Payload.Currency), found?.ExternalId, found?.ExternalSkuId);
            }).ToList(),
            ct);
        return SyncPayload.Match(items.Select(i => (i.Job, i.Payload.Sku)).ToList(), results);
    }

    private sealed record ChannelIds(string? ExternalId, string? ExternalSkuId);

    /// <summary>The listing id and SKU id the channel answered at publish, per SKU listed on the account.</summary>
    private async Task<Dictionary<string, ChannelIds>> ChannelIdsAsync(int accountId, List<string> skus, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.ListedOn(accountId, skus)
            .Select(x => new { x.Variant.Sku, x.Listing.ExternalId, ExternalSkuId = x.Sku == null ? null : x.Sku.ExternalSkuId })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new ChannelIds(g.First().ExternalId, g.First().ExternalSkuId), StringComparer.Ordinal);
    }
}
