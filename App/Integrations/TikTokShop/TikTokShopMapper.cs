using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>Pure translations between the portal's records and TikTok Shop's wire shapes.</summary>
public static class TikTokShopMapper
{
    /// <summary>ChannelFields keys a listing may carry for TikTok (camelCase like the listing editor's; snake_case accepted).</summary>
    public const string CategoryIdField = "categoryId";
    public const string BrandIdField = "brandId";
    /// <summary>Comma-separated image URIs already uploaded to TikTok (its image upload API returns them).</summary>
    public const string MainImageUrisField = "mainImageUris";

    /// <summary>Create Product takes 1 to 9 main images.</summary>
    public const int MaxMainImages = 9;

    /// <summary>
    /// Refuses, before any call, a draft Create Product would refuse, naming every gap at once: TikTok needs a leaf
    /// category, at least one main image (at most 9), and a package weight; a description is made from the title
    /// when the product has none.
    /// https://partner.tiktokshop.com/docv2/page/create-product-202309
    /// </summary>
    public static void RequireListable(ListingDraft draft)
    {
        var errors = new List<ChannelFieldError>();
        if ((draft.CategoryId ?? Field(draft, CategoryIdField)) is null)
        {
            errors.Add(new(CategoryIdField, "Choose a TikTok category (map the product's category on the Categories page)."));
        }

        var images = GivenImageUris(draft)?.Count ?? draft.ImageUrls.Count;
        if (images is 0 or > MaxMainImages)
        {
            errors.Add(new("ImageUrls", images == 0
                ? "Add at least one product image: TikTok Shop lists no product without one."
                : $"TikTok Shop takes at most {MaxMainImages} main images; this product has {images}."));
        }

        if (PackageWeight(draft) is null)
        {
            errors.Add(new("WeightGrams", "Enter the package weight (on the product or its variants): TikTok Shop needs it to ship."));
        }

        if (errors.Count > 0)
        {
            throw new ChannelValidationException(ChannelKind.TikTokShop,
                "TikTok Shop cannot list the product yet: " + string.Join(" ", errors.Select(e => e.Message)), errors, httpStatus: null);
        }
    }

    /// <summary>Image uris staff gave on the product's TikTok fields (already uploaded to TikTok), or null.</summary>
    public static IReadOnlyList<string>? GivenImageUris(ListingDraft draft) =>
        Field(draft, MainImageUrisField) is { } uris ? uris.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;

    /// <param name="imageUris">TikTok's uris for the draft's images (<see cref="TikTokShopImages"/>), never outside URLs.</param>
    public static TikTokProductRequest ToCreateProductRequest(ListingDraft draft, string warehouseId, IReadOnlyList<string> imageUris) =>
        ToProductRequest(draft, warehouseId, imageUris, current: null) with { IdempotencyKey = IdempotencyKey(draft) };

    /// <summary>
    /// A full edit: every variant is sent (TikTok deletes SKUs a PUT leaves out), with its TikTok SKU id, and each
    /// SKU's stock in the shop's other warehouses as TikTok holds it (<paramref name="current"/>), unchanged.
    /// </summary>
    public static TikTokProductRequest ToEditProductRequest(ListingDraft draft, string warehouseId, IReadOnlyList<string> imageUris, TikTokProduct? current) =>
        ToProductRequest(draft, warehouseId, imageUris, current ?? new TikTokProduct());

    /// <summary>
    /// A SKU's inventory for an update: every warehouse TikTok lists for it (an update must name them all), ours with
    /// the new quantity and the others unchanged; ours is added when TikTok does not list it yet.
    /// https://partner.tiktokshop.com/docv2/page/update-inventory-202309
    /// </summary>
    public static IReadOnlyList<TikTokInventory> Inventory(TikTokProductSku? current, string warehouseId, int quantity)
    {
        var others = (current?.Inventory ?? []).Where(i => i.WarehouseId is not null && i.WarehouseId != warehouseId);
        return [new TikTokInventory { WarehouseId = warehouseId, Quantity = Math.Max(0, quantity) }, .. others];
    }

