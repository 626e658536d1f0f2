namespace SellerPortal.Integrations.Amazon.Dto;

// Orders API 2026-01-01 (searchOrders): camelCase, no payload wrapper, items inline; fields as in the official
// amazon_orders2026_searchOrders_example.json. Only what the portal reads is declared.

public sealed record AmazonSearchOrdersResponse
{
    public IReadOnlyList<AmazonOrderV2> Orders { get; init; } = [];
    public AmazonPagination? Pagination { get; init; }
    public string? LastUpdatedBefore { get; init; }
    public string? CreatedBefore { get; init; }
}

public sealed record AmazonPagination(string? NextToken);

/// <summary>getOrder (2026-01-01): the one order, items always included.</summary>
public sealed record AmazonGetOrderResponse(AmazonOrderV2? Order);

public sealed record AmazonOrderV2
{
    public required string OrderId { get; init; }
    public required string CreatedTime { get; init; }
    public required string LastUpdatedTime { get; init; }
    public AmazonSalesChannel? SalesChannel { get; init; }
    public AmazonBuyerV2? Buyer { get; init; }
    public AmazonRecipient? Recipient { get; init; }
    public AmazonProceeds? Proceeds { get; init; }
    public AmazonFulfillmentV2? Fulfillment { get; init; }
    public IReadOnlyList<AmazonOrderItemV2> OrderItems { get; init; } = [];
}

public sealed record AmazonSalesChannel(string? ChannelName, string? MarketplaceId, string? MarketplaceName);

public sealed record AmazonBuyerV2(string? BuyerName, string? BuyerEmail);

/// <summary>The same fields as v0's address (camelCase on this wire: the serializer options differ, not the record).</summary>
public sealed record AmazonRecipient(AmazonAddress? DeliveryAddress);

/// <summary>Amounts are decimal strings in v0's money shape.</summary>
public sealed record AmazonProceeds(AmazonMoney? GrandTotal);

/// <summary>
/// fulfillmentStatus is v0's OrderStatus in upper snake case (PENDING_AVAILABILITY, PENDING, UNSHIPPED,
/// PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE); fulfilledBy is MERCHANT or AMAZON.
/// </summary>
public sealed record AmazonFulfillmentV2(string? FulfillmentStatus, string? FulfilledBy);

public sealed record AmazonOrderItemV2
{
    public required string OrderItemId { get; init; }
    public int QuantityOrdered { get; init; }
    public AmazonItemProduct? Product { get; init; }
    public AmazonItemFulfillment? Fulfillment { get; init; }
}

public sealed record AmazonItemProduct
{
    public string? Asin { get; init; }
    public string? Title { get; init; }
    public required string SellerSku { get; init; }
    public AmazonItemPrice? Price { get; init; }
}

/// <summary>Unlike v0's ItemPrice (the line's price), 2026-01-01 gives the unit price.</summary>
public sealed record AmazonItemPrice(AmazonMoney? UnitPrice);

public sealed record AmazonItemFulfillment(int? QuantityFulfilled, int? QuantityUnfulfilled);
