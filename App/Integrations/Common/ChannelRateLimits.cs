using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// A channel's client-side request budget per account: a token bucket of <see cref="Burst"/> refilled at
/// <see cref="RequestsPerSecond"/>, and an optional daily quota. Defaults are the marketplace's published limits, which
/// its own folder states and its registration line hands to <see cref="ChannelPipelineExtensions.AddChannelPipeline"/>
/// (<c>TikTokShopRateLimits.Client</c>); an account overrides them with the properties
/// <see cref="RequestsPerSecondProperty"/>, <see cref="BurstProperty"/> and <see cref="DailyQuotaProperty"/>
/// (some channels raise limits per app).
/// </summary>
public sealed record ChannelRateLimits(double RequestsPerSecond, int Burst, int? DailyQuota = null)
{
    public const string RequestsPerSecondProperty = "RateLimit.RequestsPerSecond";
    public const string BurstProperty = "RateLimit.Burst";
    public const string DailyQuotaProperty = "RateLimit.DailyQuota";

    /// <summary>Multiplies every operation's rate and burst: Amazon grants some sellers a larger usage plan.</summary>
    public const string OperationScaleProperty = "RateLimit.OperationScale";

    /// <summary>
    /// Per-operation buckets on top of the account's (Amazon: getOrders 0.0167/s after 20, putListingsItem 5/s…), by
    /// the operation name each request carries (<see cref="ChannelRequestOptions.Operation"/>). Empty: none.
    /// </summary>
    public IReadOnlyDictionary<string, OperationRateLimit> Operations { get; init; } = new Dictionary<string, OperationRateLimit>();

    /// <summary>What a channel without a registered pipeline gets: one call a second.</summary>
    public static ChannelRateLimits Unregistered { get; } = new(1, 1);

    /// <summary>These limits with the account's own overrides applied.</summary>
    public ChannelRateLimits ForAccount(ChannelAccountContext? account)
    {
        if (account is null)
        {
            return this;
        }

        var scale = Parse(account.Property(OperationScaleProperty), double.Parse) ?? 1;
        return new(
            Parse(account.Property(RequestsPerSecondProperty), double.Parse) ?? RequestsPerSecond,
            Parse(account.Property(BurstProperty), int.Parse) ?? Burst,
            Parse(account.Property(DailyQuotaProperty), int.Parse) ?? DailyQuota)
        {
            Operations = scale == 1 ? Operations
                : Operations.ToDictionary(o => o.Key, o => new OperationRateLimit(o.Value.RatePerSecond * scale, (int)Math.Min(int.MaxValue, o.Value.Burst * scale))),
        };
    }

    private static T? Parse<T>(string? value, Func<string, IFormatProvider, T> parse)
        where T : struct =>
        value is null ? null : parse(value, CultureInfo.InvariantCulture);
}

/// <summary>A channel's published limits, as its pipeline registration gave them (for accounts that have made no call yet).</summary>
public sealed record ChannelPipelineLimits(ChannelKind Channel, ChannelRateLimits Limits);

/// <summary>An operation's token bucket: <see cref="RatePerSecond"/> restores, <see cref="Burst"/> is the bucket size.</summary>
public sealed record OperationRateLimit(double RatePerSecond, int Burst);

