namespace SellerPortal.Integrations.Shopify.Dto;

// The Admin API 2026-10 input objects the client sends as variables, named as the schema names their fields.
// Money is the schema's Money scalar: a decimal string ("21.50").

public sealed record ShopifyProductSetInput
{
    public required string Title { get; init; }
    public string? Handle { get; init; }
    public string? DescriptionHtml { get; init; }
    public string? Vendor { get; init; }
    public required string Status { get; init; }
    public required IReadOnlyList<ShopifyOptionSetInput> ProductOptions { get; init; }
    public required IReadOnlyList<ShopifyVariantSetInput> Variants { get; init; }
    public IReadOnlyList<ShopifyFileSetInput>? Files { get; init; }
}

public sealed record ShopifyOptionSetInput(string Name, int Position, IReadOnlyList<ShopifyOptionValueSetInput> Values);

public sealed record ShopifyOptionValueSetInput(string Name);

public sealed record ShopifyVariantSetInput
{
    public string? Id { get; init; }
    public required string Sku { get; init; }
    public required string Price { get; init; }
    public required IReadOnlyList<ShopifyVariantOptionValueInput> OptionValues { get; init; }
    public required ShopifyInventoryItemInput InventoryItem { get; init; }
    public IReadOnlyList<ShopifyProductSetInventoryInput>? InventoryQuantities { get; init; }
}

public sealed record ShopifyVariantOptionValueInput(string OptionName, string Name);

public sealed record ShopifyInventoryItemInput(string Sku, bool Tracked);

public sealed record ShopifyProductSetInventoryInput(string LocationId, string Name, int Quantity);

public sealed record ShopifyFileSetInput(string OriginalSource, string ContentType);

public sealed record ShopifyIdentifier(string Id);

/// <summary>productSet's identifier: the product's id to update, or a handle to upsert (create once, then update).</summary>
public sealed record ShopifyProductSetIdentifier(string? Id = null, string? Handle = null);

public sealed record ShopifyProductUpdateInput(string Id, string Status);

public sealed record ShopifyVariantPriceInput(string Id, string Price);

public sealed record ShopifyInventorySetQuantitiesInput(string Name, string Reason, string ReferenceDocumentUri, IReadOnlyList<ShopifyInventoryQuantityInput> Quantities);

/// <summary>
/// One quantity to set. <see cref="ChangeFromQuantity"/> is the compare-and-set the 2026-04+ schema makes mandatory:
/// the quantity we read, never a blind null (which would skip the check).
/// </summary>
public sealed record ShopifyInventoryQuantityInput(string InventoryItemId, string LocationId, int Quantity, int ChangeFromQuantity);

public sealed record ShopifyFulfillmentInput(
    IReadOnlyList<ShopifyFulfillmentOrderLineItemsInput> LineItemsByFulfillmentOrder,
    ShopifyFulfillmentTrackingInput TrackingInfo,
    bool NotifyCustomer);

public sealed record ShopifyFulfillmentOrderLineItemsInput(string FulfillmentOrderId, IReadOnlyList<ShopifyFulfillmentOrderLineItemInput>? FulfillmentOrderLineItems);

public sealed record ShopifyFulfillmentOrderLineItemInput(string Id, int Quantity);

public sealed record ShopifyFulfillmentTrackingInput(string? Company, string Number, string? Url);
