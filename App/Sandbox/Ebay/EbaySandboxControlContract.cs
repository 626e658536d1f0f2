using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// The common control contract over the eBay emulator's store. A seller is the username the consent page signs in as
/// (the emulator's default seller when none is named): buyer orders take units off the seller's published offer, a
/// cancellation gives them back, and the listed quantity is the published offer's availableQuantity (with the
/// inventory item's ship-to-location quantity beside it). eBay's order notifications are not modelled: the portal
/// polls getOrders, so no webhooks come back.
/// </summary>
internal sealed class EbaySandboxControls(SandboxStore store, TimeProvider time, IOptions<EbaySandboxOptions> options) : ISandboxControl
{
    public string Path => "ebay";

    public SandboxControlAbout About { get; } = new(Channel, SellerField: "username", OrderWebhooks: false, RateLimitBurstsAreRetries: true);

    /// <summary>
    /// A category without required aspects, and the business policies and location every emulated seller has (as if
    /// set up once in Seller Hub); an offer takes them from the account when a listing names none.
    /// </summary>
    public SandboxPublishSetup PublishSetup { get; } = new("29792", new Dictionary<string, string>
    {
        ["fulfillment_policy_id"] = EbaySandboxAccount.FulfillmentPolicyId,
        ["payment_policy_id"] = EbaySandboxAccount.PaymentPolicyId,
        ["return_policy_id"] = EbaySandboxAccount.ReturnPolicyId,
        ["merchant_location_key"] = EbaySandboxAccount.SeededLocation,
    });

    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var (ids, refused) = await EbaySandboxControl.PlaceAsync(
            new EbaySandboxControl.GenerateOrders(request.Count, request.Skus, request.Seller, Cancelled: request.Cancelled), store, time, options.Value);
        return new SandboxPlacedOrders(ids, refused, []);
    }

    public async Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var change = request.State == SandboxOrderState.Cancelled
            ? new EbaySandboxControl.OrderStatusChange(Cancelled: true)
            : new EbaySandboxControl.OrderStatusChange("FULFILLED");
        var (status, _) = await EbaySandboxControl.ChangeAsync(orderId, change, store, time);
        // An order that cannot move (already fulfilled or cancelled) stays as it is: known, so not a 404.
        return status == 404 || await store.GetAsync<EbaySandboxOrder>(Channel, Orders, orderId, ct) is not { } order
            ? null
            : new SandboxOrderMoved(EbaySandboxFormats.RawStatus(order.Order)!, []);
    }

    public async Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct) =>
        [.. (await store.ListAsync<EbaySandboxOrder>(Channel, Orders, ct: ct)).Where(o => seller is null || o.Document.Username == seller)
            .Select(o => new SandboxOrderStatus(o.Id, EbaySandboxFormats.RawStatus(o.Document.Order)!))];

    /// <summary>The seller's published offers: what buyers can buy, with the quantity they see.</summary>
    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct) =>
        [.. (await store.ListAsync<EbaySandboxOffer>(Channel, Offers, ct: ct))
            .Where(o => o.Document.Offer.Status == "PUBLISHED" && (seller is null || o.Document.Username == seller))
            .Select(o => new SandboxListedSku(o.Document.Offer.Sku, o.Document.Offer.AvailableQuantity ?? 0, OnSale: true))];

    public Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct) =>
        store.SerializedAsync(Channel, () => EbaySandboxStock.ListedAsync(store, options.Value.Username, sku, ct));

    public Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct) =>
        store.SerializedAsync(Channel, () => EbaySandboxStock.SetListedAsync(store, options.Value.Username, sku, quantity, ct));
}
