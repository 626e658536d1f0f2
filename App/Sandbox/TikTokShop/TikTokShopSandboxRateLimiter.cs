using System.Collections.Concurrent;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>TikTok's limit: N requests per second per API, app and shop (a fixed one-second window).</summary>
public sealed class TikTokShopSandboxRateLimiter
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public bool TryAcquire(string key, long second, int limit)
    {
        var window = windows.AddOrUpdate(key, _ => new Window(second, 1), (_, w) => w.Second == second ? w with { Count = w.Count + 1 } : new Window(second, 1));
        if (windows.Count > 10_000)
        {
            foreach (var stale in windows.Where(w => w.Value.Second < second).Select(w => w.Key).ToList())
            {
                windows.TryRemove(stale, out _);
            }
        }

        return window.Count <= limit;
    }

    private sealed record Window(long Second, int Count);
}
