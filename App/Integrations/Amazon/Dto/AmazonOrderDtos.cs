using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Amazon.Dto;

// Orders API v0 uses PascalCase names on the wire; these records carry them verbatim (see AmazonJson.Orders).

public sealed record AmazonMoney(string? CurrencyCode, string? Amount);

public sealed record AmazonAddress
{
    public string? Name { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? StateOrRegion { get; init; }
    public string? PostalCode { get; init; }
    public string? CountryCode { get; init; }
    public string? Phone { get; init; }
}

public sealed record AmazonBuyerInfo(string? BuyerEmail, string? BuyerName = null);

public sealed record AmazonOrder
{
    public required string AmazonOrderId { get; init; }
    public required string PurchaseDate { get; init; }
    public required string LastUpdateDate { get; init; }
    public required string OrderStatus { get; init; }
    public string? FulfillmentChannel { get; init; }
    public string? SalesChannel { get; init; }
    public AmazonMoney? OrderTotal { get; init; }
    public int? NumberOfItemsShipped { get; init; }
    public int? NumberOfItemsUnshipped { get; init; }
    public string? MarketplaceId { get; init; }
    public bool? IsPrime { get; init; }
    public string? EarliestShipDate { get; init; }
    public string? LatestShipDate { get; init; }
    public AmazonAddress? ShippingAddress { get; init; }
    public AmazonBuyerInfo? BuyerInfo { get; init; }
}

public sealed record AmazonOrdersPayload
{
    public IReadOnlyList<AmazonOrder> Orders { get; init; } = [];
    public string? NextToken { get; init; }
    public string? LastUpdatedBefore { get; init; }
    public string? CreatedBefore { get; init; }
}

public sealed record AmazonOrderItem
{
    public string? ASIN { get; init; }
    public required string SellerSKU { get; init; }
    public required string OrderItemId { get; init; }
    public string? Title { get; init; }
    public int QuantityOrdered { get; init; }
    public int? QuantityShipped { get; init; }
    /// <summary>The price of the whole line (unit price × quantity ordered), per the Orders API.</summary>
    public AmazonMoney? ItemPrice { get; init; }
    public AmazonMoney? ItemTax { get; init; }
}

public sealed record AmazonOrderItemsPayload
{
    public string? AmazonOrderId { get; init; }
    public IReadOnlyList<AmazonOrderItem> OrderItems { get; init; } = [];
    public string? NextToken { get; init; }
}

/// <summary>Orders v0 wraps every answer in lower-case <c>payload</c> (the fields inside are PascalCase); errors come in <c>errors</c>.</summary>
public sealed record AmazonPayloadResponse<T>
{
    [JsonPropertyName("payload")]
    public T? Payload { get; init; }

    [JsonPropertyName("errors")]
    public IReadOnlyList<AmazonError>? Errors { get; init; }
}

/// <summary>
/// confirmShipment's body. Unlike the rest of Orders v0 it is camelCase (ordersV0.json's ConfirmShipmentRequest; the
/// official request example), so every member names itself here rather than trusting the v0 PascalCase options.
/// https://developer-docs.amazon.com/sp-api/reference/confirmshipment
/// </summary>
public sealed record AmazonConfirmShipmentRequest
{
    [JsonPropertyName("marketplaceId")]
    public required string MarketplaceId { get; init; }

    [JsonPropertyName("packageDetail")]
    public required AmazonPackageDetail PackageDetail { get; init; }
}

public sealed record AmazonPackageDetail
{
    [JsonPropertyName("packageReferenceId")]
    public required string PackageReferenceId { get; init; }

    /// <summary>One of Amazon's carrier codes (<see cref="SellerPortal.Integrations.Amazon.AmazonCarrierCodes"/>), or <c>Other</c> with <see cref="CarrierName"/>.</summary>
    [JsonPropertyName("carrierCode")]
    public required string CarrierCode { get; init; }

    [JsonPropertyName("carrierName")]
    public string? CarrierName { get; init; }

    [JsonPropertyName("shippingMethod")]
    public string? ShippingMethod { get; init; }

    [JsonPropertyName("trackingNumber")]
    public required string TrackingNumber { get; init; }

    [JsonPropertyName("shipDate")]
    public required string ShipDate { get; init; }

    [JsonPropertyName("orderItems")]
    public required IReadOnlyList<AmazonConfirmShipmentItem> OrderItems { get; init; }
}

public sealed record AmazonConfirmShipmentItem(
    [property: JsonPropertyName("orderItemId")] string OrderItemId,
    [property: JsonPropertyName("quantity")] int Quantity);
