using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Amazon;

// Orders: v0 (PascalCase inside a lower-case "payload"; confirmShipment's body alone is camelCase) and 2026-01-01
// (camelCase, no payload wrapper, items inline), from ordersV0.json, orders_2026-01-01.json and the official examples.
// https://developer-docs.amazon.com/sp-api/docs/orders-api-v0-reference
// https://developer-docs.amazon.com/sp-api/reference/searchorders, https://developer-docs.amazon.com/sp-api/reference/getorder-3

internal sealed record AmazonWireV0Payload<T>([property: JsonPropertyName("payload")] T Payload);

internal sealed record AmazonWireV0Money(
    [property: JsonPropertyName("CurrencyCode")] string CurrencyCode,
    [property: JsonPropertyName("Amount")] string Amount);

internal sealed record AmazonWireV0Address
{
    [JsonPropertyName("Name")] public required string Name { get; init; }
    [JsonPropertyName("AddressLine1")] public string? AddressLine1 { get; init; }
    [JsonPropertyName("AddressLine2")] public string? AddressLine2 { get; init; }
    [JsonPropertyName("City")] public string? City { get; init; }
    [JsonPropertyName("StateOrRegion")] public string? StateOrRegion { get; init; }
    [JsonPropertyName("PostalCode")] public string? PostalCode { get; init; }
    [JsonPropertyName("CountryCode")] public string? CountryCode { get; init; }
    [JsonPropertyName("Phone")] public string? Phone { get; init; }
}

internal sealed record AmazonWireV0BuyerInfo(
    [property: JsonPropertyName("BuyerEmail")] string? BuyerEmail,
    [property: JsonPropertyName("BuyerName")] string? BuyerName = null);

internal sealed record AmazonWireV0Order
{
    [JsonPropertyName("AmazonOrderId")] public required string AmazonOrderId { get; init; }
    [JsonPropertyName("PurchaseDate")] public required string PurchaseDate { get; init; }
    [JsonPropertyName("LastUpdateDate")] public required string LastUpdateDate { get; init; }
    [JsonPropertyName("OrderStatus")] public required string OrderStatus { get; init; }
    [JsonPropertyName("FulfillmentChannel")] public string? FulfillmentChannel { get; init; }
    [JsonPropertyName("SalesChannel")] public string? SalesChannel { get; init; }
    [JsonPropertyName("OrderTotal")] public AmazonWireV0Money? OrderTotal { get; init; }
    [JsonPropertyName("NumberOfItemsShipped")] public int? NumberOfItemsShipped { get; init; }
    [JsonPropertyName("NumberOfItemsUnshipped")] public int? NumberOfItemsUnshipped { get; init; }
    [JsonPropertyName("MarketplaceId")] public string? MarketplaceId { get; init; }
    [JsonPropertyName("IsPrime")] public bool? IsPrime { get; init; }
    [JsonPropertyName("EarliestShipDate")] public string? EarliestShipDate { get; init; }
    [JsonPropertyName("LatestShipDate")] public string? LatestShipDate { get; init; }
    [JsonPropertyName("ShippingAddress")] public AmazonWireV0Address? ShippingAddress { get; init; }
    [JsonPropertyName("BuyerInfo")] public AmazonWireV0BuyerInfo? BuyerInfo { get; init; }
}

internal sealed record AmazonWireV0OrderItem
{
    [JsonPropertyName("ASIN")] public required string Asin { get; init; }
    [JsonPropertyName("SellerSKU")] public required string SellerSku { get; init; }
    [JsonPropertyName("OrderItemId")] public required string OrderItemId { get; init; }
    [JsonPropertyName("Title")] public string? Title { get; init; }
    [JsonPropertyName("QuantityOrdered")] public required int QuantityOrdered { get; init; }
    [JsonPropertyName("QuantityShipped")] public int? QuantityShipped { get; init; }
    /// <summary>The whole line's price (unit price × quantity ordered).</summary>
    [JsonPropertyName("ItemPrice")] public AmazonWireV0Money? ItemPrice { get; init; }
    [JsonPropertyName("ItemTax")] public AmazonWireV0Money? ItemTax { get; init; }
}

internal sealed record AmazonWireV0Orders(
    [property: JsonPropertyName("Orders")] IReadOnlyList<AmazonWireV0Order> Orders,
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("LastUpdatedBefore")] string? LastUpdatedBefore,
    [property: JsonPropertyName("CreatedBefore")] string? CreatedBefore);

internal sealed record AmazonWireV0OrderItems(
    [property: JsonPropertyName("AmazonOrderId")] string AmazonOrderId,
    [property: JsonPropertyName("OrderItems")] IReadOnlyList<AmazonWireV0OrderItem> OrderItems,
    [property: JsonPropertyName("NextToken")] string? NextToken = null);

// confirmShipment (POST /orders/v0/orders/{orderId}/shipmentConfirmation): ConfirmShipmentRequest, camelCase.

internal sealed record AmazonWireConfirmShipment(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("packageDetail")] AmazonWirePackageDetail PackageDetail,
    [property: JsonPropertyName("codCollectionMethod")] string? CodCollectionMethod = null);

