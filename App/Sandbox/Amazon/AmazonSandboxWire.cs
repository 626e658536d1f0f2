using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Amazon;

// The Amazon emulator's own wire model, written member by member from Amazon's SP-API models (listingsItems_2021-08-01,
// feeds_2021-06-30, listings-feed-schema-v2, catalogItems_2022-04-01, fbaInventory) and the official examples; nothing
// here is shared with the client, so a member the client names wrongly is refused here as Amazon would refuse it.
// https://developer-docs.amazon.com/sp-api/reference/putlistingsitem
// https://developer-docs.amazon.com/sp-api/reference/createfeed

/// <summary>How the emulator reads and writes SP-API JSON: exact member names, no unknown members, no numbers in strings.</summary>
internal static class AmazonSandboxJson
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

    /// <summary>SP-API's date-time form: UTC with whole seconds.</summary>
    public static string Utc(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static bool TryParseUtc(string? value, out DateTime utc) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    public static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static decimal Amount(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The currency a marketplace sells in.</summary>
    public static string CurrencyOf(string? marketplaceId) => marketplaceId switch
    {
        "A2EUQ1WTGCTBG2" => "CAD",
        "A1F83G8C2ARO7P" => "GBP",
        "A1PA6795UKMFR9" or "A13V1IB3VIYZZH" or "APJ6JRA9NG5V4" or "A1RKKUPIHCS9HS" => "EUR",
        "A21TJRUUN4KGV" => "INR",
        "A1VC38T7YXB528" => "JPY",
        _ => "USD",
    };
}

// Errors (every SP-API operation): {"errors":[{"code","message","details"}]}

internal sealed record AmazonWireErrorList([property: JsonPropertyName("errors")] IReadOnlyList<AmazonWireError> Errors);

internal sealed record AmazonWireError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("details")] string? Details);

// Login with Amazon.

internal sealed record AmazonWireLwaToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);

internal sealed record AmazonWireLwaError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

// Listings Items API 2021-08-01.

internal sealed record AmazonWireListingsPut(
    [property: JsonPropertyName("productType")] string ProductType,
    [property: JsonPropertyName("requirements")] string? Requirements,
    [property: JsonPropertyName("attributes")] Dictionary<string, JsonElement> Attributes);

internal sealed record AmazonWireListingsPatchBody(
    [property: JsonPropertyName("productType")] string ProductType,
    [property: JsonPropertyName("patches")] IReadOnlyList<AmazonWirePatch> Patches);

internal sealed record AmazonWirePatch(
    [property: JsonPropertyName("op")] string Op,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("value")] JsonElement? Value = null);

internal sealed record AmazonWireSubmission(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("submissionId")] string SubmissionId,
    [property: JsonPropertyName("issues")] IReadOnlyList<AmazonWireIssue> Issues);

internal sealed record AmazonWireIssue(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("attributeNames")] IReadOnlyList<string>? AttributeNames = null);

internal sealed record AmazonWireListingsItem(
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("summaries")] IReadOnlyList<AmazonWireListingSummary> Summaries,
    [property: JsonPropertyName("attributes")] Dictionary<string, JsonElement> Attributes,
    [property: JsonPropertyName("issues")] IReadOnlyList<AmazonWireIssue> Issues,
    [property: JsonPropertyName("offers")] IReadOnlyList<AmazonWireOffer> Offers,
    [property: JsonPropertyName("fulfillmentAvailability")] IReadOnlyList<AmazonWireFulfillmentAvailability> FulfillmentAvailability);

internal sealed record AmazonWireListingSummary(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("asin")] string Asin,
    [property: JsonPropertyName("productType")] string ProductType,
    [property: JsonPropertyName("conditionType")] string? ConditionType,
    [property: JsonPropertyName("status")] IReadOnlyList<string> Status,
    [property: JsonPropertyName("itemName")] string? ItemName,
    [property: JsonPropertyName("createdDate")] string CreatedDate,
    [property: JsonPropertyName("lastUpdatedDate")] string LastUpdatedDate);

internal sealed record AmazonWireOffer(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("offerType")] string OfferType,
    [property: JsonPropertyName("price")] AmazonWireListingMoney Price);

