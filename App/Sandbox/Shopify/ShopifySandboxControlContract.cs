using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// The common control contract over the Shopify emulator's shops. A seller is a shop's myshopify.com domain (the
/// default shop when none is named): Connect names the shop before the consent page, so the page has no seller field.
/// A buyer's order moves units of the variant from available to committed at the shop's location, as Shopify does when
/// it takes an order; a cancellation restocks them and a shipment takes them off hand. Shopify sends orders/create and
/// orders/updated to the app's subscription, so each placed or moved order has its signed webhook.
/// </summary>
internal sealed class ShopifySandboxControls(ShopifySandboxShops shops, ShopifySandboxWebhooks webhooks, TimeProvider time,
    IOptions<ShopifySandboxOptions> options) : ISandboxControl
{
    public string Path => "shopify";

    public SandboxControlAbout About => new(ShopifySandboxServiceCollectionExtensions.Channel, SellerField: null, OrderWebhooks: true,
        RateLimitBurstsAreRetries: true, ConnectShop: options.Value.DefaultShop);

    /// <summary>Shopify needs no category and no account settings before a product is created.</summary>
    public SandboxPublishSetup PublishSetup => SandboxPublishSetups.None;

    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var shop = shops.Shop(request.Seller ?? options.Value.DefaultShop);
        var now = time.GetUtcNow();
        var placed = await UnderGateAsync(shop, now, () =>
        {
            var variants = OnSale(shop).GroupBy(v => v.Sku!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var stock = new SandboxStock(variants.ToDictionary(v => v.Key, v => v.Value.InventoryQuantity ?? 0, StringComparer.Ordinal));
            var made = new List<ShopifyOrder>();
            var refused = stock.Sell(request.Count, request.Skus, request.Cancelled, (i, sku, units) =>
            {
                var order = ShopifySandboxOrders.New(shop, variants.GetValueOrDefault(sku), sku, units, i, now);
                shop.Orders.Add(order);
                if (request.Cancelled)
                {
                    ShopifySandboxOrders.Cancel(order, now, restock: false);
                }
                else
                {
                    ShopifySandboxOrders.Commit(shop, order, now);
                }

                made.Add(order);
            });
            return (Orders: made, Refused: refused, Bodies: made.Select(o => ShopifySandboxWebhookBodies.Order(o, shop)).ToList());
        }, ct);

        // Sent once the shop's lock is let go: the portal reads the order back while it handles the webhook.
        var sent = new List<SandboxWebhook>(placed.Bodies.Count);
        foreach (var body in placed.Bodies)
        {
            sent.Add(await webhooks.DeliverAsync(caller.PortalBaseUrl, shop.Domain, "orders/create", body, request.Webhooks, ct));
        }

        return new SandboxPlacedOrders([.. placed.Orders.Select(o => o.Id)], placed.Refused, sent);
    }

    public async Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct)
    {
        ShopifySandboxShop? shop = null;
        foreach (var candidate in shops.All)
        {
            // Read under each shop's lock: a GraphQL call may be adding orders to the list.
            if (await UnderGateAsync(candidate, null, () => candidate.Orders.Any(o => o.Id == orderId), ct))
            {
                shop = candidate;
                break;
            }
        }

        if (shop is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var moved = await UnderGateAsync(shop, now, () =>
        {
            var order = shop.Orders.First(o => o.Id == orderId);
            // An order that cannot move (cancelled, or fulfilled in full) stays as it is: known, so not a 404.
            if (order.Cancelled is not null || order.DisplayFulfillmentStatus == "FULFILLED")
            {
                return (Status: ShopifySandboxOrders.StatusWord(order), Body: (object?)null);
            }

            if (request.State == SandboxOrderState.Shipped)
            {
                ShopifySandboxOrders.Ship(shop, order, now);
            }
            else
            {
                ShopifySandboxOrders.Cancel(order, now, restock: true);
            }

            return (Status: ShopifySandboxOrders.StatusWord(order), Body: ShopifySandboxWebhookBodies.Order(order, shop));
        }, ct);

        return moved.Body is null
            ? new SandboxOrderMoved(moved.Status, [])
            : new SandboxOrderMoved(moved.Status, [await webhooks.DeliverAsync(caller.PortalBaseUrl, shop.Domain, "orders/updated", moved.Body, request.Webhooks, ct)]);
    }

    public async Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct)
    {
        var statuses = new List<SandboxOrderStatus>();
        foreach (var shop in Shops(seller))
        {
            statuses.AddRange(await UnderGateAsync(shop, null, () => shop.Orders.Select(o => new SandboxOrderStatus(o.Id, ShopifySandboxOrders.StatusWord(o))).ToList(), ct));
        }

        return statuses;
    }

    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct)
    {
        var listed = new List<SandboxListedSku>();
        foreach (var shop in Shops(seller))
        {
            listed.AddRange(await UnderGateAsync(shop, null, () => shop.Variants.Where(v => !string.IsNullOrEmpty(v.Sku))
                .Select(v => new SandboxListedSku(v.Sku!, v.InventoryQuantity ?? 0, v.Product.Status == "ACTIVE")).ToList(), ct));
        }

        return listed;
    }

    public async Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct)
    {
        var shop = shops.Shop(options.Value.DefaultShop);
        return await UnderGateAsync(shop, null, () => shop.Variants.FirstOrDefault(v => v.Sku == sku)?.InventoryQuantity, ct);
    }

    public async Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct)
    {
        var shop = shops.Shop(options.Value.DefaultShop);
        var now = time.GetUtcNow();
        return await UnderGateAsync(shop, now, () =>
        {
            var variants = shop.Variants.Where(v => v.Sku == sku).ToList();
            foreach (var variant in variants)
            {
                ShopifySandboxInventory.Set(variant.InventoryItem, ShopifySandboxOrders.StockLocation(shop, variant.InventoryItem), "available", quantity, now);
            }

            return variants.Count > 0;
        }, ct);
    }

    /// <summary>The variants buyers can buy: SKU'd, of an active product.</summary>
    private static IEnumerable<ShopifyVariant> OnSale(ShopifySandboxShop shop) =>
        shop.Variants.Where(v => !string.IsNullOrEmpty(v.Sku) && v.Product.Status == "ACTIVE");

    private IEnumerable<ShopifySandboxShop> Shops(string? seller) =>
        seller is null ? [.. shops.All] : [shops.Shop(seller)];

    /// <summary>
    /// Work on the shop under its lock; a change (<paramref name="changedAt"/> given) is written to the store before
    /// the lock is let go.
    /// </summary>
    private async Task<T> UnderGateAsync<T>(ShopifySandboxShop shop, DateTimeOffset? changedAt, Func<T> work, CancellationToken ct)
    {
        await shop.Gate.WaitAsync(ct);
        try
        {
            var result = work();
            if (changedAt is { } since)
            {
                await shops.SaveAsync(shop, since, ct);
            }

            return result;
        }
        finally
        {
            shop.Gate.Release();
        }
    }
}
