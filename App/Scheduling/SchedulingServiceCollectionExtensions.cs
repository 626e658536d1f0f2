using Quartz;
using SellerPortal.Data;

namespace SellerPortal.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz in the app process with the persistent ADO store on the app's database. Clustered on SQL Server
    /// (several instances share the jobs and each fire runs once); SQLite runs one node, where Quartz refuses clustering.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName);
        var options = builder.Configuration.GetSection(SchedulingOptions.SectionName).Get<SchedulingOptions>() ?? new();
        var db = DatabaseConnection.Of(builder);

        builder.Services.AddQuartz(q =>
        {
            q.SchedulerName = options.InstanceName;
            q.SchedulerId = "AUTO";
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 4);
            q.UsePersistentStore(store =>
            {
                store.UseProperties = true;
                store.PerformSchemaValidation = true;
                store.UseSerializer<QuartzJsonSerializer>();
                if (db.Provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(db.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(10);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseMicrosoftSQLite(db.ConnectionString);
                }
            });
            // Each feature adds its own jobs, each with an explicit identity (ScheduledJobRegistration.AddScheduledJob).
        });

        builder.Services.AddHostedService<QuartzLogBinding>();

        // Disabled (tests that drive jobs by hand): the scheduler is never started. Not a long StartDelay: Quartz 3.22
        // refuses delays past 49.7 days (a timer limit), which would fail the host's start.
        if (options.Enabled)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return builder;
    }
}
