using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Admin.Health;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Dashboard;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class AdminHealthChecksTests : IDisposable
{
    private const int LimitSeconds = 2;
    private readonly PortalAppFactory baseFactory = PortalAppFactory.With(null, new Dictionary<string, string?>
    {
        ["AdminHealth:CheckTimeoutSeconds"] = LimitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory;

    public AdminHealthChecksTests()
    {
        factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            // Test connectors in place of Shopify's (it has none yet) and Etsy's: one that hangs, one that answers.
            s.AddKeyedScoped<IChannelConnector, HangingConnector>(ChannelKind.Shopify);
            s.AddKeyedScoped<IChannelConnector, HealthyConnector>(ChannelKind.Etsy);
        }));
    }

    public void Dispose()
    {
        factory.Dispose();
        baseFactory.Dispose();
    }

    private async Task<int> AccountAsync(string name, ChannelKind channel, Action<ChannelAccount>? configure = null)
    {
        var seed = new OperationsSeed(factory);
        return await seed.AccountAsync(name, DateTime.UtcNow.AddDays(-1), configure, channel);
    }

    [Fact]
    public async Task RunAllAsync_HangingConnector_ShowsTimedOutWithinTheLimit_WhileTheOtherChecksComplete()
    {
        var hanging = await AccountAsync("Hanging shop", ChannelKind.Shopify);
        var healthy = await AccountAsync("Healthy shop", ChannelKind.Etsy);
        var unsupported = await AccountAsync("No connector shop", ChannelKind.Gem);
        var checks = factory.Services.GetRequiredService<AdminHealthChecks>();
        await SchedulerStarted.WaitAsync(factory.Services);

        var watch = Stopwatch.StartNew();
        var rows = await checks.RunAllAsync(CancellationToken.None);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(LimitSeconds + 2), $"the run took {watch.Elapsed}");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(LimitSeconds) - TimeSpan.FromMilliseconds(100), "the hanging check should hold on until its limit");
        var byKey = rows.ToDictionary(r => r.Key);
        Assert.Equal(CheckStatus.Healthy, byKey["database"].Status);
        Assert.True(byKey["scheduler"].Status == CheckStatus.Healthy, byKey["scheduler"].Detail);
        Assert.True(byKey["database"].Elapsed < TimeSpan.FromSeconds(LimitSeconds), "the database check must not wait for the hanging one");
        Assert.Equal(CheckStatus.Healthy, byKey["queue"].Status);
        Assert.Equal(CheckStatus.Healthy, byKey["key-ring"].Status);

        var timedOut = byKey[$"channel-{hanging}"];
        Assert.Equal(CheckStatus.Error, timedOut.Status);
        Assert.Equal("ERROR", timedOut.StatusText);
        Assert.Contains($"timed out after {LimitSeconds} s", timedOut.Detail);

        Assert.Equal(CheckStatus.Healthy, byKey[$"channel-{healthy}"].Status);
        Assert.Contains("Test call succeeded (Etsy test shop)", byKey[$"channel-{healthy}"].Detail);

        Assert.Equal(CheckStatus.Degraded, byKey[$"channel-{unsupported}"].Status);
        Assert.Contains("No connector registered", byKey[$"channel-{unsupported}"].Detail);
    }

    [Fact]
    public async Task ChannelCheck_ExpiredTokenWithoutRefresh_IsError_AndRefreshableIsHealthy()
    {
        var expired = await AccountAsync("Expired", ChannelKind.Etsy, a =>
        {
            a.AccessTokenExpiresUtc = DateTime.UtcNow.AddHours(-1);
            a.HasRefreshToken = true;
            a.RefreshTokenExpiresUtc = DateTime.UtcNow.AddHours(-1);
            a.LastError = "401 invalid_token";
        });
        var refreshable = await AccountAsync("Refreshable", ChannelKind.Etsy, a =>
        {
            a.AccessTokenExpiresUtc = DateTime.UtcNow.AddHours(-1);
            a.HasRefreshToken = true;
            a.RefreshTokenExpiresUtc = DateTime.UtcNow.AddDays(30);
        });
        var neverExpiring = await AccountAsync("Refresh token without expiry", ChannelKind.Etsy, a =>
        {
            a.AccessTokenExpiresUtc = DateTime.UtcNow.AddMinutes(59);
            a.HasRefreshToken = true;
            a.RefreshTokenExpiresUtc = null;
        });

        var rows = (await factory.Services.GetRequiredService<AdminHealthChecks>().RunAllAsync(CancellationToken.None)).ToDictionary(r => r.Key);

        Assert.Equal(CheckStatus.Error, rows[$"channel-{expired}"].Status);
        Assert.Contains("cannot be refreshed", rows[$"channel-{expired}"].Detail);
        Assert.Contains("Last error: 401 invalid_token", rows[$"channel-{expired}"].Detail);
        Assert.Equal(CheckStatus.Healthy, rows[$"channel-{refreshable}"].Status);
        Assert.Contains("refreshable", rows[$"channel-{refreshable}"].Detail);
        Assert.Equal(CheckStatus.Healthy, rows[$"channel-{neverExpiring}"].Status);
        Assert.Contains("the refresh token does not expire", rows[$"channel-{neverExpiring}"].Detail);
    }

    /// <summary>A channel whose test call never answers, as a stuck marketplace would.</summary>
    private sealed class HangingConnector : TestConnector
    {
        public override ChannelKind Channel => ChannelKind.Shopify;

        public override async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
        {
            await Task.Delay(Timeout.Infinite, ct);
            return new ConnectionTestResult(true, "unreachable");
        }
    }

    private sealed class HealthyConnector : TestConnector
    {
        public override ChannelKind Channel => ChannelKind.Etsy;

        public override Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct) =>
            Task.FromResult(new ConnectionTestResult(true, "OK", "Etsy test shop"));
    }

    private abstract class TestConnector : IChannelConnector
    {
        public abstract ChannelKind Channel { get; }

        public ChannelCapabilities Capabilities => ChannelCapabilities.None;

        public abstract Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct);

        public Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct) => throw new NotSupportedException();

        public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();

        public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => throw new NotSupportedException();

        public Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) => throw new NotSupportedException();

        public Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct) => throw new NotSupportedException();

        public Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) => throw new NotSupportedException();

        public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) => throw new NotSupportedException();
    }
}
