namespace SellerPortal.Integrations.Ebay.Dto;

// Fulfillment API (/sell/fulfillment/v1).

public sealed record EbayOrdersPage
{
    public string? Href { get; init; }
    public int Total { get; init; }
    public string? Next { get; init; }
    public int Limit { get; init; }
    public int Offset { get; init; }
    public IReadOnlyList<EbayOrder> Orders { get; init; } = [];
}

public sealed record EbayOrder
{
    public required string OrderId { get; init; }
    public string? LegacyOrderId { get; init; }
    public required string CreationDate { get; init; }
    public required string LastModifiedDate { get; init; }
    public required string OrderFulfillmentStatus { get; init; }
    public string? OrderPaymentStatus { get; init; }
    public string? SellerId { get; init; }
    public EbayBuyer? Buyer { get; init; }
    public EbayOrderPricingSummary? PricingSummary { get; init; }
    public EbayCancelStatus? CancelStatus { get; init; }
    public IReadOnlyList<EbayFulfillmentStartInstruction>? FulfillmentStartInstructions { get; init; }
    public IReadOnlyList<EbayLineItem> LineItems { get; init; } = [];
}

public sealed record EbayBuyer(string? Username, EbayBuyerRegistrationAddress? BuyerRegistrationAddress = null);

public sealed record EbayBuyerRegistrationAddress(string? FullName, string? Email = null);

public sealed record EbayOrderPricingSummary(EbayAmount? PriceSubtotal = null, EbayAmount? DeliveryCost = null, EbayAmount? Total = null);

public sealed record EbayCancelStatus(string? CancelState);

public sealed record EbayFulfillmentStartInstruction(string? FulfillmentInstructionsType, EbayShippingStep? ShippingStep);

public sealed record EbayShippingStep(EbayShipTo? ShipTo, string? ShippingCarrierCode = null, string? ShippingServiceCode = null);

public sealed record EbayShipTo(string? FullName, EbayContactAddress? ContactAddress, EbayPhone? PrimaryPhone = null);

public sealed record EbayContactAddress
{
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? PostalCode { get; init; }
    public string? CountryCode { get; init; }
}

public sealed record EbayPhone(string? PhoneNumber);

public sealed record EbayLineItem
{
    public required string LineItemId { get; init; }
    public string? LegacyItemId { get; init; }
    public string? Sku { get; init; }
    public string? Title { get; init; }
    public int Quantity { get; init; }
    /// <summary>Unit price × quantity, per the Fulfillment API.</summary>
    public EbayAmount? LineItemCost { get; init; }
    public string? LineItemFulfillmentStatus { get; init; }
}

public sealed record EbayShippingFulfillmentRequest
{
    public required IReadOnlyList<EbayLineItemReference> LineItems { get; init; }
    public required string ShippedDate { get; init; }
    public required string ShippingCarrierCode { get; init; }
    public required string TrackingNumber { get; init; }
}

public sealed record EbayLineItemReference(string LineItemId, int Quantity);
