using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// The common control contract over the TikTok emulator's store. A seller is the name the consent page signs in as
/// (one shop each); without one, a SKU belongs to the shop whose live product lists it, or to the default seller's. Buyer orders take units off
/// its warehouses (the first first), a cancellation gives them back, and the listed quantity is the sum over the SKU's
/// warehouses, as buyers see it. Every order change has its ORDER_STATUS_CHANGE webhook, signed, sent when asked.
/// </summary>
internal sealed class TikTokShopSandboxControls(TikTokShopSandboxStore store, TikTokShopSandboxOrders orders, TikTokShopSandboxControl control, TimeProvider time)
    : ISandboxControl
{
    public string Path => "tiktok";

    public SandboxControlAbout About { get; } = new(TikTokShopSandboxStore.Channel, SellerField: "seller", OrderWebhooks: true, RateLimitBurstsAreRetries: true);

    /// <summary>TikTok requires a category id on a product; the emulator takes any, so one number stands for a leaf category.</summary>
    public SandboxPublishSetup PublishSetup { get; } = new("600001", new Dictionary<string, string>());

    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct)
    {
        // Without a seller: the shop that lists the SKU, else the default seller's (SKUs listed elsewhere sell unchecked).
        var shop = request.Seller is { } seller ? await SellerShopAsync(seller, ct)
            : await ShopListingAsync(request.Skus[0], ct) ?? await SellerShopAsync(TikTokShopSandboxAuth.DefaultSeller, ct);
        if (shop is null)
        {
            return new SandboxPlacedOrders([], request.Count, []);
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var status = request.Cancelled ? "CANCELLED" : "AWAITING_SHIPMENT";
        var (made, refused) = await store.SerializedAsync(async () =>
        {
            var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, shop.Id, ct);
            var made = new List<TikTokWireOrder>();
            var refused = stock.Sell(request.Count, request.Skus, request.Cancelled, (n, sku, units) =>
                made.Add(TikTokShopSandboxControl.NewOrder(shop, products, [.. Enumerable.Repeat(sku, units)], status, now, n)));
            await orders.SaveManyAsync(made.Select(o => new SandboxOrder(shop.Id, o)), ct);
            await TikTokShopSandboxStock.SaveAsync(store, products, stock, ct);
            return (made, refused);
        }, ct);

        var webhooks = new List<SandboxWebhook>(made.Count);
        foreach (var order in made)
        {
            webhooks.Add(Webhook(await control.DeliverAsync(caller.PortalBaseUrl, TikTokShopSandboxControl.StatusChangePayload(shop.Id, order, now), request.Webhooks, ct)));
        }

        return new SandboxPlacedOrders([.. made.Select(o => o.Id)], refused, webhooks);
    }

    public async Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct)
    {
        if (await store.GetAsync<SandboxOrder>("orders", orderId, ct) is not { } found)
        {
            return null;
        }

        var status = request.State == SandboxOrderState.Cancelled ? "CANCELLED" : "IN_TRANSIT";
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // An order that cannot move (shipped, then cancelled) stays as it is: known, so not a 404.
        if (found.Order.Status == status || await control.ChangeAsync(orderId, status, now, ct) is not ({ } changed, _))
        {
            return new SandboxOrderMoved(found.Order.Status, []);
        }

        var delivery = await control.DeliverAsync(caller.PortalBaseUrl, TikTokShopSandboxControl.StatusChangePayload(changed.ShopId, changed.Order, now), request.Webhooks, ct);
        return new SandboxOrderMoved(changed.Order.Status, [Webhook(delivery)]);
    }

    public async Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct)
    {
        var shopId = await SellerShopIdAsync(seller, ct);
        return [.. (await store.AllAsync<SandboxOrder>("orders", ct)).Where(o => shopId is null || o.ShopId == shopId).Select(o => new SandboxOrderStatus(o.Order.Id, o.Order.Status))];
    }

    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct)
    {
        var shopId = await SellerShopIdAsync(seller, ct);
        return [.. (await LiveProductsAsync(ct)).Where(p => shopId is null || p.ShopId == shopId)
            .SelectMany(p => p.Product.Skus.Where(s => s.SellerSku is not null)
                .Select(s => new SandboxListedSku(s.SellerSku!, s.Inventory?.Sum(i => i.Quantity) ?? 0, p.Product.Status == "ACTIVATE")))];
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

    private static SandboxWebhook Webhook(TikTokWebhookDelivery delivery) =>
        new(delivery.Body, new Dictionary<string, string> { ["Authorization"] = delivery.Authorization }, delivery.StatusCode is >= 200 and < 300);

    private async Task<List<SandboxProduct>> LiveProductsAsync(CancellationToken ct) =>
        [.. (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.Product.Status != "DELETED")];

    private async Task<SandboxTikTokShop?> ShopListingAsync(string sku, CancellationToken ct) =>
        (await LiveProductsAsync(ct)).FirstOrDefault(p => p.Product.Skus.Any(s => s.SellerSku == sku)) is { } product
            ? await store.GetAsync<SandboxTikTokShop>("shops", product.ShopId, ct)
            : null;

    private async Task<SandboxTikTokShop?> SellerShopAsync(string seller, CancellationToken ct) =>
        await SellerShopIdAsync(seller, ct) is { } id ? await store.GetAsync<SandboxTikTokShop>("shops", id, ct) : null;

    /// <summary>The seller's shop id; null for no seller (every shop). A seller who never consented has a shop of no one's.</summary>
    private async Task<string?> SellerShopIdAsync(string? seller, CancellationToken ct) =>
        seller is null ? null : await store.GetAsync<string>("sellers", seller, ct) ?? "";
}