internal sealed record AmazonWireListingMoney(
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("amount")] string Amount);

internal sealed record AmazonWireFulfillmentAvailability(
    [property: JsonPropertyName("fulfillmentChannelCode")] string FulfillmentChannelCode,
    [property: JsonPropertyName("quantity")] int? Quantity);

internal sealed record AmazonWireListingsSearch(
    [property: JsonPropertyName("numberOfResults")] int NumberOfResults,
    [property: JsonPropertyName("pagination")] AmazonWirePageTokens? Pagination,
    [property: JsonPropertyName("items")] IReadOnlyList<AmazonWireListingsItem> Items);

internal sealed record AmazonWirePageTokens(
    [property: JsonPropertyName("nextToken")] string? NextToken,
    [property: JsonPropertyName("previousToken")] string? PreviousToken = null);

// Catalog Items API 2022-04-01.

internal sealed record AmazonWireCatalogSearch(
    [property: JsonPropertyName("numberOfResults")] int NumberOfResults,
    [property: JsonPropertyName("pagination")] AmazonWirePageTokens? Pagination,
    [property: JsonPropertyName("items")] IReadOnlyList<AmazonWireCatalogItem> Items);

internal sealed record AmazonWireCatalogItem(
    [property: JsonPropertyName("asin")] string Asin,
    [property: JsonPropertyName("summaries")] IReadOnlyList<AmazonWireCatalogSummary>? Summaries,
    [property: JsonPropertyName("images")] IReadOnlyList<AmazonWireCatalogImages>? Images,
    [property: JsonPropertyName("identifiers")] IReadOnlyList<AmazonWireCatalogIdentifiers>? Identifiers);

internal sealed record AmazonWireCatalogSummary(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("itemName")] string ItemName,
    [property: JsonPropertyName("brand")] string? Brand);

internal sealed record AmazonWireCatalogImages(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("images")] IReadOnlyList<AmazonWireCatalogImage> Images);

internal sealed record AmazonWireCatalogImage(
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("link")] string Link,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("width")] int Width);

internal sealed record AmazonWireCatalogIdentifiers(
    [property: JsonPropertyName("marketplaceId")] string MarketplaceId,
    [property: JsonPropertyName("identifiers")] IReadOnlyList<AmazonWireCatalogIdentifier> Identifiers);

internal sealed record AmazonWireCatalogIdentifier(
    [property: JsonPropertyName("identifierType")] string IdentifierType,
    [property: JsonPropertyName("identifier")] string Identifier);

// FBA Inventory API v1 (getInventorySummaries).

internal sealed record AmazonWireInventoryResponse(
    [property: JsonPropertyName("payload")] AmazonWireInventoryPayload Payload,
    [property: JsonPropertyName("pagination")] AmazonWirePageTokens? Pagination);

internal sealed record AmazonWireInventoryPayload(
    [property: JsonPropertyName("granularity")] AmazonWireGranularity Granularity,
    [property: JsonPropertyName("inventorySummaries")] IReadOnlyList<AmazonWireInventorySummary> InventorySummaries);

internal sealed record AmazonWireGranularity(
    [property: JsonPropertyName("granularityType")] string GranularityType,
    [property: JsonPropertyName("granularityId")] string GranularityId);

internal sealed record AmazonWireInventorySummary(
    [property: JsonPropertyName("asin")] string Asin,
    [property: JsonPropertyName("fnSku")] string FnSku,
    [property: JsonPropertyName("sellerSku")] string SellerSku,
    [property: JsonPropertyName("condition")] string Condition,
    [property: JsonPropertyName("inventoryDetails")] AmazonWireInventoryDetails? InventoryDetails,
    [property: JsonPropertyName("lastUpdatedTime")] string LastUpdatedTime,
    [property: JsonPropertyName("productName")] string ProductName,
    [property: JsonPropertyName("totalQuantity")] int TotalQuantity);

internal sealed record AmazonWireInventoryDetails(
    [property: JsonPropertyName("fulfillableQuantity")] int FulfillableQuantity,
    [property: JsonPropertyName("inboundWorkingQuantity")] int InboundWorkingQuantity,
    [property: JsonPropertyName("inboundShippedQuantity")] int InboundShippedQuantity,
    [property: JsonPropertyName("inboundReceivingQuantity")] int InboundReceivingQuantity);

