using Bunit;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Dashboard;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Dashboard;

public sealed class AccountMetricsCardTests : MudTestContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static AccountMetrics Metrics(SyncLatency? latency) => new(
        3, "Main shop", ChannelKind.Etsy, ChannelAccountStatus.Connected, new CallCounts(10, 1, 0), [], 120, 480, false,
        [new MetricsBucket(new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc), 10, 1)], 0, null, null, null)
    {
        SyncLatency = latency,
    };

    [Fact]
    public void TheSyncLatency_ShowsItsPercentilesAndSlowestChange_InSecondsOrMinutes()
    {
        RenderProviders();

        var measured = Render<AccountMetricsCard>(p => p.Add(c => c.Account, Metrics(new SyncLatency(42, 610, 7300, 1_250))));
        var none = Render<AccountMetricsCard>(p => p.Add(c => c.Account, Metrics(null)));

        Assert.Equal("42 s / 10 min over 1,250 changes", measured.Find("[data-testid=metric-sync-latency]").TextContent.Trim());
        Assert.Equal("2 h", measured.Find("[data-testid=metric-sync-latency-max]").TextContent.Trim());
        Assert.Equal("No order changes imported", none.Find("[data-testid=metric-sync-latency]").TextContent.Trim());
        Assert.Equal("—", none.Find("[data-testid=metric-sync-latency-max]").TextContent.Trim());
    }
}
