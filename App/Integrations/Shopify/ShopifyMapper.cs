using System.Globalization;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>Pure mapping between the contract's records and Shopify's Admin API 2026-10 shapes.</summary>
public static class ShopifyMapper
{
    /// <summary>Shopify's own option for a product without variations: one option "Title" valued "Default Title".</summary>
    public const string DefaultOptionName = "Title";

    public const string DefaultOptionValue = "Default Title";

    /// <summary>
    /// shopify.md §4.4: cancelled whenever <c>cancelledAt</c> is set; FULFILLED ships; fully REFUNDED or VOIDED is
    /// cancelled (the sale is undone; the contract has no refunded word); paid (also partly paid or refunded) and not
    /// fulfilled is processing; PENDING, AUTHORIZED or EXPIRED and unfulfilled is pending. Delivered needs a
    /// fulfillment's DELIVERED event, which orders do not carry.
    /// </summary>
    public static OrderStatus Status(string? financial, string? fulfillment, bool cancelled)
    {
        if (cancelled)
        {
            return OrderStatus.Cancelled;
        }

        if (fulfillment == "FULFILLED")
        {
            return OrderStatus.Shipped;
        }

        return financial switch
        {
            "REFUNDED" or "VOIDED" => OrderStatus.Cancelled,
            "PAID" or "PARTIALLY_PAID" or "PARTIALLY_REFUNDED" => OrderStatus.Processing,
            _ when fulfillment is "PARTIALLY_FULFILLED" or "IN_PROGRESS" => OrderStatus.Processing,
            _ => OrderStatus.Pending,
        };
    }

    /// <summary>
    /// The handle a product is created under: its title and the portal's product key, lower-case words joined by
    /// hyphens (<c>glazed-mug-p-1</c>). productSet upserts on it, so a create repeated after a lost answer finds the
    /// product the first one made instead of making a second.
    /// </summary>
    public static string Handle(ListingDraft draft)
    {
        static string Slug(string text) => string.Join('-',
            System.Text.RegularExpressions.Regex.Split(text.ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0));
        // The key always ends the handle; the title is cut to fit Shopify's 255 characters.
        var (title, key) = (Slug(draft.Title), Slug(draft.ProductKey));
        title = title[..Math.Min(title.Length, Math.Max(0, 254 - key.Length))].TrimEnd('-');
        return title.Length == 0 ? key : $"{title}-{key}";
    }

    /// <summary>The Money scalar: a decimal string in invariant culture, the scale kept ("21.50", "1500").</summary>
    public static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static ChannelMoney Money(ShopifyMoneyBag? bag, string? fallbackCurrency) =>
        bag is null ? new ChannelMoney(0, fallbackCurrency ?? "USD") : new ChannelMoney(bag.ShopMoney.Amount, bag.ShopMoney.CurrencyCode);

    public static ChannelOrder ToOrder(ShopifyOrder order)
    {
        var address = order.ShippingAddress;
        return new ChannelOrder
        {
            ExternalOrderId = order.Id,
            OrderNumber = order.Name,
            AlternateOrderNumber = LegacyId(order.Id),
            Status = Status(order.DisplayFinancialStatus, order.DisplayFulfillmentStatus, order.CancelledAt is not null),
            RawStatus = order.CancelledAt is not null ? "CANCELLED" : $"{order.DisplayFinancialStatus ?? "-"}/{order.DisplayFulfillmentStatus ?? "-"}",
            BuyerName = order.Customer?.DisplayName ?? address?.Name,
            // What customers/redact names (the customer's id, else the order's email) is what erasure matches on.
            BuyerUsername = order.Customer?.Id ?? order.Email,
            ShipTo = address is null ? null
                : new ChannelAddress(address.Name, address.Address1, address.Address2, address.City, address.ProvinceCode ?? address.Province, address.Zip,
                    address.CountryCodeV2, address.Phone),
            Total = Money(order.TotalPriceSet, order.CurrencyCode),
            PlacedUtc = order.CreatedAt.UtcDateTime,
            UpdatedUtc = order.UpdatedAt.UtcDateTime,
            Lines = [.. (order.LineItems?.Nodes ?? []).Select(l => new ChannelOrderLine(l.Id, l.Sku ?? "", l.Title, l.Quantity,
                Money(l.OriginalUnitPriceSet, order.CurrencyCode)))],
        };
    }

