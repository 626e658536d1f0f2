using System.Collections.Concurrent;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// Fault injection per emulated channel, set from the emulator's control endpoint or by tests:
/// an error rate (5xx), added latency, a burst of 429s, dropped connections, and a hang.
/// </summary>
public sealed class SandboxFaults
{
    private readonly ConcurrentDictionary<string, FaultSettings> settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> pending429 = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> pending5xx = new(StringComparer.OrdinalIgnoreCase);

    public FaultSettings For(string channel) => settings.GetOrAdd(channel, _ => new FaultSettings());

    public void Set(string channel, FaultSettings value) => settings[channel] = value;

    /// <summary>The next <paramref name="count"/> calls answer 429 with the given retry hint.</summary>
    public void Queue429(string channel, int count) => pending429.AddOrUpdate(channel, count, (_, n) => n + count);

    /// <summary>The next <paramref name="count"/> calls answer 500/503.</summary>
    public void Queue5xx(string channel, int count) => pending5xx.AddOrUpdate(channel, count, (_, n) => n + count);

    public void Reset(string channel)
    {
        settings.TryRemove(channel, out _);
        pending429.TryRemove(channel, out _);
        pending5xx.TryRemove(channel, out _);
    }

    /// <summary>Decides the fate of one call. Thread-safe; consumes queued faults first.</summary>
    public FaultDecision Next(string channel)
    {
        var s = For(channel);
        if (s.Hang)
        {
            return FaultDecision.Hang;
        }

        if (TryTake(pending429, channel))
        {
            return FaultDecision.TooManyRequests;
        }

        if (TryTake(pending5xx, channel))
        {
            return FaultDecision.ServerError;
        }

        var roll = Random.Shared.NextDouble();
        if (roll < s.DropConnectionRate)
        {
            return FaultDecision.DropConnection;
        }

        if (roll < s.DropConnectionRate + s.ErrorRate)
        {
            return FaultDecision.ServerError;
        }

        return FaultDecision.None;
    }

    private static bool TryTake(ConcurrentDictionary<string, int> counters, string channel)
    {
        while (counters.TryGetValue(channel, out var n) && n > 0)
        {
            if (counters.TryUpdate(channel, n - 1, n))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record FaultSettings
{
    /// <summary>Share of calls answered with a 5xx, 0..1.</summary>
    public double ErrorRate { get; init; }
    /// <summary>Share of calls whose connection is dropped without an answer, 0..1.</summary>
    public double DropConnectionRate { get; init; }
    /// <summary>Latency added to every call.</summary>
    public int LatencyMs { get; init; }
    /// <summary>Retry hint sent with injected 429s, in seconds.</summary>
    public int RetryAfterSeconds { get; init; } = 1;
    /// <summary>Every call hangs until the caller gives up (health-check time limits).</summary>
    public bool Hang { get; init; }
    /// <summary>Honour the channel's published rate limits (off for throughput benchmarks of our own overhead).</summary>
    public bool RateLimitsEnabled { get; init; } = true;
}

public enum FaultDecision
{
    None,
    TooManyRequests,
    ServerError,
    DropConnection,
    Hang,
}
