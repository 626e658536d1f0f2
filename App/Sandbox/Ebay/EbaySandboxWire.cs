using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Ebay;

// The eBay emulator's own wire model, written member by member from eBay's OpenAPI contracts (sell_inventory_v1,
// sell_fulfillment_v1, sell_account_v1) and the published examples; nothing here is shared with the client, so a
// member the client names wrongly is refused here as eBay would refuse it.
// https://developer.ebay.com/api-docs/sell/inventory/overview.html, https://developer.ebay.com/api-docs/sell/fulfillment/overview.html

/// <summary>How the emulator reads and writes eBay JSON: exact camelCase names, no unknown members, no numbers in strings.</summary>
internal static class EbaySandboxJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}

// Errors (every Sell API): {"errors":[{"errorId","domain","category","message","longMessage","parameters":[{"name","value"}]}]}

internal sealed record EbayWireErrorResponse([property: JsonPropertyName("errors")] IReadOnlyList<EbayWireError> Errors);

internal sealed record EbayWireError
{
    [JsonPropertyName("errorId")] public int ErrorId { get; init; }
    [JsonPropertyName("domain")] public string? Domain { get; init; }
    [JsonPropertyName("category")] public string? Category { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("longMessage")] public string? LongMessage { get; init; }
    [JsonPropertyName("parameters")] public IReadOnlyList<EbayWireErrorParameter>? Parameters { get; init; }
}

internal sealed record EbayWireErrorParameter([property: JsonPropertyName("name")] string? Name, [property: JsonPropertyName("value")] string? Value);

// OAuth and notification keys.

internal sealed record EbayWireTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("refresh_token_expires_in")] int? RefreshTokenExpiresIn,
    [property: JsonPropertyName("token_type")] string TokenType);

internal sealed record EbayWireOAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

internal sealed record EbayWirePublicKey(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("digest")] string Digest);

// Inventory API: InventoryItem, InventoryItems, EbayOfferDetailsWithKeys / WithId, BulkPriceQuantity.

internal sealed record EbayWireAmount(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("currency")] string Currency);

internal sealed record EbayWireInventoryItem
{
    /// <summary>Read only: on getInventoryItem(s), never taken on createOrReplaceInventoryItem (the SKU is the path).</summary>
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    [JsonPropertyName("availability")] public EbayWireAvailability? Availability { get; init; }
    [JsonPropertyName("condition")] public string? Condition { get; init; }
    [JsonPropertyName("conditionDescription")] public string? ConditionDescription { get; init; }
    [JsonPropertyName("product")] public EbayWireProduct? Product { get; init; }
}

internal sealed record EbayWireAvailability(
    [property: JsonPropertyName("shipToLocationAvailability")] EbayWireShipToLocationAvailability? ShipToLocationAvailability);

internal sealed record EbayWireShipToLocationAvailability([property: JsonPropertyName("quantity")] int? Quantity);

internal sealed record EbayWireProduct
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("subtitle")] public string? Subtitle { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("aspects")] public Dictionary<string, IReadOnlyList<string>>? Aspects { get; init; }
    [JsonPropertyName("imageUrls")] public IReadOnlyList<string>? ImageUrls { get; init; }
    [JsonPropertyName("brand")] public string? Brand { get; init; }
    [JsonPropertyName("mpn")] public string? Mpn { get; init; }
    [JsonPropertyName("upc")] public IReadOnlyList<string>? Upc { get; init; }
    [JsonPropertyName("ean")] public IReadOnlyList<string>? Ean { get; init; }
    [JsonPropertyName("isbn")] public IReadOnlyList<string>? Isbn { get; init; }
    [JsonPropertyName("epid")] public string? Epid { get; init; }
}

internal sealed record EbayWireInventoryItemsPage
{
    [JsonPropertyName("href")] public string? Href { get; init; }
    [JsonPropertyName("inventoryItems")] public IReadOnlyList<EbayWireInventoryItem> InventoryItems { get; init; } = [];
    [JsonPropertyName("limit")] public int? Limit { get; init; }
    [JsonPropertyName("next")] public string? Next { get; init; }
    [JsonPropertyName("size")] public int? Size { get; init; }
    [JsonPropertyName("total")] public int Total { get; init; }
}

