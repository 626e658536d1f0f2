using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// What a TikTok shop chooses once: the sales warehouse that carries the portal's stock. Stock updates name every
/// warehouse of a SKU (https://partner.tiktokshop.com/docv2/page/update-inventory-202309); the chosen one gets the
/// portal's figure and the others keep what TikTok holds. Without a choice the shop's default sales warehouse is used
/// (https://partner.tiktokshop.com/docv2/page/get-warehouse-list-202309).
/// </summary>
public sealed class TikTokShopAccountSettings(TikTokShopClient client) : IChannelAccountSettings
{
    public const string Warehouse = "warehouse_id";

    public ChannelKind Channel => ChannelKind.TikTokShop;

    /// <summary>The default sales warehouse, else the first one; null when the shop has none.</summary>
    public static TikTokWarehouse? DefaultWarehouse(TikTokWarehouses warehouses)
    {
        var sales = Sales(warehouses).ToList();
        return sales.FirstOrDefault(w => w.IsDefault) ?? sales.FirstOrDefault();
    }

    public async Task<IReadOnlyList<AccountSetting>> ReadAsync(ChannelAccountContext account, CancellationToken ct)
    {
        var warehouses = await client.GetWarehousesAsync(account, ct);
        var sales = Sales(warehouses).ToList();
        return
        [
            new(Warehouse, "Warehouse for the portal's stock",
                [.. sales.Select(w => new AccountSettingChoice(w.Id, Label(w)))],
                account.Property(Warehouse) ?? DefaultWarehouse(warehouses)?.Id,
                sales.Count == 0
                    ? "The shop has no sales warehouse yet: add one in TikTok Shop Seller Center, then reopen this dialog."
                    : "Stock updates set this warehouse's quantity; the shop's other warehouses keep theirs."),
        ];
    }

    public async Task<IReadOnlyDictionary<string, string>> ApplyAsync(
        ChannelAccountContext account, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        var value = chosen.TryGetValue(Warehouse, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var sales = Sales(await client.GetWarehousesAsync(account, ct)).ToList();
        var error = value is null ? "Choose the warehouse for the portal's stock."
            : sales.Any(w => w.Id == value) ? null
            : $"TikTok Shop has no active sales warehouse {value} for this shop.";
        if (error is not null)
        {
            throw new ChannelValidationException(ChannelKind.TikTokShop, "The TikTok Shop settings were not saved: " + error, [new(Warehouse, error)], httpStatus: null);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { [Warehouse] = value! };
    }

    private static IEnumerable<TikTokWarehouse> Sales(TikTokWarehouses warehouses) =>
        warehouses.Warehouses.Where(w => w.Type is null or "SALES_WAREHOUSE" && w.EffectStatus is not "DISABLED");

    private static string Label(TikTokWarehouse w) => (w.Name ?? w.Id) + (w.IsDefault ? " (default)" : "");
}
