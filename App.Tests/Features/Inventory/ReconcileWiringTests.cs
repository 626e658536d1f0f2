using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Features.Inventory;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class ReconcileWiringTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public ReconcileWiringTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task TheReconcileJob_IsStoredWithItsExplicitIdentity_AndRunsEveryFifteenMinutesByDefault()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(ReconcileListingsJob.Key);
        var trigger = await scheduler.GetTrigger(ReconcileListingsJob.TriggerKey);

        Assert.Equal(typeof(ReconcileListingsJob), job?.JobType);
        Assert.True(job!.ConcurrentExecutionDisallowed);
        Assert.Equal(TimeSpan.FromMinutes(15), Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
        Assert.False(factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ListingReconcileOptions>>().Value.AutoRepush);
        Assert.NotNull(factory.Services.GetRequiredService<ListingReconciler>());
    }
}
