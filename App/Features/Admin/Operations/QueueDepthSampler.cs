using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Admin.Operations;

/// <summary>
/// Counts the sync queue per channel on a timer for the queue depth gauge. A gauge's callback runs on the scrape
/// and must be quick and synchronous, so it reads the last sample instead of querying the database.
/// </summary>
public sealed class QueueDepthSampler(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<MetricsOptions> options,
    TimeProvider clock,
    ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.QueueSampleSeconds), clock);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Sampling the sync queue depth failed; the gauge keeps its last value");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var perAccount = await db.SyncJobs.AsNoTracking()
            .Where(j => j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running)
            .GroupBy(j => j.ChannelAccountId)
            .Select(g => new { AccountId = g.Key, Depth = g.LongCount() })
            .ToListAsync(ct);
        var channels = await db.ChannelAccounts.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Channel.ToString(), ct);
        PortalMeters.SetQueueDepth(perAccount
            .GroupBy(r => r.AccountId is { } id && channels.TryGetValue(id, out var c) ? c : "none")
            .Select(g => new QueueDepthSample(g.Key, g.Sum(r => r.Depth)))
            .ToList());
    }
}
