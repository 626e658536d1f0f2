
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// The account a call is for: ids and non-secret settings only. Tokens come from <see cref="IAccessTokenSource"/>.
/// <see cref="Properties"/> holds channel-specific non-secret values (TikTok's shop_cipher, Amazon's marketplace id).
/// </summary>
public sealed record ChannelAccountContext(
    int AccountId,
    ChannelKind Channel,
    ChannelEnvironment Environment,
    string? ShopId = null,
    string? SellerId = null,
    string? Region = null)
{
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    public string? Property(string key) => Properties.TryGetValue(key, out var v) ? v : null;
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public bool HasMore => NextCursor is not null;
}

public sealed record ConnectionTestResult(bool Ok, string Message, string? ShopName = null);

/// <summary>A decimal amount as the channel shows it, with its currency. Built from minor units, never a float.</summary>
public sealed record ChannelMoney(decimal Amount, string Currency);

public sealed record ListingDraft
{
    public required string ProductKey { get; init; }
    public string? ExternalId { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Brand { get; init; }
    public string? CategoryId { get; init; }
    public string Condition { get; init; } = "New";
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyList<ListingVariantDraft> Variants { get; init; }
    /// <summary>Channel-specific fields (eBay policies, Amazon product type, TikTok category).</summary>
    public IReadOnlyDictionary<string, string> ChannelFields { get; init; } = new Dictionary<string, string>();
}

public sealed record ListingVariantDraft(
    string Sku,
    ChannelMoney Price,
    int Quantity,
    IReadOnlyDictionary<string, string> Options,
    string? ExternalSkuId = null,
    int? WeightGrams = null);

public sealed record ListingResult(string ExternalId, string? Url, IReadOnlyDictionary<string, string> ExternalSkuIds, string? Status = null);

public sealed record ListingRef(string ExternalId, IReadOnlyList<string> Skus);

public sealed record ChannelListingSnapshot(
    string ExternalId,
    string Title,
    string Status,
    IReadOnlyList<ChannelSkuSnapshot> Skus);

public sealed record ChannelSkuSnapshot(string Sku, string? ExternalSkuId, ChannelMoney? Price, int? Quantity);

public sealed record SkuQuantity(string Sku, int Quantity, string? ExternalId = null, string? ExternalSkuId = null);

public sealed record SkuPrice(string Sku, ChannelMoney Price, string? ExternalId = null, string? ExternalSkuId = null);

/// <summary>
/// A channel's answer for one SKU of a batched push. <paramref name="Retryable"/> marks a refusal that may pass later
/// unchanged (a compare-and-set that kept losing to sales), so the job is tried again instead of failing.
/// </summary>
public sealed record SkuUpdateResult(string Sku, bool Succeeded, string? ErrorCode = null, string? Error = null, bool Retryable = false)
{
    public static SkuUpdateResult Ok(string sku) => new(sku, true);
}

public sealed record OrderQuery(DateTime UpdatedSinceUtc, DateTime? UpdatedUntilUtc = null, string? Cursor = null, int PageSize = 50);

public sealed record ChannelOrder
{
    public required string ExternalOrderId { get; init; }
    public string? OrderNumber { get; init; }
    /// <summary>Another number staff may have for the order (eBay's legacy id), kept searchable.</summary>
    public string? AlternateOrderNumber { get; init; }
    public required OrderStatus Status { get; init; }
    public required string RawStatus { get; init; }
    public string? BuyerName { get; init; }
    public string? BuyerUsername { get; init; }
    public ChannelAddress? ShipTo { get; init; }
    public required ChannelMoney Total { get; init; }
    public required DateTime PlacedUtc { get; init; }
    public required DateTime UpdatedUtc { get; init; }
    public IReadOnlyList<ChannelOrderLine> Lines { get; init; } = [];
}

public sealed record ChannelOrderLine(string? ExternalLineId, string Sku, string? Title, int Quantity, ChannelMoney UnitPrice);

public sealed record ChannelAddress(
    string? Name,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? CountryCode,
    string? Phone);

public sealed record Shipment(
    string ExternalOrderId,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<string>? ExternalLineIds = null,
    DateTime? ShippedUtc = null);

/// <summary>
/// One attempt at a channel's API as the call log keeps it: the path with its query values redacted, never tokens,
/// never bodies. <paramref name="SucceededUtc"/> is set when the call succeeded for an account (its last good call).
/// </summary>
public sealed record ApiCallRecord(
    ChannelKind Channel,
    int? AccountId,
    string Operation,
    string Method,
    string Path,
    int? HttpStatus,
    TimeSpan Duration,
    string? ErrorCode,
    string? ErrorMessage,
    string? RequestId,
    DateTime StartedUtc,
    DateTime? SucceededUtc);

/// <summary>Where the channel pipeline records each attempt: the portal's API call log.</summary>
public interface IApiCallRecorder
{
    ValueTask RecordAsync(ApiCallRecord call);
}