    public static OrderStatus MapStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "UNPAID" or "ON_HOLD" => OrderStatus.Pending,
        "AWAITING_SHIPMENT" or "PARTIALLY_SHIPPING" or "AWAITING_COLLECTION" => OrderStatus.Processing,
        "IN_TRANSIT" => OrderStatus.Shipped,
        "DELIVERED" or "COMPLETED" => OrderStatus.Delivered,
        // The webhook spells it CANCEL, the order API CANCELLED.
        "CANCELLED" or "CANCEL" => OrderStatus.Cancelled,
        _ => OrderStatus.Pending,
    };

    public static ChannelOrder ToChannelOrder(TikTokOrder order)
    {
        var lines = order.LineItems ?? [];
        var currency = order.Payment?.Currency ?? lines.Select(l => l.Currency).FirstOrDefault(c => c is not null) ?? "";
        var address = order.RecipientAddress;
        return new ChannelOrder
        {
            ExternalOrderId = order.Id,
            OrderNumber = order.Id,
            Status = MapStatus(order.Status),
            RawStatus = order.Status,
            BuyerName = Blank(address?.Name),
            BuyerUsername = Blank(order.UserId),
            ShipTo = address is null ? null : ToAddress(address),
            Total = Money(order.Payment?.TotalAmount, currency),
            PlacedUtc = FromUnix(order.CreateTime),
            UpdatedUtc = FromUnix(order.UpdateTime),
            // TikTok lists one line item per unit; there is no quantity field.
            Lines = [.. lines.Select(l => new ChannelOrderLine(
                l.Id,
                l.SellerSku ?? l.SkuId ?? "",
                l.SkuName is { Length: > 0 } variant && l.ProductName is not null ? $"{l.ProductName} ({variant})" : l.ProductName,
                1,
                Money(l.SalePrice ?? l.OriginalPrice, l.Currency ?? currency)))],
        };
    }

    public static ChannelListingSnapshot ToListingSnapshot(TikTokProduct product) => new(
        product.Id,
        product.Title ?? "",
        product.Status ?? "",
        [.. product.Skus.Select(s => new ChannelSkuSnapshot(
            s.SellerSku ?? s.Id ?? "",
            s.Id,
            // Reads carry tax_exclusive_price (the listed price), never amount; sale_price is a promotion's.
            s.Price?.TaxExclusivePrice is null ? null : Money(s.Price.TaxExclusivePrice, s.Price.Currency ?? ""),
            s.Inventory?.Sum(i => i.Quantity)))]);

    /// <summary>A decimal string ("29.99", "5000") to money; a missing amount is zero. Never through a float.</summary>
    public static ChannelMoney Money(string? amount, string currency) =>
        new(string.IsNullOrWhiteSpace(amount) ? 0m : decimal.Parse(amount.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture), currency.Trim());

    /// <summary>Money to TikTok's decimal string: two decimals unless the amount has more.</summary>
    public static string Amount(decimal amount) =>
        amount.Scale <= 2 ? amount.ToString("0.00", CultureInfo.InvariantCulture) : amount.ToString(CultureInfo.InvariantCulture);

    public static DateTime FromUnix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;

    public static long ToUnix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private static TikTokProductRequest ToProductRequest(ListingDraft draft, string warehouseId, IReadOnlyList<string> imageUris, TikTokProduct? current)
    {
        RequireListable(draft);
        var weight = PackageWeight(draft)!.Value;
        var currentSkus = (current?.Skus ?? []).Where(s => s.Id is not null).ToDictionary(s => s.Id!, StringComparer.Ordinal);
        return new TikTokProductRequest
        {
            SaveMode = "LISTING",
            Title = draft.Title,
            Description = string.IsNullOrWhiteSpace(draft.Description) ? $"<p>{System.Net.WebUtility.HtmlEncode(draft.Title)}</p>" : draft.Description,
            CategoryId = draft.CategoryId ?? Field(draft, CategoryIdField)!,
            BrandId = Field(draft, BrandIdField),
            MainImages = [.. imageUris.Select(u => new TikTokImage(u))],
            PackageWeight = new TikTokWeight((weight / 1000m).ToString("0.###", CultureInfo.InvariantCulture), "KILOGRAM"),
            Skus = [.. draft.Variants.Select(v => new TikTokSku
            {
                Id = current is null ? null : v.ExternalSkuId,
                SellerSku = v.Sku,
                Price = new TikTokPrice { Amount = Amount(v.Price.Amount), Currency = v.Price.Currency },
                Inventory = Inventory(v.ExternalSkuId is { } id && current is not null ? currentSkus.GetValueOrDefault(id) : null, warehouseId, v.Quantity),
                SalesAttributes = [.. v.Options.OrderBy(o => o.Key, StringComparer.Ordinal)
                    .Select(o => new TikTokSalesAttribute { Name = o.Key, ValueName = o.Value })],
            })],
        };
    }

    /// <summary>The heaviest variant's weight in grams: the package must hold any of them.</summary>
    private static int? PackageWeight(ListingDraft draft) =>
        draft.Variants.Select(v => v.WeightGrams).Where(w => w is > 0).Max();

    private static ChannelAddress ToAddress(TikTokRecipientAddress a)
    {
        string? District(string level) =>
            a.DistrictInfo?.FirstOrDefault(d => string.Equals(d.AddressLevelName, level, StringComparison.OrdinalIgnoreCase))?.AddressName;
        var extra = string.Join(", ", new[] { a.AddressLine2, a.AddressLine3, a.AddressLine4 }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return new ChannelAddress(
            Blank(a.Name),
            Blank(a.AddressLine1) ?? Blank(a.FullAddress),
            Blank(extra),
            District("City") ?? District("Post town"),
            District("State") ?? District("County") ?? District("Province"),
            Blank(a.PostalCode),
            Blank(a.RegionCode),
            Blank(a.PhoneNumber));
    }

    private static string? Field(ListingDraft draft, string key) =>
        Value(draft, key) ?? Value(draft, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(key));

    private static string? Value(ListingDraft draft, string key) =>
        draft.ChannelFields.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Same draft, same key: a retried create returns the product the first attempt made.</summary>
    private static string IdempotencyKey(ListingDraft draft)
    {
        var content = string.Join('|', [draft.ProductKey, draft.Title, .. draft.Variants.Select(v => v.Sku)]);
        return "sp" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..30];
    }
}
