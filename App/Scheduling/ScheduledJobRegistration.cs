using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace SellerPortal.Scheduling;

public static class ScheduledJobRegistration
{
    /// <summary>
    /// A feature's Quartz job and its trigger, from the feature's own <c>Add&lt;Feature&gt;()</c>: the job class goes into
    /// DI and both go onto <see cref="QuartzOptions"/>, which Quartz reads when the scheduler starts, so it does not
    /// matter whether this runs before or after <see cref="SchedulingServiceCollectionExtensions.AddScheduling"/>.
    /// </summary>
    public static IServiceCollection AddScheduledJob<TJob>(
        this IServiceCollection services, JobKey key, string description, TriggerKey triggerKey, Action<TriggerBuilder> schedule)
        where TJob : class, IJob
    {
        services.TryAddTransient<TJob>();
        services.Configure<QuartzOptions>(o => o
            .AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().WithDescription(description))
            .AddTrigger(t => schedule(t.ForJob(key).WithIdentity(triggerKey))));
        return services;
    }
}
