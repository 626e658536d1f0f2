using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// The common control contract over the eBay emulator's store, for the emulator's default seller: buyer orders take
/// units off the published offer, a cancellation gives them back, and the listed quantity is the published offer's
/// availableQuantity (with the inventory item's ship-to-location quantity beside it).
/// </summary>
internal sealed class EbaySandboxControls(SandboxStore store, TimeProvider time, IOptions<EbaySandboxOptions> options) : ISandboxControl
{
    public string Path => "ebay";

    public async Task<IReadOnlyList<string>> PlaceOrdersAsync(SandboxOrderRequest request, CancellationToken ct)
    {
        var (ids, _) = await EbaySandboxControl.PlaceAsync(new EbaySandboxControl.GenerateOrders(request.Count, request.Skus), store, time, options.Value);
        return ids;
    }

    public async Task<bool> SetOrderStateAsync(string orderId, SandboxOrderState state, CancellationToken ct)
    {
        var change = state == SandboxOrderState.Cancelled
            ? new EbaySandboxControl.OrderStatusChange(Cancelled: true)
            : new EbaySandboxControl.OrderStatusChange("FULFILLED");
        var (status, _) = await EbaySandboxControl.ChangeAsync(orderId, change, store, time);
        // An order already in that state stays there: known, so not a 404.
        return status != 404;
    }

    public Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct) =>
        store.SerializedAsync(Channel, () => EbaySandboxStock.ListedAsync(store, options.Value.Username, sku, ct));

    public Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct) =>
        store.SerializedAsync(Channel, () => EbaySandboxStock.SetListedAsync(store, options.Value.Username, sku, quantity, ct));
}