/// <summary>
/// createOffer's EbayOfferDetailsWithKeys (sku, marketplaceId, format required) and, read back, the offer with its
/// offerId, status and listing. updateOffer takes <see cref="EbayWireOfferUpdate"/> instead.
/// </summary>
internal sealed record EbayWireOffer
{
    [JsonPropertyName("offerId")] public string? OfferId { get; init; }
    [JsonPropertyName("sku")] public required string Sku { get; init; }
    [JsonPropertyName("marketplaceId")] public required string MarketplaceId { get; init; }
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("availableQuantity")] public int? AvailableQuantity { get; init; }
    [JsonPropertyName("categoryId")] public string? CategoryId { get; init; }
    [JsonPropertyName("listingDescription")] public string? ListingDescription { get; init; }
    [JsonPropertyName("listingDuration")] public string? ListingDuration { get; init; }
    [JsonPropertyName("listingPolicies")] public EbayWireListingPolicies? ListingPolicies { get; init; }
    [JsonPropertyName("pricingSummary")] public EbayWirePricingSummary? PricingSummary { get; init; }
    [JsonPropertyName("merchantLocationKey")] public string? MerchantLocationKey { get; init; }
    [JsonPropertyName("quantityLimitPerBuyer")] public int? QuantityLimitPerBuyer { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("listing")] public EbayWireOfferListing? Listing { get; init; }
}

/// <summary>updateOffer's EbayOfferDetailsWithId: the offer's details without its keys (sku, marketplaceId, format).</summary>
internal sealed record EbayWireOfferUpdate
{
    [JsonPropertyName("availableQuantity")] public int? AvailableQuantity { get; init; }
    [JsonPropertyName("categoryId")] public string? CategoryId { get; init; }
    [JsonPropertyName("listingDescription")] public string? ListingDescription { get; init; }
    [JsonPropertyName("listingDuration")] public string? ListingDuration { get; init; }
    [JsonPropertyName("listingPolicies")] public EbayWireListingPolicies? ListingPolicies { get; init; }
    [JsonPropertyName("pricingSummary")] public EbayWirePricingSummary? PricingSummary { get; init; }
    [JsonPropertyName("merchantLocationKey")] public string? MerchantLocationKey { get; init; }
    [JsonPropertyName("quantityLimitPerBuyer")] public int? QuantityLimitPerBuyer { get; init; }
}

internal sealed record EbayWireListingPolicies(
    [property: JsonPropertyName("fulfillmentPolicyId")] string? FulfillmentPolicyId,
    [property: JsonPropertyName("paymentPolicyId")] string? PaymentPolicyId,
    [property: JsonPropertyName("returnPolicyId")] string? ReturnPolicyId);

internal sealed record EbayWirePricingSummary([property: JsonPropertyName("price")] EbayWireAmount? Price);

internal sealed record EbayWireOfferListing(
    [property: JsonPropertyName("listingId")] string? ListingId,
    [property: JsonPropertyName("listingStatus")] string? ListingStatus = null);

internal sealed record EbayWireOffersPage
{
    [JsonPropertyName("offers")] public IReadOnlyList<EbayWireOffer> Offers { get; init; } = [];
    [JsonPropertyName("total")] public int Total { get; init; }
}

internal sealed record EbayWireOfferIdResponse([property: JsonPropertyName("offerId")] string OfferId);

internal sealed record EbayWireBulkPriceQuantityRequest([property: JsonPropertyName("requests")] IReadOnlyList<EbayWirePriceQuantity> Requests);

internal sealed record EbayWirePriceQuantity
{
    [JsonPropertyName("sku")] public required string Sku { get; init; }
    [JsonPropertyName("shipToLocationAvailability")] public EbayWireShipToLocationAvailability? ShipToLocationAvailability { get; init; }
    [JsonPropertyName("offers")] public IReadOnlyList<EbayWireOfferPriceQuantity>? Offers { get; init; }
}

