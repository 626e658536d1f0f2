using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Dashboard;
using SellerPortal.Features.Sync;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Dashboard;

public sealed class IntegrationMetricsTests : IClassFixture<PortalAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 7, 30, DateTimeKind.Utc);
    private readonly OperationsSeed seed;
    private readonly IntegrationMetrics metrics;

    public IntegrationMetricsTests(PortalAppFactory factory)
    {
        seed = new OperationsSeed(factory);
        metrics = new IntegrationMetrics(seed.Contexts, new FakeTimeProvider(new DateTimeOffset(Now)));
    }

    /// <summary>A spread of calls over eight days: some in each window, some outside them all.</summary>
    private static List<SeededCall> Calls()
    {
        var calls = new List<SeededCall>();
        int?[] statuses = [200, 200, 500, 200, 429, 201, null, 404, 200, 200, 503];
        string?[] codes = [null, null, "SERVER", null, "RATE_LIMIT", null, null, "NOT_FOUND", null, null, "SERVER"];
        var i = 0;
        foreach (var minutesAgo in new[] { 1, 3, 4, 9, 14, 22, 31, 40, 47, 52, 58, 59 })
        {
            calls.Add(new SeededCall(Now.AddMinutes(-minutesAgo), statuses[i % statuses.Length], 40 + (i * 37 % 300), codes[i % codes.Length]));
            i++;
        }

        foreach (var hoursAgo in new[] { 1.5, 2, 3.2, 5, 8, 11, 13, 17, 20, 23.5 })
        {
            calls.Add(new SeededCall(Now.AddHours(-hoursAgo), statuses[i % statuses.Length], 100 + (i * 53 % 900), codes[i % codes.Length]));
            i++;
        }

        foreach (var daysAgo in new[] { 1.2, 2, 3.5, 4, 5.9, 6.5 })
        {
            calls.Add(new SeededCall(Now.AddDays(-daysAgo), statuses[i % statuses.Length], 500 + (i * 71 % 2000), codes[i % codes.Length]));
            i++;
        }

        calls.Add(new SeededCall(Now.AddDays(-8), 500, 9999, "OLD"));
        calls.Add(new SeededCall(Now.AddMinutes(5), 500, 9999, "FUTURE"));
        return calls;
    }

    private static int NearestRank(IEnumerable<int> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[rank - 1];
    }

    [Theory]
    [InlineData(MetricsWindow.LastHour, 1.0)]
    [InlineData(MetricsWindow.Last24Hours, 24.0)]
    [InlineData(MetricsWindow.Last7Days, 168.0)]
    public async Task GetAsync_CountsErrorsAndPercentiles_MatchTheCallsInsideTheWindow(MetricsWindow window, double hours)
    {
        var accountId = await seed.AccountAsync($"Metrics {window}", Now.AddDays(-30));
        var calls = Calls();
        await seed.CallsAsync(accountId, calls);

        var snapshot = await metrics.GetAsync(window, CancellationToken.None);

        var inside = calls.Where(c => c.StartedUtc >= Now.AddHours(-hours) && c.StartedUtc <= Now).ToList();
        var account = Assert.Single(snapshot.Accounts, a => a.AccountId == accountId);
        Assert.Equal(inside.Count, account.Counts.Calls);
        Assert.Equal(inside.Count(c => c.IsError), account.Counts.Errors);
        Assert.Equal(inside.Count(c => c.Status == 429), account.Counts.Throttled);
        Assert.Equal((double)inside.Count(c => c.IsError) / inside.Count, account.Counts.ErrorRate, 6);
        Assert.Equal(NearestRank(inside.Select(c => c.DurationMs), 50), account.P50Ms);
        Assert.Equal(NearestRank(inside.Select(c => c.DurationMs), 95), account.P95Ms);
        Assert.False(account.DurationsSampled);
        var expectedTop = inside.Where(c => c.IsError)
            .GroupBy(c => c.ErrorCode ?? (c.Status is { } s ? $"HTTP {s}" : "No response"))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(3).Select(g => (g.Key, g.Count())).ToList();
        Assert.Equal(expectedTop, account.TopErrorCodes.Select(c => (c.Code, c.Count)).ToList());
    }

    [Fact]
    public async Task GetAsync_Last24Hours_BucketsCallsByHourEndingWithTheCurrentHour()
    {
        var accountId = await seed.AccountAsync("Metrics series", Now.AddDays(-30));
        var calls = Calls();
        await seed.CallsAsync(accountId, calls);

        var snapshot = await metrics.GetAsync(MetricsWindow.Last24Hours, CancellationToken.None);

        var series = Assert.Single(snapshot.Accounts, a => a.AccountId == accountId).Series;
        Assert.Equal(24, series.Count);
        var currentHour = new DateTime(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, DateTimeKind.Utc);
        Assert.Equal(currentHour, series[^1].StartUtc);
        for (var i = 0; i < 24; i++)
        {
            var start = currentHour.AddHours(i - 23);
            var inBucket = calls.Where(c => c.StartedUtc >= start && c.StartedUtc < start.AddHours(1) && c.StartedUtc <= Now).ToList();
            Assert.Equal(inBucket.Count, series[i].Calls);
            Assert.Equal(inBucket.Count(c => c.IsError), series[i].Errors);
        }

        Assert.True(series.Sum(b => b.Calls) > 10, "the seeded calls should land in the series");
    }

    [Fact]
    public async Task GetAsync_LastHour_HasTwelveFiveMinuteBuckets()
    {
        var accountId = await seed.AccountAsync("Metrics 5-minute", Now.AddDays(-30));
        var calls = Calls();
        await seed.CallsAsync(accountId, calls);

        var series = Assert.Single((await metrics.GetAsync(MetricsWindow.LastHour, CancellationToken.None)).Accounts, a => a.AccountId == accountId).Series;

        Assert.Equal(12, series.Count);
        Assert.Equal(new DateTime(2026, 11, 20, 10, 5, 0, DateTimeKind.Utc), series[^1].StartUtc);
        Assert.Equal(TimeSpan.FromMinutes(5), series[1].StartUtc - series[0].StartUtc);
        var start = series[0].StartUtc;
        Assert.Equal(calls.Count(c => c.StartedUtc >= start && c.StartedUtc <= Now), series.Sum(b => b.Calls));
    }

    [Fact]
    public async Task GetAsync_QueueAndLastSuccess_ComeFromSyncJobs()
    {
        var accountId = await seed.AccountAsync("Metrics queue", Now.AddDays(-30));
        await seed.JobAsync(accountId, SyncJobKind.PushStock, SyncJobStatus.Pending, Now.AddMinutes(-10));
        await seed.JobAsync(accountId, SyncJobKind.PushPrice, SyncJobStatus.Pending, Now.AddMinutes(-30));
        await seed.JobAsync(accountId, SyncJobKind.PushStock, SyncJobStatus.Running, Now.AddMinutes(-45));
        await seed.JobAsync(accountId, SyncJobKind.PushStock, SyncJobStatus.Dead, Now.AddHours(-5));
        await seed.JobAsync(accountId, SyncJobKind.ImportOrders, SyncJobStatus.Succeeded, Now.AddMinutes(-60), Now.AddMinutes(-50));
        await seed.JobAsync(accountId, SyncJobKind.ImportOrders, SyncJobStatus.Succeeded, Now.AddMinutes(-8), Now.AddMinutes(-7));
        await seed.JobAsync(accountId, SyncJobKind.ImportOrders, SyncJobStatus.Failed, Now.AddMinutes(-2), Now.AddMinutes(-1));
        await seed.JobAsync(accountId, SyncJobKind.PushStock, SyncJobStatus.Succeeded, Now.AddHours(-3), Now.AddHours(-2));

        var account = Assert.Single((await metrics.GetAsync(MetricsWindow.LastHour, CancellationToken.None)).Accounts, a => a.AccountId == accountId);

        Assert.Equal(3, account.QueueDepth);
        Assert.Equal(TimeSpan.FromMinutes(30), account.OldestPendingAge);
        Assert.Equal(Now.AddMinutes(-7), account.LastOrderImportUtc);
        Assert.Equal(Now.AddHours(-2), account.LastStockPushUtc);
    }

    [Fact]
    public async Task GetAsync_AccountWithoutCalls_HasZeroesAndNoPercentiles()
    {
        var accountId = await seed.AccountAsync("Metrics idle", Now.AddDays(-1));

        var account = Assert.Single((await metrics.GetAsync(MetricsWindow.Last7Days, CancellationToken.None)).Accounts, a => a.AccountId == accountId);

        Assert.Equal(0, account.Counts.Calls);
        Assert.Null(account.P50Ms);
        Assert.Null(account.LastOrderImportUtc);
        Assert.Null(account.LastStockPushUtc);
        Assert.Equal(0, account.QueueDepth);
        Assert.Null(account.OldestPendingAge);
        Assert.Equal(28, account.Series.Count);
        Assert.All(account.Series, b => Assert.Equal(0, b.Calls));
    }

    [Theory]
    [InlineData(new[] { 5 }, 50, 5)]
    [InlineData(new[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new[] { 1, 2, 3, 4 }, 95, 4)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 95, 100)]
    [InlineData(new[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 50, 50)]
    public void Percentile_IsNearestRank(int[] sorted, double p, int expected) =>
        Assert.Equal(expected, IntegrationMetrics.Percentile(sorted, p));
}
