using System.Collections.Concurrent;
namespace SellerPortal.Sandbox.Amazon;

/// <summary>SP-API's token buckets: one per (selling partner, operation), sized by the published rate and burst.</summary>
public sealed class AmazonSandboxRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Seller, string Operation), Bucket> buckets = new();

    /// <summary>Takes one token; false when the bucket is empty (answer 429 QuotaExceeded).</summary>
    public bool TryAcquire(string sellerId, string operation, out AmazonSandboxUsagePlan limit)
    {
        limit = AmazonSandboxUsagePlans.Defaults.TryGetValue(operation, out var l) ? l : new AmazonSandboxUsagePlan(10, 10);
        var now = time.GetUtcNow();
        var bucket = buckets.GetOrAdd((sellerId, operation), _ => new Bucket(l?.Burst ?? 10, now));
        lock (bucket)
        {
            var elapsed = (now - bucket.Updated).TotalSeconds;
            bucket.Tokens = Math.Min(limit.Burst, bucket.Tokens + elapsed * limit.RatePerSecond);
            bucket.Updated = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    public void Reset() => buckets.Clear();

    private sealed class Bucket(double tokens, DateTimeOffset updated)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset Updated { get; set; } = updated;
    }
}
