using System.Text.Json;

namespace SellerPortal.Integrations.Amazon.Dto;

// Feeds API 2021-06-30 and the JSON_LISTINGS_FEED (listings-feed-schema-v2) content and processing report.

public sealed record CreateFeedDocumentRequest(string ContentType);

public sealed record CreateFeedDocumentResponse(string FeedDocumentId, string Url);

public sealed record CreateFeedRequest
{
    public required string FeedType { get; init; }
    public required IReadOnlyList<string> MarketplaceIds { get; init; }
    public required string InputFeedDocumentId { get; init; }
}

public sealed record CreateFeedResponse(string FeedId);

public sealed record AmazonFeed
{
    public required string FeedId { get; init; }
    public required string FeedType { get; init; }
    public IReadOnlyList<string>? MarketplaceIds { get; init; }
    public required string CreatedTime { get; init; }
    public required string ProcessingStatus { get; init; }
    public string? ProcessingStartTime { get; init; }
    public string? ProcessingEndTime { get; init; }
    public string? ResultFeedDocumentId { get; init; }
}

public sealed record FeedDocument(string FeedDocumentId, string Url, string? CompressionAlgorithm = null);

public sealed record ListingsFeed
{
    public required ListingsFeedHeader Header { get; init; }
    public required IReadOnlyList<ListingsFeedMessage> Messages { get; init; }
}

public sealed record ListingsFeedHeader(string SellerId, string Version, string? IssueLocale = null);

public sealed record ListingsFeedMessage
{
    public required int MessageId { get; init; }
    public required string Sku { get; init; }
    public required string OperationType { get; init; }
    public string? ProductType { get; init; }
    public string? Requirements { get; init; }
    public Dictionary<string, JsonElement>? Attributes { get; init; }
    public IReadOnlyList<ListingsPatch>? Patches { get; init; }
}

public sealed record ListingsFeedProcessingReport
{
    public JsonElement? Header { get; init; }
    public IReadOnlyList<ListingsFeedIssue> Issues { get; init; } = [];
    public ListingsFeedSummary? Summary { get; init; }
}

public sealed record ListingsFeedIssue
{
    public int? MessageId { get; init; }
    public string? Sku { get; init; }
    public required string Code { get; init; }
    public required string Severity { get; init; }
    public required string Message { get; init; }
    public string? AttributeName { get; init; }
}

public sealed record ListingsFeedSummary
{
    public int Errors { get; init; }
    public int Warnings { get; init; }
    public int MessagesProcessed { get; init; }
    public int MessagesAccepted { get; init; }
    public int MessagesInvalid { get; init; }
}
