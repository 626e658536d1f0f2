using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// The common control contract over the TikTok emulator's store. A SKU belongs to the shop whose live product lists
/// it; buyer orders take units off its warehouses (the first first), a cancellation gives them back, and the listed
/// quantity is the sum over the SKU's warehouses, as buyers see it.
/// </summary>
internal sealed class TikTokShopSandboxControls(TikTokShopSandboxStore store, TikTokShopSandboxOrders orders, TikTokShopSandboxControl control, TimeProvider time)
    : ISandboxControl
{
    public string Path => "tiktok";

    public async Task<IReadOnlyList<string>> PlaceOrdersAsync(SandboxOrderRequest request, CancellationToken ct)
    {
        if (await ShopListingAsync(request.Skus[0], ct) is not { } shop)
        {
            return [];
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return await store.SerializedAsync<IReadOnlyList<string>>(async () =>
        {
            var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, shop.Id, ct);
            var made = new List<TikTokWireOrder>();
            stock.Sell(request.Count, request.Skus, cancelled: false, (n, sku, units) =>
                made.Add(TikTokShopSandboxControl.NewOrder(shop, products, [.. Enumerable.Repeat(sku, units)], "AWAITING_SHIPMENT", now, n)));
            await orders.SaveManyAsync(made.Select(o => new SandboxOrder(shop.Id, o)), ct);
            await TikTokShopSandboxStock.SaveAsync(store, products, stock, ct);
            return [.. made.Select(o => o.Id)];
        }, ct);
    }

    public async Task<bool> SetOrderStateAsync(string orderId, SandboxOrderState state, CancellationToken ct)
    {
        if (await store.GetAsync<SandboxOrder>("orders", orderId, ct) is not { } found)
        {
            return false;
        }

        var status = state == SandboxOrderState.Cancelled ? "CANCELLED" : "IN_TRANSIT";
        if (found.Order.Status != status)
        {
            // An order that cannot move (shipped, then cancelled) stays as it is: known, so not a 404.
            await control.ChangeAsync(orderId, status, time.GetUtcNow().ToUnixTimeSeconds(), ct);
        }

        return true;
    }

    public async Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct) =>
        (await LiveProductsAsync(ct)).SelectMany(p => p.Product.Skus).FirstOrDefault(s => s.SellerSku == sku)?.Inventory.Sum(i => i.Quantity);

    public async Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct)
    {
        if (await ShopListingAsync(sku, ct) is not { } shop)
        {
            return false;
        }

        return await store.SerializedAsync(async () =>
        {
            var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, shop.Id, ct);
            var current = products.SelectMany(p => p.Product.Skus).First(s => s.SellerSku == sku).Inventory.Sum(i => i.Quantity);
            if (quantity > current)
            {
                stock.Give([(sku, quantity - current)]);
            }
            else if (quantity < current)
            {
                stock.TryTake(sku, current - quantity);
            }

            await TikTokShopSandboxStock.SaveAsync(store, products, stock, ct);
            return true;
        }, ct);
    }

    private async Task<List<SandboxProduct>> LiveProductsAsync(CancellationToken ct) =>
        [.. (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.Product.Status != "DELETED")];

    private async Task<SandboxTikTokShop?> ShopListingAsync(string sku, CancellationToken ct) =>
        (await LiveProductsAsync(ct)).FirstOrDefault(p => p.Product.Skus.Any(s => s.SellerSku == sku)) is { } product
            ? await store.GetAsync<SandboxTikTokShop>("shops", product.ShopId, ct)
            : null;
}
