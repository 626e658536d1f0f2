using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Amazon.Dto;

// Listings Items API 2021-08-01: camelCase envelope, snake_case attribute names inside "attributes".

public sealed record ListingsItemPutRequest
{
    public required string ProductType { get; init; }
    public string? Requirements { get; init; }
    public required Dictionary<string, JsonElement> Attributes { get; init; }
}

public sealed record ListingsItemPatchRequest
{
    public required string ProductType { get; init; }
    public required IReadOnlyList<ListingsPatch> Patches { get; init; }
}

public sealed record ListingsPatch(string Op, string Path, JsonElement? Value = null);

public sealed record ListingsItemSubmissionResponse
{
    public required string Sku { get; init; }
    public required string Status { get; init; }
    public string? SubmissionId { get; init; }
    public IReadOnlyList<ListingsIssue> Issues { get; init; } = [];
}

public sealed record ListingsIssue
{
    public required string Code { get; init; }
    public required string Message { get; init; }
    public required string Severity { get; init; }
    public IReadOnlyList<string>? AttributeNames { get; init; }
}

public sealed record ListingsItem
{
    public required string Sku { get; init; }
    public IReadOnlyList<ListingsItemSummary>? Summaries { get; init; }
    public Dictionary<string, JsonElement>? Attributes { get; init; }
    public IReadOnlyList<ListingsIssue>? Issues { get; init; }
    public IReadOnlyList<ListingsOffer>? Offers { get; init; }
    public IReadOnlyList<ListingsFulfillmentAvailability>? FulfillmentAvailability { get; init; }
}

public sealed record ListingsItemSummary
{
    public required string MarketplaceId { get; init; }
    public string? Asin { get; init; }
    public string? ProductType { get; init; }
    public string? ConditionType { get; init; }
    public IReadOnlyList<string>? Status { get; init; }
    public string? ItemName { get; init; }
    public string? CreatedDate { get; init; }
    public string? LastUpdatedDate { get; init; }
}

/// <summary>Offers in the Listings API carry lower-case <c>currencyCode</c>/<c>amount</c> (amount a decimal string).</summary>
public sealed record ListingsOffer
{
    public required string MarketplaceId { get; init; }
    public required string OfferType { get; init; }
    public required ListingsMoney Price { get; init; }
}

public sealed record ListingsMoney(string CurrencyCode, string Amount);

public sealed record ListingsFulfillmentAvailability(string FulfillmentChannelCode, int? Quantity = null);

public sealed record ListingsSearchResponse
{
    public int NumberOfResults { get; init; }
    public ListingsPagination? Pagination { get; init; }
    public IReadOnlyList<ListingsItem> Items { get; init; } = [];
}

public sealed record ListingsPagination(string? NextToken, string? PreviousToken = null);

// Attribute value shapes we write (snake_case on the wire).

public sealed record TextAttribute(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("marketplace_id")] string? MarketplaceId = null,
    [property: JsonPropertyName("language_tag")] string? LanguageTag = null);

public sealed record PurchasableOfferAttribute(
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("our_price")] IReadOnlyList<OurPrice> OurPrice,
    [property: JsonPropertyName("marketplace_id")] string MarketplaceId);

public sealed record OurPrice([property: JsonPropertyName("schedule")] IReadOnlyList<PriceSchedule> Schedule);

/// <summary>A JSON number on the wire; written from <see cref="decimal"/>, so never a binary float.</summary>
public sealed record PriceSchedule([property: JsonPropertyName("value_with_tax")] decimal ValueWithTax);

public sealed record FulfillmentAvailabilityAttribute(
    [property: JsonPropertyName("fulfillment_channel_code")] string FulfillmentChannelCode,
    [property: JsonPropertyName("quantity")] int Quantity);
