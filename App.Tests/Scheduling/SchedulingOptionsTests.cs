using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Scheduling;

public sealed class SchedulingOptionsTests
{
    [Fact]
    public async Task SchedulingDisabled_TheAppStarts_AndNothingStartsTheScheduler()
    {
        await using var factory = PortalAppFactory.With(null, new Dictionary<string, string?> { ["Scheduling:Enabled"] = "false" });

        // Starting the host runs every hosted service; a refused Quartz option throws here.
        using var client = factory.CreateClient();
        await Task.Delay(TimeSpan.FromSeconds(1));

        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.False(scheduler.IsStarted);
    }
}
