using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SellerPortal.Tests.Features.Admin;

internal static class SchedulerStarted
{
    /// <summary>Quartz's hosted service starts the scheduler once the app has started, a moment after the host is up.</summary>
    public static async Task<IScheduler> WaitAsync(IServiceProvider services)
    {
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!scheduler.IsStarted || scheduler.InStandbyMode)
        {
            await Task.Delay(50, timeout.Token);
        }

        return scheduler;
    }
}
