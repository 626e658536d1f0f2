using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Admin.Health;

public sealed class AdminHealthOptions
{
    public const string SectionName = "AdminHealth";

    /// <summary>Each check gets this long; past it the check shows ERROR and the others are not held up.</summary>
    [Range(1, 120)]
    public int CheckTimeoutSeconds { get; set; } = 5;

    /// <summary>Pending sync jobs above this are DEGRADED…</summary>
    [Range(1, 1_000_000)]
    public int QueuePendingDegraded { get; set; } = 500;

    /// <summary>…and above this ERROR.</summary>
    [Range(1, 1_000_000)]
    public int QueuePendingError { get; set; } = 5_000;

    /// <summary>An oldest pending job older than this many minutes is DEGRADED…</summary>
    [Range(1, 100_000)]
    public int QueueAgeDegradedMinutes { get; set; } = 15;

    /// <summary>…and older than this ERROR.</summary>
    [Range(1, 100_000)]
    public int QueueAgeErrorMinutes { get; set; } = 60;

    /// <summary>A trigger whose next fire time is this far in the past has misfired (Quartz's default threshold).</summary>
    [Range(1, 3600)]
    public int MisfireThresholdSeconds { get; set; } = 60;

    public TimeSpan CheckTimeout => TimeSpan.FromSeconds(CheckTimeoutSeconds);
}
