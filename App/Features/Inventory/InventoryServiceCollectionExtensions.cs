using Microsoft.EntityFrameworkCore;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// The stock ledger, stock pushes and the inventory read models. Replaces the sync engine's PushStock handler with
    /// one that also records what each channel was sent and answered (the dispatcher allows one handler per kind).
    /// </summary>
    public static IHostApplicationBuilder AddInventory(this IHostApplicationBuilder builder)
    {
        var plain = builder.Services.SingleOrDefault(d => d.ServiceType == typeof(ISyncJobHandler) && d.ImplementationType == typeof(PushStockHandler))
            ?? throw new InvalidOperationException("AddSync() must come before AddInventory().");
        builder.Services.Remove(plain);
        builder.Services.AddSingleton<PushStockHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, RecordingPushStockHandler>();
        builder.Services.AddSingleton<StockPushes>();
        builder.Services.AddSingleton<StockLedger>();
        builder.Services.AddSingleton<InventoryOverview>();
        builder.Services.AddOptions<ListingReconcileOptions>()
            .BindConfiguration(ListingReconcileOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ListingReconciler>();

        // Stock set in the catalog (editor, CSV) becomes a ledger movement; composed onto the provider's options.
        builder.Services.AddSingleton<CatalogStockInterceptor>();
        builder.Services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        builder.Services.ConfigureDbContext<SqlServerAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        return builder;
    }

    public static IServiceCollectionQuartzConfigurator AddInventoryJobs(this IServiceCollectionQuartzConfigurator q, TimeSpan interval)
    {
        q.AddJob<ReconcileListingsJob>(j => j.WithIdentity(ReconcileListingsJob.Key).StoreDurably()
            .WithDescription("Reads back each connected account's listings and flags quantity, price and status drift"));
        // The first read-back waits a while (at most five minutes): a restart should not send every channel a burst of list calls.
        q.AddTrigger(t => t.ForJob(ReconcileListingsJob.Key).WithIdentity(ReconcileListingsJob.TriggerKey)
            .StartAt(DateBuilder.FutureDate((int)Math.Min(interval.TotalSeconds, 300), IntervalUnit.Second))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
        return q;
    }
}
