using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;

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
        var db = builder.Services.Single(s => s.ServiceType == typeof(DatabaseConnection)).ImplementationInstance as DatabaseConnection
            ?? throw new InvalidOperationException("AddDatabase() must come before AddScheduling().");

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

            // Jobs are registered in code, grouped by feature, each with an explicit identity.
            q.AddHousekeepingJob(builder.Configuration.GetSection(HousekeepingOptions.SectionName).Get<HousekeepingOptions>()?.Schedule
                ?? new HousekeepingOptions().Schedule);
            q.AddSyncJobs(builder.Configuration.GetSection(SyncQueueOptions.SectionName).Get<SyncQueueOptions>()?.DispatchInterval
                ?? new SyncQueueOptions().DispatchInterval);
            q.AddOrderJobs(builder.Configuration.GetSection(OrderImportOptions.SectionName).Get<OrderImportOptions>()?.ScheduleInterval ?? new OrderImportOptions().ScheduleInterval);
            q.AddInventoryJobs(builder.Configuration.GetSection(ListingReconcileOptions.SectionName).Get<ListingReconcileOptions>()?.Interval
                ?? new ListingReconcileOptions().Interval);
        });

        builder.Services.AddHostedService<QuartzLogBinding>();
        if (options.Enabled && (builder.Configuration.GetSection(SyncQueueOptions.SectionName).Get<SyncQueueOptions>() ?? new()).DispatchOnEnqueue)
        {
            // Orders and stock drain the moment they are queued; the dispatch job catches retries as they come due.
            builder.Services.AddHostedService<DispatchOnSignalService>();
        }

        // Disabled (tests that drive jobs by hand): the scheduler is never started. Not a long StartDelay: Quartz 3.22
        // refuses delays past 49.7 days (a timer limit), which would fail the host's start.
        if (options.Enabled)
        {
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return builder;
    }
}
