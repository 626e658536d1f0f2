using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// The common control contract over the SP-API emulator's store, for its one seller (the consent page names no other):
/// merchant-fulfilled buyer orders take units off the listing's fulfillment_availability quantity, a cancellation gives
/// them back. The status word is the one searchOrders shows (v0's in upper snake case), which the portal reads. Amazon
/// has no order webhooks (its notifications go through SQS, not modelled), so none come back.
/// </summary>
internal sealed class AmazonSandboxControls(SandboxStore store, TimeProvider time, IOptions<AmazonSandboxOptions> options) : ISandboxControl
{
    public string Path => "amazon";

    /// <summary>A 429 publishes the operation's rate in x-amzn-RateLimit-Limit and the client waits it out.</summary>
    public SandboxControlAbout About { get; } = new(Channel, SellerField: null, OrderWebhooks: false, RateLimitBurstsAreRetries: false);

    /// <summary>A listing names its product type itself; the seller sets nothing first.</summary>
    public SandboxPublishSetup PublishSetup => SandboxPublishSetups.None;

    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var (ids, refused) = await AmazonSandboxControl.PlaceAsync(
            new AmazonSandboxControl.GenerateOrders(request.Count, request.Skus, request.Cancelled ? "Canceled" : "Unshipped"), store, time, options.Value);
        return new SandboxPlacedOrders(ids, refused, []);
    }

    public async Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var change = new AmazonSandboxControl.OrderStatusChange(request.State == SandboxOrderState.Cancelled ? "Canceled" : "Shipped");
        var (status, _) = await AmazonSandboxControl.ChangeAsync(orderId, change, store, time);
        // An order that cannot move (already shipped or cancelled) stays as it is: known, so not a 404.
        return status == 404 || await store.GetAsync<SandboxOrder>(Channel, Orders, orderId, ct) is not { } order
            ? null
            : new SandboxOrderMoved(AmazonSandboxSearchOrders.UpperSnake(order.Order.OrderStatus), []);
    }

    public async Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct) =>
        [.. (await store.ListAsync<SandboxOrder>(Channel, Orders, ct: ct))
            .Select(o => new SandboxOrderStatus(o.Id, AmazonSandboxSearchOrders.UpperSnake(o.Document.Order.OrderStatus)))];

    /// <summary>Every listing is on sale: an unpublished one is deleted (deleteListingsItem).</summary>
    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct) =>
        [.. (await store.ListAsync<SandboxListing>(Channel, Listings, ct: ct))
            .Select(l => new SandboxListedSku(l.Document.Sku, AmazonSandboxListings.Quantity(l.Document.Attributes) ?? 0, OnSale: true))];

    public async Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct) =>
        await store.GetAsync<SandboxListing>(Channel, Listings, AmazonSandboxListings.Key(options.Value.SellerId, sku), ct) is { } listing
            ? AmazonSandboxListings.Quantity(listing.Attributes) ?? 0
            : null;

    public Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct) =>
        store.SerializedAsync(Channel, async () =>
        {
            var stock = await AmazonSandboxStock.LoadAsync(store, options.Value.SellerId, [sku], ct);
            if (!stock.Lists(sku))
            {
                return false;
            }

            stock.Give([(sku, quantity - (await GetListedQuantityAsync(sku, ct) ?? 0))]);
            await AmazonSandboxStock.SaveAsync(store, options.Value.SellerId, stock, ct);
            return true;
        });
}
