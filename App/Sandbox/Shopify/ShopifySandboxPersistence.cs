using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

// The emulator's shops as documents in the sandbox store, so a shop, its products, orders and the app's tokens survive
// a restart as a real shop does. The live model is an object graph (a variant knows its product, a fulfillment order
// its order); a document holds ids where the graph holds references, and Restore rebuilds the references.

internal sealed record ShopifyStoredShop(string Domain, long ShopId, long Next, IReadOnlyList<ShopifyStoredLocation> Locations);

internal sealed record ShopifyStoredLocation(long Num, string Name);

internal sealed record ShopifyStoredProduct(string Shop, long Num, string Title, string Handle, string Status, string DescriptionHtml, string Vendor,
    string ProductType, List<string> Tags, List<ShopifyProductOption> Options, List<ShopifyStoredVariant> Variants, List<string> Media,
    DateTimeOffset Created, DateTimeOffset Updated) : ISandboxOwned
{
    public string Owner => Shop;
}

internal sealed record ShopifyStoredVariant(long Num, string Price, string? CompareAtPrice, List<ShopifySelectedOption> SelectedOptions, DateTimeOffset Updated,
    long ItemNum, string? Sku, bool Tracked, Dictionary<long, Dictionary<string, int>> Levels, DateTimeOffset ItemUpdated);

internal sealed record ShopifyStoredOrder(string Shop, long Num, string Name, DateTimeOffset Created, DateTimeOffset Updated, DateTimeOffset? Cancelled,
    bool Closed, string DisplayFinancialStatus, string DisplayFulfillmentStatus, string Email, ShopifyCustomer Customer, ShopifyMailingAddress ShippingAddress,
    List<ShopifyStoredLine> Lines, List<ShopifyStoredFulfillmentOrder> FulfillmentOrders, List<ShopifyStoredFulfillment> Fulfillments) : ISandboxOwned
{
    public string Owner => Shop;
}

internal sealed record ShopifyStoredLine(long Num, string? Sku, string Title, int Quantity, decimal Unit, long? VariantNum);

internal sealed record ShopifyStoredFulfillmentOrder(long Num, string Status, List<ShopifyStoredFulfillmentOrderLine> Lines);

internal sealed record ShopifyStoredFulfillmentOrderLine(long Num, long LineNum, int Remaining);

internal sealed record ShopifyStoredFulfillment(long Num, DateTimeOffset Created, List<ShopifyTrackingInfo> TrackingInfo, List<ShopifyStoredFulfilledLine> Lines);

internal sealed record ShopifyStoredFulfilledLine(long LineNum, int Quantity);

internal static class ShopifySandboxPersistence
{
    public const string Shops = "shops";
    public const string Products = "products";
    public const string Orders = "orders";
    public const string AccessTokens = "access-tokens";
    public const string RefreshTokens = "refresh-tokens";

    private const string Channel = ShopifySandboxServiceCollectionExtensions.Channel;

    public static string Key(ShopifySandboxShop shop, long num) => $"{shop.Domain}/{num.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Writes what a change touched: the shop itself (its id counter), every product and order updated at or after
    /// <paramref name="since"/>, and removes the products no longer in the shop. Called with the shop's lock held.
    /// </summary>
    public static async Task SaveAsync(SandboxStore store, ShopifySandboxShop shop, DateTimeOffset since, CancellationToken ct)
    {
        await store.PutAsync(Channel, Shops, shop.Domain, new ShopifyStoredShop(shop.Domain, shop.ShopId, shop.Next,
            [.. shop.Locations.Select(l => new ShopifyStoredLocation(l.Num, l.Name))]), ct: ct);
        var products = shop.Products.Where(p => p.Updated >= since || p.VariantList.Any(v => v.Updated >= since || v.InventoryItem.Updated >= since)).ToList();
        if (products.Count > 0)
        {
            await store.PutManyAsync(Channel, Products, products.Select(p => (Key(shop, p.Num), Of(p, shop.Domain), p.Num)), ct);
        }

        var orders = shop.Orders.Where(o => o.Updated >= since).ToList();
        if (orders.Count > 0)
        {
            await store.PutManyAsync(Channel, Orders, orders.Select(o => (Key(shop, o.Num), Of(o, shop.Domain), o.Num)), ct);
        }

        foreach (var removed in shop.TakeRemovedProducts())
        {
            await store.DeleteAsync(Channel, Products, Key(shop, removed), ct);
        }
    }

    /// <summary>Every stored shop rebuilt with its products and orders.</summary>
    public static async Task<IReadOnlyList<ShopifySandboxShop>> LoadAsync(SandboxStore store, CancellationToken ct)
    {
        var shops = new List<ShopifySandboxShop>();
        foreach (var stored in await store.ListAsync<ShopifyStoredShop>(Channel, Shops, ct: ct))
        {
            var saved = stored.Document;
            var shop = new ShopifySandboxShop(saved.Domain, saved.ShopId, saved.Next);
            shop.Locations.AddRange(saved.Locations.Select(l => new ShopifyLocation(l.Num, l.Name)));
            var range = new DocumentRange(Owner: saved.Domain);
            shop.Products.AddRange((await store.ListAsync<ShopifyStoredProduct>(Channel, Products, range, ct: ct)).Select(p => Restore(p.Document)));
            var variants = shop.Variants.ToDictionary(v => v.Num);
            shop.Orders.AddRange((await store.ListAsync<ShopifyStoredOrder>(Channel, Orders, range, ct: ct)).Select(o => Restore(o.Document, variants)));
            shops.Add(shop);
        }

        return shops;
    }

