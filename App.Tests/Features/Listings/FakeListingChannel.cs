using System.Collections.Concurrent;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Listings;

/// <summary>
/// An in-memory marketplace for listing tests: it keeps listings by product key, refuses a create without a category
/// when it requires one (as eBay does), and counts every call so tests can prove nothing was sent twice.
/// </summary>
internal sealed class FakeListingChannel(ChannelKind channel, bool requiresCategory = false, int batchSize = 25) : IChannelConnector
{
    private int nextId = 1000;

    public ConcurrentDictionary<string, ListingDraft> Listings { get; } = new();

    public ConcurrentDictionary<string, int> Quantities { get; } = new();

    public ConcurrentDictionary<string, decimal> Prices { get; } = new();

    /// <summary>The channel SKU id each price or stock push carried, by SKU ("" when none).</summary>
    /// <summary>The channel SKU id each price push carried, by seller SKU ("" for none).</summary>
    public ConcurrentDictionary<string, string> PriceSkuIds { get; } = new();
    /// <summary>The channel SKU id each stock push carried, by seller SKU ("" for none).</summary>
    public ConcurrentDictionary<string, string> StockSkuIds { get; } = new();

    public int CreateCalls;
    public int PriceCalls;

    public ChannelKind Channel => channel;

    public ChannelCapabilities Capabilities => new()
    {
        Listings = true,
        Inventory = true,
        Prices = true,
        RequiresCategory = requiresCategory,
        InventoryBatchSize = batchSize,
        PriceBatchSize = batchSize,
    };

    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        Interlocked.Increment(ref CreateCalls);
        if (requiresCategory && draft.CategoryId is null)
        {
            throw new ChannelValidationException(channel, "Category is required", [new ChannelFieldError("categoryId", "required")], "25005");
        }

        var id = $"{channel}-{Interlocked.Increment(ref nextId)}";
        Listings[id] = draft;
        foreach (var v in draft.Variants)
        {
            Quantities[v.Sku] = v.Quantity;
            Prices[v.Sku] = v.Price.Amount;
        }

        return Task.FromResult(new ListingResult(id, $"https://{channel}.example/item/{id}", draft.Variants.ToDictionary(v => v.Sku, v => $"sku-{v.Sku}")));
    }

    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        Listings[draft.ExternalId!] = draft;
        return Task.FromResult(new ListingResult(draft.ExternalId!, null, new Dictionary<string, string>()));
    }

    public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct)
    {
        Listings.TryRemove(listing.ExternalId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct)
    {
        foreach (var i in items)
        {
            Quantities[i.Sku] = i.Quantity;
            StockSkuIds[i.Sku] = i.ExternalSkuId ?? "";
        }

        return Task.FromResult<IReadOnlyList<SkuUpdateResult>>(items.Select(i => SkuUpdateResult.Ok(i.Sku)).ToList());
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct)
    {
        Interlocked.Increment(ref PriceCalls);
        foreach (var i in items)
        {
            Prices[i.Sku] = i.Price.Amount;
            PriceSkuIds[i.Sku] = i.ExternalSkuId ?? "";
        }

        return Task.FromResult<IReadOnlyList<SkuUpdateResult>>(items.Select(i => SkuUpdateResult.Ok(i.Sku)).ToList());
    }

    public Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult(new ConnectionTestResult(true, "ok"));
    public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct) => throw new NotSupportedException();
    public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct) => throw new NotSupportedException();
    public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) => throw new NotSupportedException();
    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) => throw new NotSupportedException();
}