/// <summary>
/// The rate limiters of every channel, per account. A singleton: HTTP message handlers are recycled by the
/// client factory, the buckets must outlive them. <see cref="For"/> reads them for the Sync page.
/// </summary>
public sealed class ChannelRateLimiters(TimeProvider clock, IEnumerable<ChannelPipelineLimits> registered) : IRateLimitSnapshots, IDisposable
{
    private readonly IReadOnlyDictionary<ChannelKind, ChannelRateLimits> published =
        registered.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Last().Limits);

    /// <summary>Limiters with no channel's pipeline registered (tests that pass the limits to every call).</summary>
    public ChannelRateLimiters(TimeProvider clock)
        : this(clock, [])
    {
    }

    /// <summary>The name of the one bucket each account has today: every call of the account draws on it.</summary>
    public const string AccountBucket = "All calls";

    private static readonly TimeSpan DailyWindow = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<(ChannelKind, int), AccountLimiter> limiters = new();

    /// <summary>Waits for a permit (queued, never dropped) and, where the channel has one, a slot in today's quota.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(ChannelKind channel, ChannelRateLimits defaults, ChannelAccountContext? account, CancellationToken ct) =>
        await AcquireAsync(channel, defaults, account, operation: null, ct);

    /// <summary>
    /// As above, and first a permit of the operation's own bucket where the channel has one: waiting there (a minute
    /// for Amazon's getOrders once its burst is spent) does not hold up the account's other operations.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(ChannelKind channel, ChannelRateLimits defaults, ChannelAccountContext? account, string? operation, CancellationToken ct)
    {
        var limiter = limiters.GetOrAdd((channel, account?.AccountId ?? 0), _ => new AccountLimiter(defaults.ForAccount(account), clock.GetUtcNow().UtcDateTime));
        if (operation is not null && limiter.Operation(operation) is { } bucket)
        {
            using var permit = await bucket.AcquireAsync(1, ct);
            if (!permit.IsAcquired)
            {
                permit.TryGetMetadata(MetadataName.RetryAfter, out var wait);
                throw new ChannelRateLimitException(channel, $"Too many {operation} calls are waiting for this account; try again shortly.", wait);
            }
        }

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

    /// <summary>
    /// The channel's own word on the account's day (Etsy's <c>x-remaining-today</c>): where it says fewer calls remain
    /// than our window holds (a restart began a fresh window, or another app or shop shares the key), our window takes
    /// the difference, so the quota is never spent twice. A larger figure changes nothing: ours stays the cautious one.
    /// </summary>
    public void ReportRemainingToday(ChannelKind channel, ChannelAccountContext account, int remaining)
    {
        if (limiters.TryGetValue((channel, account.AccountId), out var limiter) && limiter.Daily is { } daily
            && daily.GetStatistics()?.CurrentAvailablePermits is { } available && available > Math.Max(0, remaining))
        {
            // A fixed window does not give permits back when a lease is disposed: taking them spends them until the reset.
            daily.AttemptAcquire((int)Math.Min(int.MaxValue, available - Math.Max(0, remaining))).Dispose();
        }
    }

    public AccountRateLimitSnapshot For(ChannelAccountContext account)
    {
        if (!limiters.TryGetValue((account.Channel, account.AccountId), out var limiter))
        {
            // No call since start: the limits the first call will get, nothing used.
            var configured = (published.TryGetValue(account.Channel, out var limits) ? limits : ChannelRateLimits.Unregistered).ForAccount(account);
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

        var operations = limiter.UsedOperations.Select(o => (o.Key, Limit: limiter.Limits.Operations[o.Key], Stats: o.Value.GetStatistics()))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new RateBucketSnapshot(o.Key, o.Limit.RatePerSecond, Math.Max(1, o.Limit.Burst),
                (int)Math.Max(0, o.Stats?.CurrentAvailablePermits ?? 0), (int)(o.Stats?.CurrentQueuedCount ?? 0)));
        return new(account.AccountId, account.Channel,
            [new RateBucketSnapshot(AccountBucket, limiter.Limits.RequestsPerSecond, Math.Max(1, limiter.Limits.Burst),
                (int)Math.Max(0, bucket?.CurrentAvailablePermits ?? 0), (int)(bucket?.CurrentQueuedCount ?? 0)), .. operations],
            daily,
            CalledSinceStart: true);
    }

    public void Dispose()
    {
        foreach (var limiter in limiters.Values)
        {
            limiter.Bucket.Dispose();
            limiter.Daily?.Dispose();
            foreach (var operation in limiter.UsedOperations.Values)
            {
                operation.Dispose();
            }
        }
    }

    private sealed class AccountLimiter
    {
        private readonly DateTime createdUtc;

        public AccountLimiter(ChannelRateLimits limits, DateTime createdUtc)
        {
            Limits = limits;
            this.createdUtc = createdUtc;
            Bucket = NewBucket(limits.RequestsPerSecond, limits.Burst);
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

        public ConcurrentDictionary<string, TokenBucketRateLimiter> UsedOperations { get; } = new(StringComparer.Ordinal);

        /// <summary>The operation's bucket, made on its first call; null for an operation without a limit of its own.</summary>
        public TokenBucketRateLimiter? Operation(string operation) =>
            Limits.Operations.TryGetValue(operation, out var limit)
                ? UsedOperations.GetOrAdd(operation, _ => NewBucket(limit.RatePerSecond, limit.Burst))
                : null;

        /// <summary>One token per 1/rate seconds gives an even pace instead of a burst at the top of every second.</summary>
        private static TokenBucketRateLimiter NewBucket(double ratePerSecond, int burst) => new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / Math.Max(ratePerSecond, 1.0 / 86_400)),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

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
