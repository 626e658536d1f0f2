using System.Globalization;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Etsy.Dto;

namespace SellerPortal.Integrations.Etsy;

/// <summary>Pure mapping between the contract's records and Etsy's shapes.</summary>
public static class EtsyMapper
{
    /// <summary>Etsy's custom variation properties: a seller names them and types their values (two at most per listing).</summary>
    public static readonly long[] CustomProperties = [513, 514];

    /// <summary>etsy.md §3.4: open or payment processing is pending; paid and unshipped processing; shipped or completed shipped.</summary>
    public static OrderStatus Status(EtsyReceipt receipt) => receipt.Status switch
    {
        "canceled" or "fully refunded" => OrderStatus.Cancelled,
        "completed" => OrderStatus.Shipped,
        _ when receipt.IsShipped => OrderStatus.Shipped,
        "paid" or "partially refunded" => OrderStatus.Processing,
        _ => OrderStatus.Pending,
    };

    public static ChannelMoney Money(EtsyMoney? money) =>
        money is null ? new ChannelMoney(0, "USD") : new ChannelMoney(money.Amount / (decimal)Math.Max(1, money.Divisor), money.CurrencyCode);

    public static ChannelOrder ToOrder(EtsyReceipt receipt)
    {
        var id = receipt.ReceiptId.ToString(CultureInfo.InvariantCulture);
        return new ChannelOrder
        {
            ExternalOrderId = id,
            OrderNumber = id,
            Status = Status(receipt),
            RawStatus = receipt.Status ?? "",
            BuyerName = receipt.Name,
            ShipTo = new ChannelAddress(receipt.Name, receipt.FirstLine, receipt.SecondLine, receipt.City, receipt.State, receipt.Zip, receipt.CountryIso, null),
            Total = Money(receipt.Grandtotal),
            PlacedUtc = DateTimeOffset.FromUnixTimeSeconds(receipt.CreatedTimestamp).UtcDateTime,
            UpdatedUtc = DateTimeOffset.FromUnixTimeSeconds(receipt.UpdatedTimestamp).UtcDateTime,
            Lines = [.. receipt.Transactions.Select(t => new ChannelOrderLine(t.TransactionId.ToString(CultureInfo.InvariantCulture), t.Sku ?? "", t.Title, t.Quantity,
                Money(t.Price)))],
        };
    }

    /// <summary>
    /// The listing's products, one per variant: its SKU, price and quantity, and with more than one variant the
    /// options it varies on as Etsy's custom properties (the option names in the draft's order).
    /// </summary>
    public static EtsyInventoryUpdate ToInventory(ListingDraft draft)
    {
        var varying = draft.Variants.Count > 1
            ? draft.Variants.SelectMany(v => v.Options.Keys).Distinct(StringComparer.Ordinal).Take(CustomProperties.Length).ToList()
            : [];
        var products = draft.Variants.Select(v => new EtsyInventoryUpdateProduct
        {
            Sku = v.Sku,
            PropertyValues = [.. varying.Select((name, i) => new EtsyPropertyValue
            {
                PropertyId = CustomProperties[i], PropertyName = name, Values = [v.Options.TryGetValue(name, out var value) ? value : "-"],
            })],
            Offerings = [new EtsyInventoryUpdateOffering { Price = v.Price.Amount, Quantity = v.Quantity }],
        }).ToList();
        var on = CustomProperties.Take(varying.Count).ToList();
        return new EtsyInventoryUpdate { Products = products, PriceOnProperty = on, QuantityOnProperty = on, SkuOnProperty = on };
    }

    /// <summary>The inventory as read, written back with new quantities and prices for the SKUs named (a full replace keeps the rest).</summary>
    public static EtsyInventoryUpdate WithChanges(EtsyInventory inventory, IReadOnlyDictionary<string, int> quantities, IReadOnlyDictionary<string, decimal> prices) => new()
    {
        Products = [.. inventory.Products.Where(p => !p.IsDeleted).Select(p => new EtsyInventoryUpdateProduct
        {
            Sku = p.Sku ?? "",
            PropertyValues = p.PropertyValues,
            Offerings = [.. p.Offerings.Where(o => !o.IsDeleted).Select(o => new EtsyInventoryUpdateOffering
            {
                Price = p.Sku is not null && prices.TryGetValue(p.Sku, out var price) ? price : Money(o.Price).Amount,
                Quantity = p.Sku is not null && quantities.TryGetValue(p.Sku, out var quantity) ? quantity : o.Quantity,
                IsEnabled = o.IsEnabled,
            })],
        })],
        PriceOnProperty = inventory.PriceOnProperty,
        QuantityOnProperty = inventory.QuantityOnProperty,
        SkuOnProperty = inventory.SkuOnProperty,
    };

    public static ChannelListingSnapshot ToSnapshot(EtsyListing listing, EtsyInventory inventory) => new(
        listing.ListingId.ToString(CultureInfo.InvariantCulture),
        listing.Title ?? "",
        listing.State ?? "",
        [.. inventory.Products.Where(p => !p.IsDeleted && !string.IsNullOrEmpty(p.Sku)).Select(p => new ChannelSkuSnapshot(p.Sku!,
            listing.ListingId.ToString(CultureInfo.InvariantCulture), p.Offerings.FirstOrDefault() is { } o ? Money(o.Price) : null,
            p.Offerings.Where(o => o.IsEnabled && !o.IsDeleted).Sum(o => o.Quantity)))]);
}
