using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Integrations.Common.Fakes;

/// <summary>
/// A connector whose connection test answers by shop id: "broken-shop" → the channel fails on its side,
/// "crash-shop" → an unexpected exception, anything else → OK. Everything else is not part of these tests.
/// </summary>
public sealed class FakeChannelConnector : IChannelConnector
{
    public ChannelKind Channel => FakeChannelAuthorization.Kind;

    public ChannelCapabilities Capabilities => ChannelCapabilities.None;

    public Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) => account.ShopId switch
    {
        "broken-shop" => throw new ChannelServerException(Channel, "GeM had a problem on its side (503). Try again later.", "E503", "req-9", 503),
        "crash-shop" => throw new InvalidOperationException("stack trace material"),
        _ => Task.FromResult(new ConnectionTestResult(true, "Connected.", account.ShopId)),
    };

    public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct) => throw new NotSupportedException();

    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();

    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();

    public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) => throw new NotSupportedException();

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) => throw new NotSupportedException();

    public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct) => throw new NotSupportedException();

    public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) => throw new NotSupportedException();

    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) => throw new NotSupportedException();
}
