using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;

namespace SellerPortal.Features.Admin.Logs;

/// <summary>Deletes API call log rows past the configured retention.</summary>
public sealed class ApiCallLogPruner(
    IDbContextFactory<AppDbContext> contexts,
    IOptions<HousekeepingOptions> options,
    TimeProvider clock,
    ILogger<ApiCallLogPruner> logger)
{
    public async Task<int> PruneAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ApiCallLogRetentionDays);
        await using var db = contexts.CreateDbContext();
        var removed = await db.ApiCallLogs.Where(l => l.StartedUtc < cutoff).ExecuteDeleteAsync(ct);
        logger.LogInformation("Housekeeping removed {Count} API call log rows older than {Cutoff:u}", removed, cutoff);
        return removed;
    }
}
