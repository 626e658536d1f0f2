using System.Collections.Concurrent;
using System.Globalization;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Orders;

/// <summary>
/// A small real channel in memory: it holds orders (listed oldest update first with offset cursors), the quantity it
/// shows per SKU, and the shipments it was told about. <see cref="FailListCall"/> makes a chosen list call fail once.
/// </summary>
internal sealed class InMemoryChannel(ChannelKind channel, int inventoryBatchSize = 50) : IChannelConnector
{
    private readonly ConcurrentDictionary<string, ChannelOrder> orders = new();

    public ConcurrentDictionary<string, int> Shown { get; } = new();

    public ConcurrentQueue<IReadOnlyList<SkuQuantity>> InventoryCalls { get; } = new();

    public ConcurrentQueue<Shipment> Shipments { get; } = new();

    public HashSet<string> RejectedSkus { get; } = [];

    public int ListCalls { get; private set; }

    /// <summary>The 1-based list call that throws (once), or null.</summary>
    public int? FailListCall { get; set; }

    public Exception? FailNextShipment { get; set; }

    /// <summary>A page cursor the channel refuses once (an expired token; a new run gets fresh ones), or null.</summary>
    public string? RejectedCursor { get; set; }

    public int Rejections { get; private set; }

    /// <summary>A page cursor the channel hands back again as the next one when asked for it (a stuck channel), or null.</summary>
    public string? RepeatedCursor { get; set; }

    public ChannelKind Channel => channel;

    /// <summary>Whether the channel promises pages oldest update first (it always sorts so; the promise is what counts).</summary>
    public bool PromisesUpdateOrder { get; set; } = true;

    public ChannelCapabilities Capabilities => new()
    {
        Inventory = true, Orders = true, Shipping = true, InventoryBatchSize = inventoryBatchSize, OrdersOldestUpdateFirst = PromisesUpdateOrder,
    };

    public void Put(ChannelOrder order) => orders[order.ExternalOrderId] = order;

    public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        ListCalls++;
        if (FailListCall == ListCalls)
        {
            FailListCall = null;
            throw new ChannelServerException(channel, "The channel is having a bad minute", "500");
        }

        if (query.Cursor is not null && query.Cursor == RejectedCursor)
        {
            RejectedCursor = null;
            Rejections++;
            throw new ChannelValidationException(channel, "The page token has expired.", []);
        }

        var matching = orders.Values
            .Where(o => o.UpdatedUtc >= query.UpdatedSinceUtc && (query.UpdatedUntilUtc is null || o.UpdatedUtc <= query.UpdatedUntilUtc))
            .OrderBy(o => o.UpdatedUtc).ThenBy(o => o.ExternalOrderId, StringComparer.Ordinal)
            .ToList();
        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var page = matching.Skip(offset).Take(query.PageSize).ToList();
        var next = offset + page.Count < matching.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        if (query.Cursor is not null && query.Cursor == RepeatedCursor)
        {
            next = RepeatedCursor;
        }

        return Task.FromResult(new Page<ChannelOrder>(page, next));
    }

    public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) =>
        Task.FromResult(orders.TryGetValue(externalOrderId, out var o) ? o : null);

    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct)
    {
        if (FailNextShipment is { } ex)
        {
            FailNextShipment = null;
            throw ex;
        }

        Shipments.Enqueue(shipment);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct)
    {
        InventoryCalls.Enqueue(items);
        var results = new List<SkuUpdateResult>();
        foreach (var i in items)
        {
            if (RejectedSkus.Contains(i.Sku))
            {
                results.Add(new SkuUpdateResult(i.Sku, false, "INVALID_SKU", "SKU not on this listing"));
                continue;
            }

            Shown[i.Sku] = i.Quantity;
            results.Add(SkuUpdateResult.Ok(i.Sku));
        }

        return Task.FromResult<IReadOnlyList<SkuUpdateResult>>(results);
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) => throw new NotSupportedException();
    public Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult(new ConnectionTestResult(true, "ok"));
    public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) => throw new NotSupportedException();
}