internal sealed record EbayWireOfferPriceQuantity(
    [property: JsonPropertyName("offerId")] string OfferId,
    [property: JsonPropertyName("availableQuantity")] int? AvailableQuantity = null,
    [property: JsonPropertyName("price")] EbayWireAmount? Price = null);

internal sealed record EbayWireBulkPriceQuantityResponse([property: JsonPropertyName("responses")] IReadOnlyList<EbayWirePriceQuantityResult> Responses);

internal sealed record EbayWirePriceQuantityResult
{
    [JsonPropertyName("statusCode")] public int StatusCode { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("offerId")] public string? OfferId { get; init; }
    [JsonPropertyName("errors")] public IReadOnlyList<EbayWireError>? Errors { get; init; }
    [JsonPropertyName("warnings")] public IReadOnlyList<EbayWireError>? Warnings { get; init; }
}

// Inventory locations (Inventory API) and business policies (Account API).

internal sealed record EbayWireLocationAddress
{
    [JsonPropertyName("addressLine1")] public string? AddressLine1 { get; init; }
    [JsonPropertyName("addressLine2")] public string? AddressLine2 { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("stateOrProvince")] public string? StateOrProvince { get; init; }
    [JsonPropertyName("postalCode")] public string? PostalCode { get; init; }
    [JsonPropertyName("country")] public string? Country { get; init; }
}

internal sealed record EbayWireLocation([property: JsonPropertyName("address")] EbayWireLocationAddress? Address);

/// <summary>createInventoryLocation's InventoryLocationFull.</summary>
internal sealed record EbayWireInventoryLocation
{
    [JsonPropertyName("location")] public EbayWireLocation? Location { get; init; }
    [JsonPropertyName("locationTypes")] public IReadOnlyList<string>? LocationTypes { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("merchantLocationStatus")] public string? MerchantLocationStatus { get; init; }
    [JsonPropertyName("phone")] public string? Phone { get; init; }
}

/// <summary>getInventoryLocations' InventoryLocationResponse.</summary>
internal sealed record EbayWireLocationResponse
{
    [JsonPropertyName("merchantLocationKey")] public required string MerchantLocationKey { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("merchantLocationStatus")] public string? MerchantLocationStatus { get; init; }
    [JsonPropertyName("locationTypes")] public IReadOnlyList<string>? LocationTypes { get; init; }
    [JsonPropertyName("location")] public EbayWireLocation? Location { get; init; }
}

internal sealed record EbayWireLocationsPage
{
    [JsonPropertyName("href")] public string? Href { get; init; }
    [JsonPropertyName("limit")] public int Limit { get; init; }
    [JsonPropertyName("next")] public string? Next { get; init; }
    [JsonPropertyName("offset")] public int Offset { get; init; }
    [JsonPropertyName("total")] public int Total { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<EbayWireLocationResponse> Locations { get; init; } = [];
}

internal sealed record EbayWireFulfillmentPolicy(
    [property: JsonPropertyName("fulfillmentPolicyId")] string FulfillmentPolicyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId);

internal sealed record EbayWirePaymentPolicy(
    [property: JsonPropertyName("paymentPolicyId")] string PaymentPolicyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId);

internal sealed record EbayWireReturnPolicy(
    [property: JsonPropertyName("returnPolicyId")] string ReturnPolicyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId);

internal sealed record EbayWireFulfillmentPolicies(
    [property: JsonPropertyName("fulfillmentPolicies")] IReadOnlyList<EbayWireFulfillmentPolicy> FulfillmentPolicies,
    [property: JsonPropertyName("total")] int Total);

internal sealed record EbayWirePaymentPolicies(
    [property: JsonPropertyName("paymentPolicies")] IReadOnlyList<EbayWirePaymentPolicy> PaymentPolicies,
    [property: JsonPropertyName("total")] int Total);

internal sealed record EbayWireReturnPolicies(
    [property: JsonPropertyName("returnPolicies")] IReadOnlyList<EbayWireReturnPolicy> ReturnPolicies,
    [property: JsonPropertyName("total")] int Total);
