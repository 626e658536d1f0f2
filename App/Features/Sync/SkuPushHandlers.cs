using System.Text.Json;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Sync;

/// <summary>What a stock push carries: the quantity the channel should show for one SKU.</summary>
public sealed record StockPushPayload(string Sku, int Quantity, string? ExternalId = null, string? ExternalSkuId = null);

/// <summary>What a price push carries: the price the channel should show for one SKU.</summary>
public sealed record PricePushPayload(string Sku, decimal Amount, string Currency, string? ExternalId = null, string? ExternalSkuId = null);

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
                    : new SyncJobOutcome(j.Job.Id, false, $"{r.ErrorCode}: {r.Error}".Trim(' ', ':'), Retryable: false)
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
        var results = await context.Connector.UpdateInventoryAsync(
            context.Account,
            items.Select(i => new SkuQuantity(i.Payload.Sku, Math.Max(0, i.Payload.Quantity), i.Payload.ExternalId, i.Payload.ExternalSkuId)).ToList(),
            ct);
        return SyncPayload.Match(items.Select(i => (i.Job, i.Payload.Sku)).ToList(), results);
    }
}

/// <summary>Pushes prices, batched by the channel's price batch size.</summary>
public sealed class PushPriceHandler : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.PushPrice;

    public int BatchSize(ChannelCapabilities capabilities) => Math.Max(1, capabilities.PriceBatchSize);

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var items = jobs.Select(j => (Job: j, Payload: SyncPayload.Read<PricePushPayload>(j))).ToList();
        var results = await context.Connector.UpdatePricesAsync(
            context.Account,
            items.Select(i => new SkuPrice(i.Payload.Sku, new ChannelMoney(i.Payload.Amount, i.Payload.Currency), i.Payload.ExternalId, i.Payload.ExternalSkuId)).ToList(),
            ct);
        return SyncPayload.Match(items.Select(i => (i.Job, i.Payload.Sku)).ToList(), results);
    }
}
