using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Admin.Operations;

/// <summary>The Prometheus scraping endpoint; see docs/adr/0002-metrics-endpoint.md for why it is anonymous and off by default.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Serve <see cref="Path"/> for Prometheus. Off unless configured (on in appsettings.Development.json).</summary>
    public bool EndpointEnabled { get; set; }

    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string Path { get; set; } = "/metrics";

    /// <summary>How often the sync queue depth gauge is refreshed.</summary>
    [Range(5, 3600)]
    public int QueueSampleSeconds { get; set; } = 30;
}
