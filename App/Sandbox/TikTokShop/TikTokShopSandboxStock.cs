using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// A shop's SKU stock (the sum over its warehouses) as the order generator and the cancellations move it: TikTok Shop
/// takes the units off when a buyer orders and puts them back when the order is cancelled. A seller SKU no product
/// of the shop carries has no count. Callers hold <see cref="TikTokShopSandboxStore.SerializedAsync{T}"/>.
/// </summary>
internal static class TikTokShopSandboxStock
{
    public static async Task<(SandboxStock Stock, List<SandboxProduct> Products)> LoadAsync(TikTokShopSandboxStore store, string shopId, CancellationToken ct)
    {
        var products = (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.ShopId == shopId).ToList();
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in products.SelectMany(p => p.Product.Skus).Where(s => s.SellerSku is not null))
        {
            shown.TryAdd(sku.SellerSku!, sku.Inventory.Sum(i => i.Quantity));
        }

        return (new SandboxStock(shown), products);
    }

    public static async Task SaveAsync(TikTokShopSandboxStore store, IReadOnlyList<SandboxProduct> products, SandboxStock stock, CancellationToken ct)
    {
        var changed = stock.Changed.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var product in products.Where(p => p.Product.Skus.Any(s => s.SellerSku is not null && changed.ContainsKey(s.SellerSku))))
        {
            var skus = product.Product.Skus.Select(s => s.SellerSku is { } seller && changed.TryGetValue(seller, out var quantity)
                ? s with { Inventory = Spread(s.Inventory, quantity) }
                : s).ToList();
            await store.PutAsync("products", product.Product.Id, product with { Product = product.Product with { Skus = skus } }, product.Product.UpdateTime, ct);
        }
    }

    /// <summary>
    /// A change of the total taken from (or given back to) the first warehouse, the others as they were; a sale the
    /// first cannot cover takes the rest from the next.
    /// </summary>
    private static List<TikTokWireStock> Spread(IReadOnlyList<TikTokWireStock> inventory, int total)
    {
        var list = inventory.ToList();
        if (list.Count == 0)
        {
            return list;
        }

        var change = total - list.Sum(i => i.Quantity);
        for (var n = 0; n < list.Count && change != 0; n++)
        {
            var next = n == list.Count - 1 || change > 0 ? list[n].Quantity + change : Math.Max(0, list[n].Quantity + change);
            change -= next - list[n].Quantity;
            list[n] = list[n] with { Quantity = next };
        }

        return list;
    }
}
