using System.Globalization;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Inventory;

/// <summary>
/// A small real channel that holds listings and lists them a few per page with offset cursors, as eBay does.
/// <see cref="Failure"/> makes every list call throw it.
/// </summary>
internal sealed class ListingsChannel(ChannelKind channel, int pageSize = 2) : IChannelConnector
{
    public List<ChannelListingSnapshot> Listings { get; } = [];

    public List<string?> CursorsAsked { get; } = [];

    public Exception? Failure { get; set; }

    public ChannelKind Channel => channel;

    public ChannelCapabilities Capabilities => new() { Listings = true, Inventory = true, Prices = true };

    /// <summary>One listing with one SKU, as the channel shows it.</summary>
    public void Show(string externalId, string sku, int? quantity, decimal? price = 15.00m, string status = "PUBLISHED") =>
        Listings.Add(new ChannelListingSnapshot(externalId, sku, status,
            [new ChannelSkuSnapshot(sku, $"S-{sku}", price is { } p ? new ChannelMoney(p, "USD") : null, quantity)]));

    public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        CursorsAsked.Add(cursor);
        if (Failure is { } failure)
        {
            throw failure;
        }

        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var page = Listings.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < Listings.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new Page<ChannelListingSnapshot>(page, next));
    }

    public Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult(new ConnectionTestResult(true, "ok"));
    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();
    public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) => throw new NotSupportedException();
    public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct) => throw new NotSupportedException();
    public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) => throw new NotSupportedException();
    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) => throw new NotSupportedException();
}
