namespace SellerPortal.Features.Sync;

/// <summary>
/// One change bound for a channel, in the durable queue. Claimed with a lease so a crash re-queues it;
/// coalesced by <see cref="DedupeKey"/> so the latest stock or price for a SKU replaces an older pending one.
/// </summary>
public sealed class SyncJob
{
    public long Id { get; set; }
    public int? ChannelAccountId { get; set; }
    public SyncJobKind Kind { get; set; }
    /// <summary>What the job acts on: a SKU, an external order id, a product id.</summary>
    public required string Target { get; set; }
    public string? Payload { get; set; }
    public string? DedupeKey { get; set; }
    /// <summary>Lower runs first: order imports and stock pushes never wait behind a bulk publish.</summary>
    public int Priority { get; set; }
    public SyncJobStatus Status { get; set; } = SyncJobStatus.Pending;
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 8;
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public string? LastError { get; set; }
    public Guid? BulkOperationId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
}

public enum SyncJobKind
{
    ImportOrders,
    RefreshOrder,
    PushShipment,
    PushStock,
    PushPrice,
    PublishListing,
    UpdateListing,
    UnpublishListing,
}

public enum SyncJobStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Dead,
    Cancelled,
}
