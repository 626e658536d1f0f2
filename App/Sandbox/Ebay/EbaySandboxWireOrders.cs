using System.Globalization;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Ebay;

// Fulfillment API (/sell/fulfillment/v1): OrderSearchPagedCollection, Order, ShippingFulfillmentDetails.
// https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:Order

internal sealed record EbayWireOrdersPage
{
    [JsonPropertyName("href")] public string? Href { get; init; }
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("next")] public string? Next { get; init; }
    [JsonPropertyName("limit")] public int Limit { get; init; }
    [JsonPropertyName("offset")] public int Offset { get; init; }
    [JsonPropertyName("orders")] public IReadOnlyList<EbayWireOrder> Orders { get; init; } = [];
}

internal sealed record EbayWireOrder
{
    [JsonPropertyName("orderId")] public required string OrderId { get; init; }
    [JsonPropertyName("legacyOrderId")] public string? LegacyOrderId { get; init; }
    [JsonPropertyName("creationDate")] public required string CreationDate { get; init; }
    [JsonPropertyName("lastModifiedDate")] public required string LastModifiedDate { get; init; }
    [JsonPropertyName("orderFulfillmentStatus")] public required string OrderFulfillmentStatus { get; init; }
    [JsonPropertyName("orderPaymentStatus")] public string? OrderPaymentStatus { get; init; }
    [JsonPropertyName("sellerId")] public string? SellerId { get; init; }
    [JsonPropertyName("buyer")] public EbayWireBuyer? Buyer { get; init; }
    [JsonPropertyName("pricingSummary")] public EbayWireOrderPricingSummary? PricingSummary { get; init; }
    [JsonPropertyName("cancelStatus")] public EbayWireCancelStatus? CancelStatus { get; init; }
    [JsonPropertyName("fulfillmentStartInstructions")] public IReadOnlyList<EbayWireFulfillmentStartInstruction>? FulfillmentStartInstructions { get; init; }
    [JsonPropertyName("lineItems")] public IReadOnlyList<EbayWireLineItem> LineItems { get; init; } = [];
}

internal sealed record EbayWireBuyer(
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("buyerRegistrationAddress")] EbayWireBuyerRegistrationAddress? BuyerRegistrationAddress = null);

internal sealed record EbayWireBuyerRegistrationAddress(
    [property: JsonPropertyName("fullName")] string? FullName,
    [property: JsonPropertyName("email")] string? Email = null);

internal sealed record EbayWireOrderPricingSummary(
    [property: JsonPropertyName("priceSubtotal")] EbayWireAmount? PriceSubtotal = null,
    [property: JsonPropertyName("deliveryCost")] EbayWireAmount? DeliveryCost = null,
    [property: JsonPropertyName("total")] EbayWireAmount? Total = null);

internal sealed record EbayWireCancelStatus([property: JsonPropertyName("cancelState")] string? CancelState);

internal sealed record EbayWireFulfillmentStartInstruction(
    [property: JsonPropertyName("fulfillmentInstructionsType")] string? FulfillmentInstructionsType,
    [property: JsonPropertyName("shippingStep")] EbayWireShippingStep? ShippingStep);

internal sealed record EbayWireShippingStep(
    [property: JsonPropertyName("shipTo")] EbayWireShipTo? ShipTo,
    [property: JsonPropertyName("shippingCarrierCode")] string? ShippingCarrierCode = null,
    [property: JsonPropertyName("shippingServiceCode")] string? ShippingServiceCode = null);

internal sealed record EbayWireShipTo(
    [property: JsonPropertyName("fullName")] string? FullName,
    [property: JsonPropertyName("contactAddress")] EbayWireContactAddress? ContactAddress,
    [property: JsonPropertyName("primaryPhone")] EbayWirePhone? PrimaryPhone = null);

internal sealed record EbayWireContactAddress
{
    [JsonPropertyName("addressLine1")] public string? AddressLine1 { get; init; }
    [JsonPropertyName("addressLine2")] public string? AddressLine2 { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("stateOrProvince")] public string? StateOrProvince { get; init; }
    [JsonPropertyName("postalCode")] public string? PostalCode { get; init; }
    [JsonPropertyName("countryCode")] public string? CountryCode { get; init; }
}

internal sealed record EbayWirePhone([property: JsonPropertyName("phoneNumber")] string? PhoneNumber);

internal sealed record EbayWireLineItem
{
    [JsonPropertyName("lineItemId")] public required string LineItemId { get; init; }
    [JsonPropertyName("legacyItemId")] public string? LegacyItemId { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("lineItemCost")] public EbayWireAmount? LineItemCost { get; init; }
    [JsonPropertyName("lineItemFulfillmentStatus")] public string? LineItemFulfillmentStatus { get; init; }
}

/// <summary>createShippingFulfillment's ShippingFulfillmentDetails.</summary>
internal sealed record EbayWireShippingFulfillmentRequest
{
    [JsonPropertyName("lineItems")] public required IReadOnlyList<EbayWireLineItemReference> LineItems { get; init; }
    [JsonPropertyName("shippedDate")] public string? ShippedDate { get; init; }
    [JsonPropertyName("shippingCarrierCode")] public required string ShippingCarrierCode { get; init; }
    [JsonPropertyName("trackingNumber")] public required string TrackingNumber { get; init; }
}

internal sealed record EbayWireLineItemReference(
    [property: JsonPropertyName("lineItemId")] string LineItemId,
    [property: JsonPropertyName("quantity")] int Quantity);

/// <summary>The emulator's own readings of eBay's formats and limits.</summary>
internal static class EbaySandboxFormats
{
    /// <summary>getOrders: limit 1 to 200 (https://developer.ebay.com/api-docs/sell/fulfillment/resources/order/methods/getOrders).</summary>
    public const int OrdersPageLimit = 200;

    /// <summary>bulkUpdatePriceQuantity: at most 25 requests (https://developer.ebay.com/api-docs/sell/inventory/resources/offer/methods/bulkUpdatePriceQuantity).</summary>
    public const int BulkPriceQuantityLimit = 25;

    /// <summary>eBay's timestamps: ISO 8601 UTC with milliseconds, <c>2026-11-01T10:00:00.000Z</c>.</summary>
    public static string Iso(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>The currency each marketplace lists in (https://developer.ebay.com/api-docs/static/rest-request-components.html#marketpl).</summary>
    public static string Currency(string marketplaceId) => marketplaceId switch
    {
        "EBAY_GB" => "GBP",
        "EBAY_DE" or "EBAY_FR" or "EBAY_IT" or "EBAY_ES" or "EBAY_AT" or "EBAY_BE" or "EBAY_NL" or "EBAY_IE" => "EUR",
        "EBAY_CA" => "CAD",
        "EBAY_AU" => "AUD",
        _ => "USD",
    };

    /// <summary>The cancel state when cancelled, else the fulfillment status.</summary>
    public static string RawStatus(EbayWireOrder order) =>
        order.CancelStatus?.CancelState == "CANCELED" ? "CANCELED" : order.OrderFulfillmentStatus;
}
