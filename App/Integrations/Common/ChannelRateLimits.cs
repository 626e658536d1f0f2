using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// A channel's client-side request budget per account: a token bucket of <see cref="Burst"/> refilled at
/// <see cref="RequestsPerSecond"/>, and an optional daily quota. Defaults are the published limits in
/// /work/shared/api (see <see cref="For"/>); an account overrides them with the properties
/// <see cref="RequestsPerSecondProperty"/>, <see cref="BurstProperty"/> and <see cref="DailyQuotaProperty"/>
/// (some channels raise limits per app).
/// </summary>
public sealed record ChannelRateLimits(double RequestsPerSecond, int Burst, int? DailyQuota = null)
{
    public const string RequestsPerSecondProperty = "RateLimit.RequestsPerSecond";
    public const string BurstProperty = "RateLimit.Burst";
    public const string DailyQuotaProperty = "RateLimit.DailyQuota";

    public static ChannelRateLimits For(ChannelKind channel) => channel switch
    {
        // tiktok-shop.md: 50/s per API per app and shop, counted per second (the seeds' 10/s left four fifths of it unused:
        // a price wave, one call per product, took five times its floor). A bucket of B at rate R can let B + R through in
        // one second, so 48/s with a bucket of 1 stays under 50 in every window.
        ChannelKind.TikTokShop => new(48, 1),
        // amazon-sp-api.md: per-operation buckets (getOrders 0.0167/20 … putListingsItem 5/10); this is the account-wide
        // ceiling; the client paces its slow operations itself.
        ChannelKind.Amazon => new(5, 10),
        // ebay.md: limits are per day per API (Inventory API about 2,000,000/day).
        ChannelKind.Ebay => new(10, 20, 2_000_000),
        // etsy.md: 10 QPS and 10,000 QPD per key.
        ChannelKind.Etsy => new(10, 10, 10_000),
        // shopify.md: REST 2/s Standard with a bucket of 40 (GraphQL is cost-based and paced by the client).
        ChannelKind.Shopify => new(2, 40),
        // flipkart.md: not published; a conservative guess.
        ChannelKind.Flipkart => new(5, 5),
        // indiamart.md: advised once every 5 minutes.
        ChannelKind.IndiaMart => new(1.0 / 300, 1),
        // gem.md: no public API.
        ChannelKind.Gem => new(1, 1),
        // shipstation.md: 40 requests a minute per key pair.
        ChannelKind.ShipStation => new(40.0 / 60, 40),
        _ => new(1, 1),
    };

    /// <summary>These limits with the account's own overrides applied.</summary>
    public ChannelRateLimits ForAccount(ChannelAccountContext? account)
    {
        if (account is null)
        {
            return this;
        }

        return new(
            Parse(account.Property(RequestsPerSecondProperty), double.Parse) ?? RequestsPerSecond,
            Parse(account.Property(BurstProperty), int.Parse) ?? Burst,
            Parse(account.Property(DailyQuotaProperty), int.Parse) ?? DailyQuota);
    }

    private static T? Parse<T>(string? value, Func<string, IFormatProvider, T> parse)
        where T : struct =>
        value is null ? null : parse(value, CultureInfo.InvariantCulture);
}

/// <summary>
/// The rate limiters of every channel, per account. A singleton: HTTP message handlers are recycled by the
/// client factory, the buckets must outlive them. <see cref="For"/> reads them for the Sync page.
/// </summary>
public sealed class ChannelRateLimiters(TimeProvider clock) : IRateLimitSnapshots, IDisposable
{
    /// <summary>The name of the one bucket each account has today: every call of the account draws on it.</summary>
    public const string AccountBucket = "All calls";

    private static readonly TimeSpan DailyWindow = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(ChannelKind, int), AccountLimiter> limiters = new();

    /// <summary>Waits for a permit (queued, never dropped) and, where the channel has one, a slot in today's quota.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(ChannelKind channel, ChannelRateLimits defaults, ChannelAccountContext? account, CancellationToken ct)
    {
        var limiter = limiters.GetOrAdd((channel, account?.AccountId ?? 0), _ => new AccountLimiter(defaults.ForAccount(account), clock.GetUtcNow().UtcDateTime));
        if (limiter.Daily is not null)
        {
            using var daily = await limiter.Daily.AcquireAsync(1, ct);
            if (!daily.IsAcquired)
            {
                daily.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
                throw new ChannelRateLimitException(channel,
                    "Today's call quota for this account is used up; calls resume when the quota resets.", retryAfter);
            }
        }

        var lease = await limiter.Bucket.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
            lease.Dispose();
            throw new ChannelRateLimitException(channel, "Too many calls are waiting for this account; try again shortly.", retryAfter);
        }

        return lease;
    }

    public AccountRateLimitSnapshot For(ChannelAccountContext account)
    {
        if (!limiters.TryGetValue((account.Channel, account.AccountId), out var limiter))
        {
            // No call since start: the limits the first call will get, nothing used.
            var configured = ChannelRateLimits.For(account.Channel).ForAccount(account);
            var burst = Math.Max(1, configured.Burst);
            return new(account.AccountId, account.Channel,
                [new RateBucketSnapshot(AccountBucket, configured.RequestsPerSecond, burst, burst, 0)],
                configured.DailyQuota is { } quota ? new DailyQuotaSnapshot(0, quota, null) : null,
                CalledSinceStart: false);
        }

        var bucket = limiter.Bucket.GetStatistics();
        DailyQuotaSnapshot? daily = null;
        if (limiter.Daily is not null && limiter.Limits.DailyQuota is { } limit)
        {
            var left = (int)Math.Clamp(limiter.Daily.GetStatistics()?.CurrentAvailablePermits ?? limit, 0, limit);
            daily = new DailyQuotaSnapshot(limit - left, limit, limiter.NextDailyReset(clock.GetUtcNow().UtcDateTime));
        }

        return new(account.AccountId, account.Channel,
            [new RateBucketSnapshot(AccountBucket, limiter.Limits.RequestsPerSecond, Math.Max(1, limiter.Limits.Burst),
                (int)Math.Max(0, bucket?.CurrentAvailablePermits ?? 0), (int)(bucket?.CurrentQueuedCount ?? 0))],
            daily,
            CalledSinceStart: true);
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Bucket.Dispose();
            limiter.Daily?.Dispose();
        }
    }

    private sealed class AccountLimiter
    {
        private readonly DateTime createdUtc;

        public AccountLimiter(ChannelRateLimits limits, DateTime createdUtc)
        {
            Limits = limits;
            this.createdUtc = createdUtc;
            // One token per 1/rate seconds gives an even pace instead of a burst at the top of every second.
            Bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, limits.Burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / Math.Max(limits.RequestsPerSecond, 1.0 / 86_400)),
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
            if (limits.DailyQuota is { } quota)
            {
                // A fixed window from the first call; in memory, so a restart gives a fresh window (the channel's
                // own 429 still stops us).
                Daily = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
                {
                    PermitLimit = quota,
                    Window = DailyWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            }
        }

        public ChannelRateLimits Limits { get; }

        public TokenBucketRateLimiter Bucket { get; }

        public FixedWindowRateLimiter? Daily { get; }

        /// <summary>The window's timer starts with the limiter and renews it every day from then.</summary>
        public DateTime NextDailyReset(DateTime nowUtc)
        {
            var windows = Math.Max(0, (nowUtc - createdUtc).Ticks / DailyWindow.Ticks);
            return createdUtc + DailyWindow * (windows + 1);
        }
    }
}
