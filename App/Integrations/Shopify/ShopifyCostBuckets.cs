using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify's query-cost leaky bucket as this client estimates it, one per shop (shopify.md §4.3). Every answer's
/// <c>extensions.cost.throttleStatus</c> resets the estimate to what Shopify says; between answers it refills at the
/// shop's restore rate. Before a call the caller reserves the call's expected cost and waits until the estimate holds
/// it, so a burst of calls spreads out instead of drawing THROTTLED answers. A singleton: the buckets outlive clients.
/// </summary>
public sealed class ShopifyCostBuckets(TimeProvider time, IOptions<ShopifyOptions> options) : IChannelRateBuckets
{
    public const string BucketName = "Query cost (points)";

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long until the shop's bucket holds <paramref name="cost"/> (zero when it does now). Takes nothing.</summary>
    public TimeSpan WaitFor(string shop, double cost)
    {
        var bucket = For(shop);
        lock (bucket)
        {
            return bucket.WaitFor(cost, time.GetUtcNow());
        }
    }

    /// <summary>Waits until the estimate holds the cost, then takes it from the estimate.</summary>
    public async Task ReserveAsync(string shop, double cost, CancellationToken ct)
    {
        var bucket = For(shop);
        Interlocked.Increment(ref bucket.Waiting);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (bucket)
                {
                    var now = time.GetUtcNow();
                    wait = bucket.WaitFor(cost, now);
                    if (wait <= TimeSpan.Zero)
                    {
                        bucket.Take(cost, now);
                        return;
                    }
                }

                await Task.Delay(wait, time, ct);
            }
        }
        finally
        {
            Interlocked.Decrement(ref bucket.Waiting);
        }
    }

    /// <summary>Shopify's own figures replace the estimate.</summary>
    public void Observe(string shop, ShopifyThrottleStatus status)
    {
        var bucket = For(shop);
        lock (bucket)
        {
            bucket.Maximum = Math.Max(1, status.MaximumAvailable);
            bucket.RestoreRate = Math.Max(0.001, status.RestoreRate);
            bucket.Available = Math.Clamp(status.CurrentlyAvailable, 0, bucket.Maximum);
            bucket.At = time.GetUtcNow();
            bucket.Observed = true;
        }
    }

    /// <summary>
    /// After THROTTLED: the time the refill needs from what Shopify said is left to the cost asked, so the retry
    /// is not refused again.
    /// </summary>
    public static TimeSpan RefillTime(ShopifyThrottleStatus status, double cost)
    {
        var missing = Math.Min(cost, status.MaximumAvailable) - status.CurrentlyAvailable;
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / Math.Max(0.001, status.RestoreRate));
    }

    public ChannelKind Channel => ChannelKind.Shopify;

    /// <summary>The account's shop's bucket, beside the client's token bucket on the Sync page.</summary>
    public IReadOnlyList<RateBucketSnapshot> For(ChannelAccountContext account) => account.ShopId is { } shop ? [Snapshot(shop)] : [];

    /// <summary>The shop's bucket for the Sync page: points a second, bucket size, points available now.</summary>
    public RateBucketSnapshot Snapshot(string shop)
    {
        var bucket = For(shop);
        lock (bucket)
        {
            return new RateBucketSnapshot(BucketName, bucket.RestoreRate, (int)bucket.Maximum,
                (int)Math.Floor(bucket.Estimate(time.GetUtcNow())), Volatile.Read(ref bucket.Waiting));
        }
    }

    private Bucket For(string shop) => buckets.GetOrAdd(shop, _ => new Bucket
    {
        Maximum = options.Value.DefaultBucketSize,
        Available = options.Value.DefaultBucketSize,
        RestoreRate = options.Value.DefaultRestoreRate,
        At = time.GetUtcNow(),
    });

    private sealed class Bucket
    {
        public double Maximum;
        public double Available;
        public double RestoreRate;
        public DateTimeOffset At;
        public bool Observed;
        public int Waiting;

        public double Estimate(DateTimeOffset now) => Math.Min(Maximum, Available + Math.Max(0, (now - At).TotalSeconds) * RestoreRate);

        /// <summary>A cost above the bucket's size can never be held: it waits for a full bucket instead.</summary>
        public TimeSpan WaitFor(double cost, DateTimeOffset now)
        {
            var missing = Math.Min(cost, Maximum) - Estimate(now);
            return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / RestoreRate);
        }

        public void Take(double cost, DateTimeOffset now)
        {
            Available = Estimate(now) - cost;
            At = now;
        }
    }
}
