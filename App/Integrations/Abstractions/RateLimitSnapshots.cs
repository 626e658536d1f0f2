
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// One client-side token bucket as it stands: its configured pace (<see cref="RequestsPerSecond"/>, bucket size
/// <see cref="Burst"/>), the tokens a call could take now, and the calls waiting for one.
/// </summary>
public sealed record RateBucketSnapshot(string Name, double RequestsPerSecond, int Burst, int TokensAvailable, int Waiting);

/// <summary>
/// An account's daily call quota where its channel has one: calls counted in the current window, the limit, and when
/// the window resets (null until the first call opens it).
/// </summary>
public sealed record DailyQuotaSnapshot(int Used, int Limit, DateTime? ResetsUtc);

/// <summary>An account's outbound call limits as they stand now. Read-only: taking it uses no token.</summary>
public sealed record AccountRateLimitSnapshot(
    int AccountId,
    ChannelKind Channel,
    IReadOnlyList<RateBucketSnapshot> Buckets,
    DailyQuotaSnapshot? DailyQuota,
    bool CalledSinceStart);

/// <summary>Reads the outbound pipeline's per-account limiters without touching them.</summary>
public interface IRateLimitSnapshots
{
    /// <summary>
    /// The account's limits: its live buckets once it has made a call since the app started, otherwise the configured
    /// limits with full buckets and an unused quota.
    /// </summary>
    AccountRateLimitSnapshot For(ChannelAccountContext account);
}

/// <summary>
/// A channel's own limits beside the client's token buckets (Shopify's query-cost bucket, one per shop), read for the
/// Sync page with the rest of the account's limits. Registered once per channel that has them.
/// </summary>
public interface IChannelRateBuckets
{
    ChannelKind Channel { get; }

    /// <summary>The account's own buckets as they stand now. Read-only: taking them uses nothing.</summary>
    IReadOnlyList<RateBucketSnapshot> For(ChannelAccountContext account);
}
