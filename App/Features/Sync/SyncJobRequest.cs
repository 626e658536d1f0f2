namespace SellerPortal.Features.Sync;

/// <summary>A change to queue for a channel account.</summary>
public sealed record SyncJobRequest(
    int? ChannelAccountId,
    SyncJobKind Kind,
    string Target,
    string? Payload = null,
    string? DedupeKey = null,
    Guid? BulkOperationId = null,
    int? Priority = null)
{
    /// <summary>One pending stock push per SKU per account: the latest quantity replaces an older pending one.</summary>
    public static string StockKey(int accountId, string sku) => $"stock:{accountId}:{sku}";

    public static string PriceKey(int accountId, string sku) => $"price:{accountId}:{sku}";
}
