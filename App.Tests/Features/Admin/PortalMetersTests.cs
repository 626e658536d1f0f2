using System.Diagnostics.Metrics;
using System.Net;
using SellerPortal.Features.Admin.Operations;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class PortalMetersTests
{
    [Fact]
    public void RecordApiCall_CountsCallsAndErrors_AndRecordsDuration()
    {
        // A channel name of its own: other tests record on the same static meter in parallel.
        var channel = $"test-{Guid.NewGuid():N}";
        var seen = new List<(string Instrument, double Value, string? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMeters.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? tagChannel = null, status = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "channel") { tagChannel = tag.Value as string; }
                if (tag.Key == "status") { status = tag.Value as string; }
            }

            if (tagChannel == channel)
            {
                lock (seen)
                {
                    seen.Add((instrument.Name, value, status));
                }
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => OnMeasurement(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => OnMeasurement(i, v, t));
        listener.Start();

        PortalMeters.RecordApiCall(channel, "ListOrders", 200, 120);
        PortalMeters.RecordApiCall(channel, "ListOrders", 429, 80);
        PortalMeters.RecordApiCall(channel, "UpdateInventory", null, 5000);

        Assert.Equal(3, seen.Count(s => s.Instrument == "sellerportal.channel.api.calls"));
        Assert.Equal<string?>(new[] { "429", "none" }, seen.Where(s => s.Instrument == "sellerportal.channel.api.errors").Select(s => s.Status));
        Assert.Equal([120.0, 80.0, 5000.0], seen.Where(s => s.Instrument == "sellerportal.channel.api.duration").Select(s => s.Value).ToArray());
    }

    [Fact]
    public async Task MetricsEndpoint_WhenEnabled_IsAnonymousAndServesThePortalMeter()
    {
        using var factory = PortalAppFactory.With(null, new Dictionary<string, string?> { ["Metrics:EndpointEnabled"] = "true" });
        // Until first-run setup is done every GET outside its exemptions leads to /setup.
        await PortalClient.EnsureUserAsync(factory, PortalClient.AdminEmail, SellerPortal.Data.Roles.Admin);
        var client = PortalClient.Anonymous(factory);
        PortalMeters.RecordApiCall("Etsy", "ListOrders", 500, 250);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("sellerportal_channel_api_calls", text);
        Assert.Contains("sellerportal_channel_api_errors", text);
        Assert.Contains("sellerportal_channel_api_duration", text);
    }

    [Fact]
    public async Task MetricsEndpoint_ByDefault_IsNotServed()
    {
        using var factory = new PortalAppFactory();
        await PortalClient.EnsureUserAsync(factory, PortalClient.AdminEmail, SellerPortal.Data.Roles.Admin);
        var client = PortalClient.Anonymous(factory);

        var response = await client.GetAsync("/metrics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("sellerportal_channel_api_calls", await response.Content.ReadAsStringAsync());
    }
}