    /// <summary>The number after the GID's last slash (gid://shopify/Order/123 → 123), the id Shopify's admin shows.</summary>
    public static string? LegacyId(string gid) => gid.LastIndexOf('/') is var i and >= 0 && i < gid.Length - 1 ? gid[(i + 1)..] : null;

    /// <summary>The options the variants vary on, in the order they first appear, each with its values in first-seen order.</summary>
    public static IReadOnlyList<ShopifyOptionSetInput> ProductOptions(IReadOnlyList<ListingVariantDraft> variants)
    {
        var names = variants.SelectMany(v => v.Options.Keys).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return [new ShopifyOptionSetInput(DefaultOptionName, 1, [new(DefaultOptionValue)])];
        }

        return [.. names.Select((name, i) => new ShopifyOptionSetInput(name, i + 1,
            [.. variants.Select(v => v.Options.TryGetValue(name, out var value) ? value : "-").Distinct(StringComparer.Ordinal).Select(v => new ShopifyOptionValueSetInput(v))]))];
    }

    /// <summary>
    /// productSet's input: the options, a variant per draft variant (its SKU, price, option values, a tracked
    /// inventory item, and on a new variant its quantity at the account's location), the images, ACTIVE.
    /// </summary>
    public static ShopifyProductSetInput ToProductSet(ListingDraft draft, string locationId, IReadOnlyDictionary<string, string> existingVariants)
    {
        var options = ProductOptions(draft.Variants);
        return new ShopifyProductSetInput
        {
            Title = draft.Title,
            Handle = draft.ExternalId is null ? Handle(draft) : null,
            DescriptionHtml = draft.Description,
            Vendor = draft.Brand,
            Status = "ACTIVE",
            ProductOptions = options,
            Variants = [.. draft.Variants.Select(v =>
            {
                var id = v.ExternalSkuId ?? (existingVariants.TryGetValue(v.Sku, out var known) ? known : null);
                return new ShopifyVariantSetInput
                {
                    Id = id,
                    Sku = v.Sku,
                    Price = Money(v.Price.Amount),
                    OptionValues = [.. options.Select(o => new ShopifyVariantOptionValueInput(o.Name,
                        o.Name == DefaultOptionName && v.Options.Count == 0 ? DefaultOptionValue : v.Options.TryGetValue(o.Name, out var value) ? value : "-"))],
                    InventoryItem = new ShopifyInventoryItemInput(v.Sku, Tracked: true),
                    // Stock on an existing variant is set through inventorySetQuantities with its compare-and-set, never here.
                    InventoryQuantities = id is null ? [new ShopifyProductSetInventoryInput(locationId, "available", Math.Max(0, v.Quantity))] : null,
                };
            })],
            Files = draft.ImageUrls.Count == 0 ? null : [.. draft.ImageUrls.Select(u => new ShopifyFileSetInput(u, "IMAGE"))],
        };
    }

    /// <summary>Shopify's search syntax for these SKUs, each quoted (<c>sku:"A-1" OR sku:"B 2"</c>).</summary>
    public static string SkuQuery(IEnumerable<string> skus) =>
        string.Join(" OR ", skus.Distinct(StringComparer.Ordinal).Select(s => $"sku:\"{s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""));

    /// <summary>The orders query's search: changed at or after the watermark (and at or before the end, when given).</summary>
    public static string UpdatedQuery(DateTime sinceUtc, DateTime? untilUtc)
    {
        var query = $"updated_at:>='{Iso(sinceUtc)}'";
        return untilUtc is { } until ? $"{query} AND updated_at:<='{Iso(until)}'" : query;
    }

    public static ChannelListingSnapshot ToSnapshot(ShopifyProduct product) => new(
        product.Id,
        product.Title ?? "",
        product.Status ?? "",
        [.. (product.Variants?.Nodes ?? []).Where(v => !string.IsNullOrEmpty(v.Sku))
            .Select(v => new ChannelSkuSnapshot(v.Sku!, v.Id, v.Price is { } p ? new ChannelMoney(p, "") : null, v.InventoryQuantity))]);

    public static int? Available(ShopifyVariant variant) =>
        variant.InventoryItem?.InventoryLevel?.Quantities.FirstOrDefault(q => q.Name == "available")?.Quantity;

    private static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
