using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Jobs;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Dashboard;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class ScheduledJobsTests : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Admin = new("admin-id", "admin@example.com", IsAdmin: true);
    private readonly PortalAppFactory factory;
    private readonly ScheduledJobs jobs;

    public ScheduledJobsTests(PortalAppFactory factory)
    {
        this.factory = factory;
        jobs = factory.Services.GetRequiredService<ScheduledJobs>();
    }

    private IDbContextFactory<AppDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    [Fact]
    public async Task ListAsync_ShowsTheHousekeepingJobWithItsCronTrigger()
    {
        await SchedulerStarted.WaitAsync(factory.Services);

        var row = Assert.Single(await jobs.ListAsync(CancellationToken.None), r => r.TriggerKey.Equals(HousekeepingJob.TriggerKey));

        Assert.Equal("admin", row.JobGroup);
        Assert.Equal("housekeeping", row.JobName);
        Assert.StartsWith("cron 0 15 3 * * ?", row.Schedule);
        Assert.NotNull(row.NextFireUtc);
        Assert.Equal("Prunes API call log rows, webhooks, ended sync jobs, order history and audit entries past their retention", row.Description);
    }

    [Fact]
    public async Task PauseThenResume_ChangesTheTriggerState_AndAuditsBoth()
    {
        await SchedulerStarted.WaitAsync(factory.Services);
        // Another test of the class may have just run housekeeping now: a job that disallows concurrent runs leaves
        // its triggers Blocked until it ends, which is not what this test is about.
        Task<TriggerState> SettledStateAsync() => Eventually.ReadAsync(
            () => jobs.GetStateAsync(HousekeepingJob.TriggerKey, CancellationToken.None), s => s != TriggerState.Blocked, TimeSpan.FromSeconds(30));

        Assert.Equal(TriggerState.Normal, await SettledStateAsync());

        await jobs.PauseAsync(HousekeepingJob.TriggerKey, Admin, CancellationToken.None);
        Assert.Equal(TriggerState.Paused, await jobs.GetStateAsync(HousekeepingJob.TriggerKey, CancellationToken.None));
        Assert.Equal(TriggerState.Paused, Assert.Single(await jobs.ListAsync(CancellationToken.None), r => r.TriggerKey.Equals(HousekeepingJob.TriggerKey)).State);

        await jobs.ResumeAsync(HousekeepingJob.TriggerKey, Admin, CancellationToken.None);
        Assert.Equal(TriggerState.Normal, await SettledStateAsync());

        await using var db = Contexts.CreateDbContext();
        Assert.Contains(db.AuditEntries, e => e.Action == "Job.Pause" && e.Subject == "trigger:admin.housekeeping-nightly");
        Assert.Contains(db.AuditEntries, e => e.Action == "Job.Resume" && e.Subject == "trigger:admin.housekeeping-nightly");
    }

    [Fact]
    public async Task TriggerNow_RunsHousekeeping_WhichPrunesOldApiCallLogRows()
    {
        await SchedulerStarted.WaitAsync(factory.Services);
        long oldId, recentId;
        await using (var db = Contexts.CreateDbContext())
        {
            var old = NewLog(DateTime.UtcNow.AddDays(-45));
            var recent = NewLog(DateTime.UtcNow.AddMinutes(-5));
            db.ApiCallLogs.AddRange(old, recent);
            await db.SaveChangesAsync();
            (oldId, recentId) = (old.Id, recent.Id);
        }

        await jobs.TriggerNowAsync(HousekeepingJob.Key, Admin, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await ExistsAsync(oldId))
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.True(await ExistsAsync(recentId));
        await using var check = Contexts.CreateDbContext();
        Assert.Contains(check.AuditEntries, e => e.Action == "Job.TriggerNow" && e.Subject == "job:admin.housekeeping");
    }

    [Theory]
    [InlineData(29)]
    [InlineData(3601)]
    public async Task SetOrderPollInterval_OutOfRange_IsRejectedAndNothingChanges(int seconds)
    {
        var id = await new OperationsSeed(factory).AccountAsync($"Poll {seconds}", DateTime.UtcNow);

        var error = await jobs.SetOrderPollIntervalAsync(id, seconds, Admin, CancellationToken.None);

        Assert.Equal("The order poll interval must be between 30 and 3600 seconds.", error);
        Assert.Equal(120, (await jobs.ListPollIntervalsAsync(CancellationToken.None)).Single(r => r.AccountId == id).OrderPollIntervalSeconds);
    }

    [Fact]
    public async Task SetOrderPollInterval_InRange_SavesAndAudits()
    {
        var id = await new OperationsSeed(factory).AccountAsync("Poll ok", DateTime.UtcNow, channel: ChannelKind.Shopify);

        Assert.Null(await jobs.SetOrderPollIntervalAsync(id, 300, Admin, CancellationToken.None));

        Assert.Equal(300, (await jobs.ListPollIntervalsAsync(CancellationToken.None)).Single(r => r.AccountId == id).OrderPollIntervalSeconds);
        await using var db = Contexts.CreateDbContext();
        var entry = Assert.Single(db.AuditEntries, e => e.Action == "ChannelAccount.OrderPollInterval" && e.Subject == $"channel-account:{id}");
        Assert.Equal("Poll ok: 120 s → 300 s", entry.Detail);
        Assert.Equal("admin@example.com", entry.UserName);
    }

    private async Task<bool> ExistsAsync(long id)
    {
        await using var db = Contexts.CreateDbContext();
        return await db.ApiCallLogs.AnyAsync(l => l.Id == id);
    }

    private static ApiCallLog NewLog(DateTime startedUtc) => new()
    {
        Channel = "Etsy",
        Operation = "ListOrders",
        Method = "GET",
        Path = "/v3/orders",
        HttpStatus = 200,
        DurationMs = 10,
        StartedUtc = startedUtc,
    };
}