    private static ShopifyStoredProduct Of(ShopifyProduct p, string shop) => new(shop, p.Num, p.Title, p.Handle, p.Status, p.DescriptionHtml, p.Vendor,
        p.ProductType, p.Tags, p.Options,
        [.. p.VariantList.Select(v => new ShopifyStoredVariant(v.Num, v.Price, v.CompareAtPrice, v.SelectedOptions, v.Updated, v.InventoryItem.Num, v.Sku,
            v.InventoryItem.Tracked, v.InventoryItem.Levels, v.InventoryItem.Updated))],
        p.Media, p.Created, p.Updated);

    private static ShopifyProduct Restore(ShopifyStoredProduct saved)
    {
        var product = new ShopifyProduct
        {
            Num = saved.Num, Title = saved.Title, Handle = saved.Handle, Status = saved.Status, DescriptionHtml = saved.DescriptionHtml, Vendor = saved.Vendor,
            ProductType = saved.ProductType, Tags = saved.Tags, Options = saved.Options, Media = saved.Media, Created = saved.Created, Updated = saved.Updated,
        };
        product.VariantList = [.. saved.Variants.Select(v =>
        {
            var item = new ShopifyInventoryItem { Num = v.ItemNum, Sku = v.Sku, Tracked = v.Tracked, Updated = v.ItemUpdated };
            foreach (var (location, quantities) in v.Levels)
            {
                item.Levels[location] = new Dictionary<string, int>(quantities, StringComparer.Ordinal);
            }

            return new ShopifyVariant
            {
                Num = v.Num, Product = product, InventoryItem = item, Price = v.Price, CompareAtPrice = v.CompareAtPrice,
                SelectedOptions = v.SelectedOptions, Updated = v.Updated,
            };
        })];
        return product;
    }

    private static ShopifyStoredOrder Of(ShopifyOrder o, string shop) => new(shop, o.Num, o.Name, o.Created, o.Updated, o.Cancelled, o.Closed,
        o.DisplayFinancialStatus, o.DisplayFulfillmentStatus, o.Email, o.Customer, o.ShippingAddress,
        [.. o.LineItemList.Select(l => new ShopifyStoredLine(l.Num, l.Sku, l.Title, l.Quantity, l.Unit, l.Variant?.Num))],
        [.. o.FulfillmentOrderList.Select(f => new ShopifyStoredFulfillmentOrder(f.Num, f.Status,
            [.. f.LineItemList.Select(l => new ShopifyStoredFulfillmentOrderLine(l.Num, l.LineItem.Num, l.RemainingQuantity))]))],
        [.. o.Fulfillments.Select(f => new ShopifyStoredFulfillment(f.Num, f.Created, f.TrackingInfo,
            [.. f.Lines.Select(l => new ShopifyStoredFulfilledLine(l.Line.Num, l.Quantity))]))]);

    private static ShopifyOrder Restore(ShopifyStoredOrder saved, IReadOnlyDictionary<long, ShopifyVariant> variants)
    {
        var order = new ShopifyOrder
        {
            Num = saved.Num, Name = saved.Name, Created = saved.Created, Updated = saved.Updated, Cancelled = saved.Cancelled, Closed = saved.Closed,
            DisplayFinancialStatus = saved.DisplayFinancialStatus, DisplayFulfillmentStatus = saved.DisplayFulfillmentStatus, Email = saved.Email,
            Customer = saved.Customer, ShippingAddress = saved.ShippingAddress,
        };
        order.LineItemList.AddRange(saved.Lines.Select(l => new ShopifyLineItem
        {
            Num = l.Num, Sku = l.Sku, Title = l.Title, Quantity = l.Quantity, Unit = l.Unit,
            Variant = l.VariantNum is { } num ? variants.GetValueOrDefault(num) : null,
        }));
        var lines = order.LineItemList.ToDictionary(l => l.Num);
        foreach (var f in saved.FulfillmentOrders)
        {
            var fulfillmentOrder = new ShopifyFulfillmentOrder { Num = f.Num, Order = order, Status = f.Status };
            fulfillmentOrder.LineItemList.AddRange(f.Lines.Select(l => new ShopifyFulfillmentOrderLineItem
            {
                Num = l.Num, LineItem = lines[l.LineNum], RemainingQuantity = l.Remaining,
            }));
            order.FulfillmentOrderList.Add(fulfillmentOrder);
        }

        order.Fulfillments.AddRange(saved.Fulfillments.Select(f => new ShopifyFulfillment
        {
            Num = f.Num, Created = f.Created, TrackingInfo = f.TrackingInfo, Lines = [.. f.Lines.Select(l => (lines[l.LineNum], l.Quantity))],
        }));
        return order;
    }
}
