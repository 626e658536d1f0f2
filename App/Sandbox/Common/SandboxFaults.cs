using System.Collections.Concurrent;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// Fault injection per emulated channel, set from the emulator's control endpoint or by tests:
/// an error rate (5xx), added latency, a burst of 429s, dropped connections, timeouts (a share of calls that hang until
/// the caller gives up) and a hang of every call. The dice come from one seedable source (<see cref="Seed"/>, or
/// <c>Sandbox:FaultSeed</c>), so a soak run rolls the same sequence again; which call gets which roll still depends on
/// the order concurrent calls arrive in. Every fault handed out is counted per channel.
/// </summary>
public sealed class SandboxFaults(Random? random = null)
{
    private readonly ConcurrentDictionary<string, FaultSettings> settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> pending429 = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> pending5xx = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Channel, FaultDecision Decision), long> injected = new();
    private readonly Lock gate = new();
    private Random dice = random ?? new Random();

    public FaultSettings For(string channel) => settings.GetOrAdd(channel, _ => new FaultSettings());

    public void Set(string channel, FaultSettings value) => settings[channel] = value;

    /// <summary>Restarts the dice from <paramref name="seed"/>: the same settings then roll the same faults.</summary>
    public void Seed(int seed)
    {
        lock (gate)
        {
            dice = new Random(seed);
        }
    }

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

    /// <summary>How many of each fault this channel has handed out since start (not cleared by <see cref="Reset"/>).</summary>
    public IReadOnlyDictionary<FaultDecision, long> Injected(string channel) =>
        injected.Where(p => string.Equals(p.Key.Channel, channel, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key.Decision, p => p.Value);

    /// <summary>A roll of the same seedable dice, 0 ≤ n &lt; <paramref name="max"/> (which of 500 and 503, say).</summary>
    public int Roll(int max)
    {
        lock (gate)
        {
            return dice.Next(max);
        }
    }

    /// <summary>Decides the fate of one call. Thread-safe; consumes queued faults first.</summary>
    public FaultDecision Next(string channel)
    {
        var decision = Decide(channel);
        if (decision != FaultDecision.None)
        {
            injected.AddOrUpdate((channel, decision), 1, (_, n) => n + 1);
        }

        return decision;
    }

    private FaultDecision Decide(string channel)
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

        double roll;
        lock (gate)
        {
            roll = dice.NextDouble();
        }

        if (roll < s.DropConnectionRate)
        {
            return FaultDecision.DropConnection;
        }

        if (roll < s.DropConnectionRate + s.ErrorRate)
        {
            return FaultDecision.ServerError;
        }

        if (roll < s.DropConnectionRate + s.ErrorRate + s.TimeoutRate)
        {
            return FaultDecision.Timeout;
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
    /// <summary>Share of calls that never answer until the caller gives up (its attempt timeout), 0..1.</summary>
    public double TimeoutRate { get; init; }
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
    /// <summary>This call hangs until the caller gives up; the next may answer.</summary>
    Timeout,
}
