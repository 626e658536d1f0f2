using SellerPortal.Integrations.TikTokShop.Dto;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// A shop's SKU stock (the sum over its warehouses) as the order generator and the cancellations move it: TikTok Shop
/// takes the units off when a buyer orders and puts them back when the order is cancelled. A seller SKU no product
/// of the shop carries has no count. Callers hold <see cref="TikTokShopSandboxStore.SerializedAsync{T}"/>.
/// </summary>
public static class TikTokShopSandboxStock
{
    public static async Task<(SandboxStock Stock, List<SandboxProduct> Products)> LoadAsync(TikTokShopSandboxStore store, string shopId, CancellationToken ct)
    {
        var products = (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.ShopId == shopId).ToList();
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in products.SelectMany(p => p.Product.Skus).Where(s => s.SellerSku is not null))
        {
            shown.TryAdd(sku.SellerSku!, sku.Inventory?.Sum(i => i.Quantity) ?? 0);
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

    /// <summary>The new total kept in the first warehouse, the others as they were (the emulator's shops have one).</summary>
    private static List<TikTokInventory> Spread(IReadOnlyList<TikTokInventory>? inventory, int total)
    {
        var list = inventory?.ToList() ?? [];
        if (list.Count == 0)
        {
            return [new TikTokInventory { Quantity = total }];
        }

        var others = list.Skip(1).Sum(i => i.Quantity);
        list[0] = list[0] with { Quantity = total - others };
        return list;
    }
}
