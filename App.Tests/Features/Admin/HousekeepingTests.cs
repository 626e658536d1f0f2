using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class HousekeepingTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public HousekeepingTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Prune_RemovesApiCallLogRowsPastTheRetention_AndKeepsRecentOnes()
    {
        var now = DateTime.UtcNow;
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = contexts.CreateDbContext())
        {
            db.ApiCallLogs.AddRange(
                Log("old", now.AddDays(-31)),
                Log("older", now.AddDays(-90)),
                Log("recent", now.AddDays(-29)),
                Log("today", now.AddMinutes(-5)));
            await db.SaveChangesAsync();
        }

        var removed = await factory.Services.GetRequiredService<ApiCallLogPruner>().PruneAsync(CancellationToken.None);

        await using var check = contexts.CreateDbContext();
        var left = await check.ApiCallLogs.Select(l => l.Operation).ToListAsync();
        Assert.Equal(2, removed);
        Assert.Equal(["recent", "today"], left.Order());
    }

    [Fact]
    public async Task HousekeepingJob_IsStoredInTheDatabaseWithItsExplicitIdentity()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(HousekeepingJob.Key);
        var trigger = await scheduler.GetTrigger(HousekeepingJob.TriggerKey);

        Assert.NotNull(job);
        Assert.Equal(typeof(HousekeepingJob), job.JobType);
        Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.True((await scheduler.GetMetaData()).JobStoreSupportsPersistence);
    }

    private static ApiCallLog Log(string operation, DateTime startedUtc) => new()
    {
        Channel = "TikTokShop",
        Operation = operation,
        Method = "GET",
        Path = "/x",
        HttpStatus = 200,
        StartedUtc = startedUtc,
    };
}
