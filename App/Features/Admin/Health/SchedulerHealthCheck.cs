using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace SellerPortal.Features.Admin.Health;

/// <summary>Healthy while the Quartz scheduler is started and not shut down or in standby.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (scheduler.IsShutdown)
        {
            return HealthCheckResult.Unhealthy("The scheduler is shut down.");
        }

        if (!scheduler.IsStarted || scheduler.InStandbyMode)
        {
            return HealthCheckResult.Unhealthy("The scheduler is not running.");
        }

        return HealthCheckResult.Healthy("The scheduler is running.");
    }
}
