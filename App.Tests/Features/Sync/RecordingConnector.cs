using System.Collections.Concurrent;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Sync;

/// <summary>
/// A channel that records every inventory and price call it receives and answers per SKU; SKUs listed in
/// <see cref="RejectedSkus"/> are refused the way a channel refuses bad content. Used to test the queue's batching.
/// </summary>
internal sealed class RecordingConnector(ChannelKind channel, int batchSize) : IChannelConnector
{
    public ConcurrentQueue<IReadOnlyList<SkuQuantity>> InventoryCalls { get; } = new();

    public ConcurrentQueue<IReadOnlyList<SkuPrice>> PriceCalls { get; } = new();

    public HashSet<string> RejectedSkus { get; } = [];

    /// <summary>SKUs refused for now, as a compare-and-set that lost to a sale is: the channel says to try again.</summary>
    public HashSet<string> ContendedSkus { get; } = [];

    public Exception? ThrowOnNextCall { get; set; }

    /// <summary>Awaited at the start of every price call (to hold a call open while another account's runs).</summary>
    public Func<Task>? BeforePriceCall { get; set; }

    public ChannelKind Channel => channel;

    public ChannelCapabilities Capabilities => new() { Inventory = true, Prices = true, InventoryBatchSize = batchSize, PriceBatchSize = batchSize };

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct)
    {
        if (items.Count > batchSize)
        {
            throw new ChannelValidationException(channel, $"At most {batchSize} per call", [], "TooMany");
        }

        ThrowIfAsked();
        InventoryCalls.Enqueue(items);
        return Task.FromResult(Answer(items.Select(i => i.Sku)));
    }

    public async Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct)
    {
        if (BeforePriceCall is { } before)
        {
            await before();
        }

        ThrowIfAsked();
        PriceCalls.Enqueue(items);
        return Answer(items.Select(i => i.Sku));
    }

    private void ThrowIfAsked()
    {
        if (ThrowOnNextCall is { } ex)
        {
            ThrowOnNextCall = null;
            throw ex;
        }
    }

    private IReadOnlyList<SkuUpdateResult> Answer(IEnumerable<string> skus) =>
        skus.Select(s => RejectedSkus.Contains(s) ? new SkuUpdateResult(s, false, "25002", "Invalid SKU")
            : ContendedSkus.Contains(s) ? new SkuUpdateResult(s, false, "STALE", "The quantity changed meanwhile", Retryable: true)
            : SkuUpdateResult.Ok(s)).ToList();

    public Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult(new ConnectionTestResult(true, "ok"));
    public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) => throw new NotSupportedException();
    public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct) => throw new NotSupportedException();
    public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) => throw new NotSupportedException();
    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) => throw new NotSupportedException();
}
