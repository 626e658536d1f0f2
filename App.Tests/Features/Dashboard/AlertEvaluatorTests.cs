using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Dashboard;
using SellerPortal.Features.Dashboard.Alerts;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Dashboard;

/// <summary>Each test has its own database: the dead-letter alert is global, not per account.</summary>
public sealed class AlertEvaluatorTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = new("admin-id", "admin@example.com", IsAdmin: true);
    private readonly PortalAppFactory factory = new();
    private readonly OperationsSeed seed;
    private readonly AlertSettingsStore settings;
    private readonly AlertEvaluator evaluator;

    public AlertEvaluatorTests()
    {
        seed = new OperationsSeed(factory);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        settings = new AlertSettingsStore(seed.Contexts, factory.Services.GetRequiredService<AuditLog>(), clock);
        evaluator = new AlertEvaluator(seed.Contexts, settings, new IntegrationMetrics(seed.Contexts, clock), clock);
    }

    public void Dispose() => factory.Dispose();

    private async Task<IReadOnlyList<ActiveAlert>> AlertsAsync(AlertKind kind, int? accountId = null) =>
        (await evaluator.EvaluateAsync(CancellationToken.None)).Where(a => a.Kind == kind && (accountId is null || a.ChannelAccountId == accountId)).ToList();

    /// <summary>An account that imported orders a minute ago, so only the alert under test can fire.</summary>
    private async Task<int> HealthyAccountAsync(string name, Action<ChannelAccount>? configure = null)
    {
        var id = await seed.AccountAsync(name, Now.AddDays(-10), configure);
        await seed.JobAsync(id, SyncJobKind.ImportOrders, SyncJobStatus.Succeeded, Now.AddMinutes(-2), Now.AddMinutes(-1));
        return id;
    }

    [Fact]
    public async Task OrderImportStale_FiresPastTheThreshold_AndClearsAfterASuccessfulImport()
    {
        var id = await seed.AccountAsync("Etsy main", Now.AddDays(-3));
        await seed.JobAsync(id, SyncJobKind.ImportOrders, SyncJobStatus.Succeeded, Now.AddMinutes(-95), Now.AddMinutes(-90));
        await seed.JobAsync(id, SyncJobKind.ImportOrders, SyncJobStatus.Failed, Now.AddMinutes(-5), Now.AddMinutes(-4));

        var fired = Assert.Single(await AlertsAsync(AlertKind.OrderImportStale, id));
        Assert.Contains("Etsy main", fired.Sentence);
        Assert.Contains("has not imported orders for 1 h 30 min", fired.Sentence);

        await seed.JobAsync(id, SyncJobKind.ImportOrders, SyncJobStatus.Succeeded, Now.AddMinutes(-12), Now.AddMinutes(-10));

        Assert.Empty(await AlertsAsync(AlertKind.OrderImportStale, id));
    }

    [Fact]
    public async Task OrderImportStale_OnlyForConnectedAccounts_AndCountsFromConnectionWhenNeverImported()
    {
        var fresh = await seed.AccountAsync("Connected 30 min ago", Now.AddMinutes(-30));
        var neverImported = await seed.AccountAsync("Connected 2 h ago", Now.AddHours(-2));
        var reauth = await seed.AccountAsync("Needs reauth", Now.AddDays(-2), a => a.Status = ChannelAccountStatus.NeedsReauth);

        Assert.Empty(await AlertsAsync(AlertKind.OrderImportStale, fresh));
        Assert.Contains("since it was connected", Assert.Single(await AlertsAsync(AlertKind.OrderImportStale, neverImported)).Sentence);
        Assert.Empty(await AlertsAsync(AlertKind.OrderImportStale, reauth));
    }

    [Fact]
    public async Task HighErrorRate_FiresAboveThePercentage_AndClearsWhenTheAdminRaisesIt()
    {
        var id = await HealthyAccountAsync("Busy shop");
        // 25 calls in the last hour, 6 failed: 24 %, above the default 20 %.
        await seed.CallsAsync(id, Enumerable.Range(0, 25).Select(i => new SeededCall(Now.AddMinutes(-2 * i - 1), i < 6 ? 500 : 200, 100)));
        // Older failures are outside the hour and must not count.
        await seed.CallsAsync(id, Enumerable.Range(0, 50).Select(i => new SeededCall(Now.AddHours(-2).AddMinutes(-i), 500, 100)));

        var fired = Assert.Single(await AlertsAsync(AlertKind.HighErrorRate, id));
        Assert.Contains("failed 6 of 25 calls", fired.Sentence);

        Assert.Empty(await settings.SaveAsync(new AlertSettings { ErrorRatePercent = 25 }, Admin, CancellationToken.None));

        Assert.Empty(await AlertsAsync(AlertKind.HighErrorRate, id));
    }

    [Fact]
    public async Task SyncLatency_FiresWhenTheHoursChangesArriveLaterThanTheThreshold_LeavingBackfillAndOurOwnShipmentsOut()
    {
        var slow = await HealthyAccountAsync("Slow shop");
        var quick = await HealthyAccountAsync("Quick shop");
        // Twenty changes of the last hour: seventeen arrived 40 s after the channel made them, three 10 minutes after.
        await seed.OrderChangesAsync(slow, [.. Enumerable.Range(0, 17).Select(i => (Now.AddMinutes(-50 + i).AddSeconds(-40), Now.AddMinutes(-50 + i), OrderChangeSource.Import)),
            .. Enumerable.Range(0, 3).Select(i => (Now.AddMinutes(-20 + i), Now.AddMinutes(-10 + i), OrderChangeSource.Webhook))]);
        // A first import's backfill (changed a week ago) and the portal's own shipment entry (recorded late) are not sync delays.
        await seed.OrderChangesAsync(quick, (Now.AddMinutes(-3).AddSeconds(-5), Now.AddMinutes(-3), OrderChangeSource.Import),
            (Now.AddDays(-7), Now.AddMinutes(-2), OrderChangeSource.Import), (Now.AddHours(-5), Now.AddMinutes(-1), OrderChangeSource.Shipment));

        var fired = Assert.Single(await AlertsAsync(AlertKind.SyncLatencyHigh, slow));
        var latency = await new IntegrationMetrics(seed.Contexts, new FakeTimeProvider(new DateTimeOffset(Now))).SyncLatencyAsync(Now.AddHours(-1), Now, CancellationToken.None);

        Assert.Equal("Slow shop (Etsy)'s order changes took up to 600 s to arrive in the last hour (95th percentile of 20; alert above 300 s). Check its webhooks and import schedule on the Integrations page.", fired.Sentence);
        Assert.Empty(await AlertsAsync(AlertKind.SyncLatencyHigh, quick));
        Assert.Equal(new SyncLatency(40, 600, 600, 20), latency[slow]);
        Assert.Equal(new SyncLatency(5, 5, 5, 1), latency[quick]);

        Assert.Empty(await settings.SaveAsync(new AlertSettings { SyncLatencySeconds = 900 }, Admin, CancellationToken.None));
        Assert.Empty(await AlertsAsync(AlertKind.SyncLatencyHigh, slow));
    }

    [Fact]
    public async Task HighErrorRate_NeedsTheMinimumNumberOfCalls()
    {
        var id = await HealthyAccountAsync("Quiet shop");
        await seed.CallsAsync(id, Enumerable.Range(0, 19).Select(i => new SeededCall(Now.AddMinutes(-i - 1), null, 100)));

        Assert.Empty(await AlertsAsync(AlertKind.HighErrorRate, id));

        await seed.CallsAsync(id, [new SeededCall(Now.AddMinutes(-30), 503, 100)]);

        Assert.Contains("failed 20 of 20 calls", Assert.Single(await AlertsAsync(AlertKind.HighErrorRate, id)).Sentence);
    }

    [Fact]
    public async Task TokenExpiring_FiresWithoutARefreshToken_AndClearsOnceRefreshable()
    {
        var id = await HealthyAccountAsync("Token shop", a =>
        {
            a.AccessTokenExpiresUtc = Now.AddHours(3);
            a.RefreshTokenExpiresUtc = null;
        });

        Assert.Contains("expires in 3 h", Assert.Single(await AlertsAsync(AlertKind.TokenExpiring, id)).Sentence);

        await seed.UpdateAccountAsync(id, a =>
        {
            a.HasRefreshToken = true;
            a.RefreshTokenExpiresUtc = Now.AddDays(30);
        });
        Assert.Empty(await AlertsAsync(AlertKind.TokenExpiring, id));

        await seed.UpdateAccountAsync(id, a => a.RefreshTokenExpiresUtc = Now.AddMinutes(-1));
        Assert.Single(await AlertsAsync(AlertKind.TokenExpiring, id));

        await seed.UpdateAccountAsync(id, a => a.AccessTokenExpiresUtc = Now.AddHours(30));
        Assert.Empty(await AlertsAsync(AlertKind.TokenExpiring, id));
    }

    [Fact]
    public async Task TokenExpiring_StaysQuiet_ForARefreshTokenWithoutExpiry_AsAmazonIssues()
    {
        var id = await HealthyAccountAsync("Amazon seller A1B2C3 (NA)", a =>
        {
            a.Channel = ChannelKind.Amazon;
            a.AccessTokenExpiresUtc = Now.AddMinutes(59);
            a.HasRefreshToken = true;
            a.RefreshTokenExpiresUtc = null;
        });

        Assert.Empty(await AlertsAsync(AlertKind.TokenExpiring, id));

        // The same account after its refresh token was lost (a disconnect keeps no secrets) does need a person.
        await seed.UpdateAccountAsync(id, a => a.HasRefreshToken = false);
        Assert.Equal(
            "Amazon seller A1B2C3 (NA)'s access expires in 59 min and cannot be refreshed. Reconnect the account on the Channels page.",
            Assert.Single(await AlertsAsync(AlertKind.TokenExpiring, id)).Sentence);
    }

    [Fact]
    public async Task DeadSyncJobs_FireWhilePresent_AndClearWhenNoneAreDead()
    {
        var id = await HealthyAccountAsync("Dead letters");
        Assert.Empty(await AlertsAsync(AlertKind.DeadSyncJobs));

        var first = await seed.JobAsync(id, SyncJobKind.PushStock, SyncJobStatus.Dead, Now.AddHours(-1));
        var second = await seed.JobAsync(id, SyncJobKind.PushPrice, SyncJobStatus.Dead, Now.AddHours(-1));

        Assert.StartsWith("2 sync jobs have failed for good", Assert.Single(await AlertsAsync(AlertKind.DeadSyncJobs)).Sentence);

        await seed.SetJobStatusAsync(first, SyncJobStatus.Cancelled);
        await seed.SetJobStatusAsync(second, SyncJobStatus.Cancelled);

        Assert.Empty(await AlertsAsync(AlertKind.DeadSyncJobs));
    }

    [Fact]
    public async Task SaveAsync_RejectsOutOfRangeThresholds_AndAuditsAValidChange()
    {
        var errors = await settings.SaveAsync(new AlertSettings { ErrorRatePercent = 0 }, Admin, CancellationToken.None);
        Assert.NotEmpty(errors);
        Assert.Equal(20, (await settings.GetAsync(CancellationToken.None)).ErrorRatePercent);

        Assert.Empty(await settings.SaveAsync(new AlertSettings { OrderImportStaleMinutes = 15 }, Admin, CancellationToken.None));

        var saved = await settings.GetAsync(CancellationToken.None);
        Assert.Equal(15, saved.OrderImportStaleMinutes);
        Assert.Equal("admin@example.com", saved.UpdatedBy);
        await using var db = seed.Contexts.CreateDbContext();
        Assert.Single(db.AuditEntries, e => e.Action == "AlertSettings.Update" && e.Detail!.Contains("stale import 60 min") && e.Detail.Contains("stale import 15 min"));
    }
}