// Feeds API 2021-06-30.

internal sealed record AmazonWireCreateFeedDocument([property: JsonPropertyName("contentType")] string ContentType);

internal sealed record AmazonWireFeedDocumentCreated(
    [property: JsonPropertyName("feedDocumentId")] string FeedDocumentId,
    [property: JsonPropertyName("url")] string Url);

internal sealed record AmazonWireFeedDocument(
    [property: JsonPropertyName("feedDocumentId")] string FeedDocumentId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("compressionAlgorithm")] string? CompressionAlgorithm);

internal sealed record AmazonWireCreateFeed(
    [property: JsonPropertyName("feedType")] string FeedType,
    [property: JsonPropertyName("marketplaceIds")] IReadOnlyList<string> MarketplaceIds,
    [property: JsonPropertyName("inputFeedDocumentId")] string InputFeedDocumentId,
    [property: JsonPropertyName("feedOptions")] Dictionary<string, string>? FeedOptions = null);

internal sealed record AmazonWireFeedCreated([property: JsonPropertyName("feedId")] string FeedId);

internal sealed record AmazonWireFeed
{
    [JsonPropertyName("feedId")] public required string FeedId { get; init; }
    [JsonPropertyName("feedType")] public required string FeedType { get; init; }
    [JsonPropertyName("marketplaceIds")] public IReadOnlyList<string>? MarketplaceIds { get; init; }
    [JsonPropertyName("createdTime")] public required string CreatedTime { get; init; }
    [JsonPropertyName("processingStatus")] public required string ProcessingStatus { get; init; }
    [JsonPropertyName("processingStartTime")] public string? ProcessingStartTime { get; init; }
    [JsonPropertyName("processingEndTime")] public string? ProcessingEndTime { get; init; }
    [JsonPropertyName("resultFeedDocumentId")] public string? ResultFeedDocumentId { get; init; }
}

// JSON_LISTINGS_FEED (listings-feed-schema-v2) and its processing report (listings-feed-processing-report-schema-v2).
// https://developer-docs.amazon.com/sp-api/docs/listings-feed-type-values

internal sealed record AmazonWireListingsFeed(
    [property: JsonPropertyName("header")] AmazonWireListingsFeedHeader Header,
    [property: JsonPropertyName("messages")] IReadOnlyList<AmazonWireListingsFeedMessage> Messages);

internal sealed record AmazonWireListingsFeedHeader(
    [property: JsonPropertyName("sellerId")] string SellerId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("issueLocale")] string? IssueLocale = null,
    [property: JsonPropertyName("report")] JsonElement? Report = null);

internal sealed record AmazonWireListingsFeedMessage(
    [property: JsonPropertyName("messageId")] int MessageId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("operationType")] string OperationType,
    [property: JsonPropertyName("productType")] string? ProductType = null,
    [property: JsonPropertyName("requirements")] string? Requirements = null,
    [property: JsonPropertyName("attributes")] Dictionary<string, JsonElement>? Attributes = null,
    [property: JsonPropertyName("patches")] IReadOnlyList<AmazonWirePatch>? Patches = null);

internal sealed record AmazonWireProcessingReport(
    [property: JsonPropertyName("header")] AmazonWireReportHeader Header,
    [property: JsonPropertyName("issues")] IReadOnlyList<AmazonWireReportIssue> Issues,
    [property: JsonPropertyName("summary")] AmazonWireReportSummary Summary);

internal sealed record AmazonWireReportHeader(
    [property: JsonPropertyName("sellerId")] string SellerId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("feedId")] string FeedId);

internal sealed record AmazonWireReportIssue(
    [property: JsonPropertyName("messageId")] int? MessageId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("attributeName")] string? AttributeName = null);

internal sealed record AmazonWireReportSummary(
    [property: JsonPropertyName("errors")] int Errors,
    [property: JsonPropertyName("warnings")] int Warnings,
    [property: JsonPropertyName("messagesProcessed")] int MessagesProcessed,
    [property: JsonPropertyName("messagesAccepted")] int MessagesAccepted,
    [property: JsonPropertyName("messagesInvalid")] int MessagesInvalid);
