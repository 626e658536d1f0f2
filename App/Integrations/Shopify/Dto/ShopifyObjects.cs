namespace SellerPortal.Integrations.Shopify.Dto;

// The Admin API 2026-10 objects the client reads, with only the fields its documents select (ShopifyDocuments).

public sealed record ShopifyShop(string Id, string Name, string MyshopifyDomain, string CurrencyCode);

public sealed record ShopifyLocation(string Id, string Name, bool IsActive);

public sealed record ShopifyShopData(ShopifyShop Shop, ShopifyConnection<ShopifyLocation> Locations);

public sealed record ShopifyNode(string Id);

public sealed record ShopifyProduct
{
    public string Id { get; init; } = "";
    public string? Title { get; init; }
    public string? Status { get; init; }
    public string? OnlineStoreUrl { get; init; }
    public ShopifyConnection<ShopifyVariant>? Variants { get; init; }
}

public sealed record ShopifyVariant
{
    public string Id { get; init; } = "";
    public string? Sku { get; init; }
    public decimal? Price { get; init; }
    public int? InventoryQuantity { get; init; }
    public ShopifyNode? Product { get; init; }
    public ShopifyInventoryItem? InventoryItem { get; init; }
}

public sealed record ShopifyInventoryItem
{
    public string Id { get; init; } = "";
    public bool Tracked { get; init; }
    public ShopifyInventoryLevel? InventoryLevel { get; init; }
}

public sealed record ShopifyInventoryLevel(IReadOnlyList<ShopifyQuantity> Quantities);

public sealed record ShopifyQuantity(string Name, int Quantity);

public sealed record ShopifyMoneyBag(ShopifyMoney ShopMoney);

public sealed record ShopifyMoney(decimal Amount, string CurrencyCode);

public sealed record ShopifyCustomer(string Id, string? DisplayName);

public sealed record ShopifyMailingAddress
{
    public string? Name { get; init; }
    public string? Address1 { get; init; }
    public string? Address2 { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public string? ProvinceCode { get; init; }
    public string? Zip { get; init; }
    public string? CountryCodeV2 { get; init; }
    public string? Phone { get; init; }
}

public sealed record ShopifyOrder
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public bool Closed { get; init; }
    public string? DisplayFinancialStatus { get; init; }
    public string? DisplayFulfillmentStatus { get; init; }
    public ShopifyMoneyBag? TotalPriceSet { get; init; }
    public string? CurrencyCode { get; init; }
    public string? Email { get; init; }
    public ShopifyCustomer? Customer { get; init; }
    public ShopifyMailingAddress? ShippingAddress { get; init; }
    public ShopifyConnection<ShopifyLineItem>? LineItems { get; init; }
}

public sealed record ShopifyLineItem
{
    public string Id { get; init; } = "";
    public string? Sku { get; init; }
    public string? Title { get; init; }
    public int Quantity { get; init; }
    public ShopifyMoneyBag? OriginalUnitPriceSet { get; init; }
}

public sealed record ShopifyFulfillmentOrder
{
    public string Id { get; init; } = "";
    public string? Status { get; init; }
    public ShopifyConnection<ShopifyFulfillmentOrderLineItem>? LineItems { get; init; }
}

public sealed record ShopifyFulfillmentOrderLineItem(string Id, int RemainingQuantity, ShopifyNode LineItem);

public sealed record ShopifyOrderFulfillmentOrders(string Id, ShopifyConnection<ShopifyFulfillmentOrder> FulfillmentOrders);

// Each document's data.

public sealed record ShopifyTestData(ShopifyShop Shop);

public sealed record ShopifyProductsData(ShopifyConnection<ShopifyProduct> Products);

public sealed record ShopifyVariantsData(ShopifyConnection<ShopifyVariant> ProductVariants);

public sealed record ShopifyOrdersData(ShopifyConnection<ShopifyOrder> Orders);

public sealed record ShopifyOrderData(ShopifyOrder? Order);

public sealed record ShopifyFulfillmentOrdersData(ShopifyOrderFulfillmentOrders? Order);

public sealed record ShopifyPayload
{
    public ShopifyProduct? Product { get; init; }
    public string? DeletedProductId { get; init; }
    public IReadOnlyList<ShopifyVariant>? ProductVariants { get; init; }
    public ShopifyNode? InventoryAdjustmentGroup { get; init; }
    public ShopifyNode? Fulfillment { get; init; }
    public IReadOnlyList<ShopifyUserError> UserErrors { get; init; } = [];
}

public sealed record ShopifyProductSetData(ShopifyPayload? ProductSet);

public sealed record ShopifyProductUpdateData(ShopifyPayload? ProductUpdate);

public sealed record ShopifyProductDeleteData(ShopifyPayload? ProductDelete);

public sealed record ShopifyVariantsBulkUpdateData(ShopifyPayload? ProductVariantsBulkUpdate);

public sealed record ShopifyInventorySetData(ShopifyPayload? InventorySetQuantities);

public sealed record ShopifyFulfillmentCreateData(ShopifyPayload? FulfillmentCreate);
