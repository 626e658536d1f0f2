using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// What a shipment fulfils: the open fulfillment orders' lines with quantity left, limited to the order lines a
/// partial shipment names; and the tracking company and URL sent with it.
/// </summary>
public static class ShopifyFulfillments
{
    private static readonly string[] Closed = ["CLOSED", "CANCELLED", "INCOMPLETE"];

    public static IReadOnlyList<ShopifyFulfillmentOrderLineItemsInput> Select(IReadOnlyList<ShopifyFulfillmentOrder> orders, IReadOnlySet<string>? orderLineIds) =>
        [.. orders.Where(fo => !Closed.Contains(fo.Status))
            .Select(fo => (fo.Id, Lines: (fo.LineItems?.Nodes ?? [])
                .Where(l => l.RemainingQuantity > 0 && (orderLineIds is null || orderLineIds.Contains(l.LineItem.Id)))
                .Select(l => new ShopifyFulfillmentOrderLineItemInput(l.Id, l.RemainingQuantity)).ToList()))
            .Where(g => g.Lines.Count > 0)
            .Select(g => new ShopifyFulfillmentOrderLineItemsInput(g.Id, g.Lines))];

    /// <summary>Shopify's own names for the carriers it recognises (it derives their tracking URLs itself).</summary>
    public static string Company(string carrier) => Normalise(carrier) switch
    {
        "UPS" => "UPS",
        "USPS" => "USPS",
        "FEDEX" => "FedEx",
        "DHL" or "DHLEXPRESS" => "DHL Express",
        "ROYALMAIL" => "Royal Mail",
        "CANADAPOST" => "Canada Post",
        _ => carrier.Trim(),
    };

    /// <summary>A tracking page for common carriers; Shopify derives it for the names it knows, so this only helps where it would not.</summary>
    public static string? TrackingUrl(string carrier, string number)
    {
        var n = Uri.EscapeDataString(number.Trim());
        return Normalise(carrier) switch
        {
            "UPS" => $"https://www.ups.com/track?tracknum={n}",
            "USPS" => $"https://tools.usps.com/go/TrackConfirmAction?tLabels={n}",
            "FEDEX" => $"https://www.fedex.com/fedextrack/?trknbr={n}",
            "DHL" or "DHLEXPRESS" => $"https://www.dhl.com/en/express/tracking.html?AWB={n}",
            _ => null,
        };
    }

    private static string Normalise(string carrier) =>
        new([.. carrier.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
}