internal sealed record AmazonWirePackageDetail(
    [property: JsonPropertyName("packageReferenceId")] string PackageReferenceId,
    [property: JsonPropertyName("carrierCode")] string CarrierCode,
    [property: JsonPropertyName("trackingNumber")] string TrackingNumber,
    [property: JsonPropertyName("shipDate")] string ShipDate,
    [property: JsonPropertyName("orderItems")] IReadOnlyList<AmazonWireConfirmShipmentItem> OrderItems,
    [property: JsonPropertyName("carrierName")] string? CarrierName = null,
    [property: JsonPropertyName("shippingMethod")] string? ShippingMethod = null,
    [property: JsonPropertyName("shipFromSupplySourceId")] string? ShipFromSupplySourceId = null);

internal sealed record AmazonWireConfirmShipmentItem(
    [property: JsonPropertyName("orderItemId")] string OrderItemId,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("transparencyCodes")] IReadOnlyList<string>? TransparencyCodes = null);

// Orders 2026-01-01: searchOrders and getOrder.

internal sealed record AmazonWireSearchOrders(
    [property: JsonPropertyName("orders")] IReadOnlyList<AmazonWireOrder> Orders,
    [property: JsonPropertyName("pagination")] AmazonWireOrdersPagination? Pagination,
    [property: JsonPropertyName("lastUpdatedBefore")] string? LastUpdatedBefore,
    [property: JsonPropertyName("createdBefore")] string? CreatedBefore);

internal sealed record AmazonWireOrdersPagination([property: JsonPropertyName("nextToken")] string NextToken);

internal sealed record AmazonWireGetOrder([property: JsonPropertyName("order")] AmazonWireOrder Order);

internal sealed record AmazonWireOrder
{
    [JsonPropertyName("orderId")] public required string OrderId { get; init; }
    [JsonPropertyName("createdTime")] public required string CreatedTime { get; init; }
    [JsonPropertyName("lastUpdatedTime")] public required string LastUpdatedTime { get; init; }
    [JsonPropertyName("salesChannel")] public required AmazonWireSalesChannel SalesChannel { get; init; }
    [JsonPropertyName("buyer")] public AmazonWireBuyer? Buyer { get; init; }
    [JsonPropertyName("recipient")] public AmazonWireRecipient? Recipient { get; init; }
    [JsonPropertyName("proceeds")] public AmazonWireProceeds? Proceeds { get; init; }
    [JsonPropertyName("fulfillment")] public AmazonWireOrderFulfillment? Fulfillment { get; init; }
    [JsonPropertyName("orderItems")] public required IReadOnlyList<AmazonWireOrderItem> OrderItems { get; init; }
}

internal sealed record AmazonWireSalesChannel(
    [property: JsonPropertyName("channelName")] string ChannelName,
    [property: JsonPropertyName("marketplaceId")] string? MarketplaceId,
    [property: JsonPropertyName("marketplaceName")] string? MarketplaceName);

internal sealed record AmazonWireBuyer(
    [property: JsonPropertyName("buyerName")] string? BuyerName,
    [property: JsonPropertyName("buyerEmail")] string? BuyerEmail);

internal sealed record AmazonWireRecipient([property: JsonPropertyName("deliveryAddress")] AmazonWireAddress DeliveryAddress);

internal sealed record AmazonWireAddress
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("addressLine1")] public string? AddressLine1 { get; init; }
    [JsonPropertyName("addressLine2")] public string? AddressLine2 { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("stateOrRegion")] public string? StateOrRegion { get; init; }
    [JsonPropertyName("postalCode")] public string? PostalCode { get; init; }
    [JsonPropertyName("countryCode")] public string? CountryCode { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
}

internal sealed record AmazonWireMoney(
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("amount")] string Amount);

internal sealed record AmazonWireProceeds([property: JsonPropertyName("grandTotal")] AmazonWireMoney GrandTotal);

/// <summary>fulfillmentStatus: PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE.</summary>
internal sealed record AmazonWireOrderFulfillment(
    [property: JsonPropertyName("fulfillmentStatus")] string FulfillmentStatus,
    [property: JsonPropertyName("fulfilledBy")] string FulfilledBy);

internal sealed record AmazonWireOrderItem
{
    [JsonPropertyName("orderItemId")] public required string OrderItemId { get; init; }
    [JsonPropertyName("quantityOrdered")] public required int QuantityOrdered { get; init; }
    [JsonPropertyName("product")] public required AmazonWireItemProduct Product { get; init; }
    [JsonPropertyName("fulfillment")] public AmazonWireItemFulfillment? Fulfillment { get; init; }
}

internal sealed record AmazonWireItemProduct(
    [property: JsonPropertyName("asin")] string Asin,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("sellerSku")] string SellerSku,
    [property: JsonPropertyName("price")] AmazonWireItemPrice? Price);

internal sealed record AmazonWireItemPrice([property: JsonPropertyName("unitPrice")] AmazonWireMoney UnitPrice);

internal sealed record AmazonWireItemFulfillment(
    [property: JsonPropertyName("quantityFulfilled")] int QuantityFulfilled,
    [property: JsonPropertyName("quantityUnfulfilled")] int QuantityUnfulfilled);
