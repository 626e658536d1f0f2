namespace SellerPortal.Integrations.Ebay.Dto;

// Inventory API (/sell/inventory/v1), camelCase on the wire. Amounts are decimal strings.

public sealed record EbayAmount(string Value, string Currency);

public sealed record EbayInventoryItem
{
    public string? Sku { get; init; }
    public EbayAvailability? Availability { get; init; }
    public string? Condition { get; init; }
    public EbayProduct? Product { get; init; }
}

public sealed record EbayAvailability(EbayShipToLocationAvailability? ShipToLocationAvailability);

public sealed record EbayShipToLocationAvailability(int? Quantity);

public sealed record EbayProduct
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public Dictionary<string, IReadOnlyList<string>>? Aspects { get; init; }
    public IReadOnlyList<string>? ImageUrls { get; init; }
    public string? Brand { get; init; }
    public string? Mpn { get; init; }
    public IReadOnlyList<string>? Upc { get; init; }
}

public sealed record EbayInventoryItemsPage
{
    public IReadOnlyList<EbayInventoryItem> InventoryItems { get; init; } = [];
    public int Total { get; init; }
    public int? Size { get; init; }
    public string? Next { get; init; }
    public string? Href { get; init; }
    public int? Limit { get; init; }
}

public sealed record EbayOffer
{
    public string? OfferId { get; init; }
    public required string Sku { get; init; }
    public required string MarketplaceId { get; init; }
    public required string Format { get; init; }
    public int? AvailableQuantity { get; init; }
    public string? CategoryId { get; init; }
    public string? ListingDescription { get; init; }
    public string? ListingDuration { get; init; }
    public EbayListingPolicies? ListingPolicies { get; init; }
    public EbayPricingSummary? PricingSummary { get; init; }
    public string? MerchantLocationKey { get; init; }
    public int? QuantityLimitPerBuyer { get; init; }
    /// <summary>Read-only: PUBLISHED or UNPUBLISHED.</summary>
    public string? Status { get; init; }
    public EbayOfferListing? Listing { get; init; }
}

public sealed record EbayListingPolicies(string? FulfillmentPolicyId, string? PaymentPolicyId, string? ReturnPolicyId);

public sealed record EbayPricingSummary(EbayAmount? Price);

public sealed record EbayOfferListing(string? ListingId, string? ListingStatus = null);

public sealed record EbayOffersPage
{
    public IReadOnlyList<EbayOffer> Offers { get; init; } = [];
    public int Total { get; init; }
}

public sealed record EbayOfferIdResponse(string OfferId);

public sealed record EbayListingIdResponse(string ListingId);

public sealed record EbayBulkPriceQuantityRequest(IReadOnlyList<EbayPriceQuantity> Requests);

public sealed record EbayPriceQuantity
{
    public required string Sku { get; init; }
    public EbayShipToLocationAvailability? ShipToLocationAvailability { get; init; }
    public IReadOnlyList<EbayOfferPriceQuantity>? Offers { get; init; }
}

public sealed record EbayOfferPriceQuantity(string OfferId, int? AvailableQuantity = null, EbayAmount? Price = null);

public sealed record EbayBulkPriceQuantityResponse(IReadOnlyList<EbayPriceQuantityResult> Responses);

public sealed record EbayPriceQuantityResult
{
    public int StatusCode { get; init; }
    public string? Sku { get; init; }
    public string? OfferId { get; init; }
    public IReadOnlyList<EbayError>? Errors { get; init; }
    public IReadOnlyList<EbayError>? Warnings { get; init; }
}
