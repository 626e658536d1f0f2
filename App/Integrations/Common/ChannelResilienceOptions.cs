using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Retry, circuit breaker and timeouts of a channel's pipeline; named options per channel
/// (<c>Channels:Resilience:&lt;Channel&gt;</c>). Raise the timeouts together: an attempt can never outlast the whole call,
/// and the breaker samples over at least two attempts (<see cref="Validate"/> enforces both at startup).
/// </summary>
public sealed class ChannelResilienceOptions
{
    public const string SectionName = "Channels:Resilience";

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff; doubled per attempt, with jitter. A Retry-After header wins over it.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Failures (5xx, 408, 429, network, attempt timeout) among sampled attempts that open the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 1.0;

    /// <summary>With a ratio of 1.0 this is "this many failures in a row inside the sampling window".</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 5;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<string> Validate()
    {
        if (AttemptTimeout > TotalTimeout)
        {
            yield return "AttemptTimeout must not exceed TotalTimeout.";
        }

        if (BreakerSamplingDuration < 2 * AttemptTimeout)
        {
            yield return "BreakerSamplingDuration must be at least twice AttemptTimeout.";
        }

        if (BaseDelay <= TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            yield return "BaseDelay must be positive and MaxDelay at least BaseDelay.";
        }
    }
}
