using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SellerPortal.Features.Admin.Operations;

/// <summary>
/// The portal's own metrics on the <c>SellerPortal</c> meter, scraped at <c>/metrics</c> when enabled
/// (docs/adr/0005-metrics-endpoint.md). The meter is static so code far from DI (the API call log writer,
/// delegating handlers) can record with one call: <see cref="RecordApiCall"/>.
/// </summary>
public static class PortalMeters
{
    public const string MeterName = "SellerPortal";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> ApiCalls = Meter.CreateCounter<long>(
        "sellerportal.channel.api.calls", unit: "{call}", description: "Calls made to a channel's API.");

    private static readonly Counter<long> ApiErrors = Meter.CreateCounter<long>(
        "sellerportal.channel.api.errors", unit: "{call}", description: "Channel API calls that failed (status 400 or above, or no response).");

    private static readonly Histogram<double> ApiDuration = Meter.CreateHistogram<double>(
        "sellerportal.channel.api.duration", unit: "ms", description: "Duration of channel API calls.");

    private static volatile IReadOnlyList<QueueDepthSample> queueDepth = [];

    static PortalMeters()
    {
        Meter.CreateObservableGauge(
            "sellerportal.sync.queue.depth",
            () => queueDepth.Select(s => new Measurement<long>(s.Depth, new KeyValuePair<string, object?>("channel", s.Channel))),
            unit: "{job}",
            description: "Sync jobs pending or running, per channel.");
    }

    /// <summary>Records one completed channel API call. <paramref name="status"/> is null when no response came.</summary>
    public static void RecordApiCall(string channel, string operation, int? status, double durationMs)
    {
        var tags = new TagList
        {
            { "channel", channel },
            { "operation", operation },
            { "status", status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none" },
        };
        ApiCalls.Add(1, tags);
        if (status is null or >= 400)
        {
            ApiErrors.Add(1, tags);
        }

        ApiDuration.Record(durationMs, new TagList { { "channel", channel }, { "operation", operation } });
    }

    /// <summary>Replaces the queue depth the gauge reports; set by <see cref="QueueDepthSampler"/>.</summary>
    public static void SetQueueDepth(IReadOnlyList<QueueDepthSample> samples) => queueDepth = samples;
}

public sealed record QueueDepthSample(string Channel, long Depth);
