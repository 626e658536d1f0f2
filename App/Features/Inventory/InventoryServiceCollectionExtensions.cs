using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Sync;
using SellerPortal.Scheduling;

namespace SellerPortal.Features.Inventory;

public static class InventoryServiceCollectionExtensions
{
    /// <summary>
    /// The stock ledger, stock pushes and the inventory read models, the listing read-back and its job. The sync
    /// queue's PushStock handler is Inventory's: the engine's batched <see cref="PushStockHandler"/> inside one that
    /// also records what each channel was sent and answered.
    /// </summary>
    public static IHostApplicationBuilder AddInventory(this IHostApplicationBuilder builder)
    {
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
        var interval = builder.Configuration.GetSection(ListingReconcileOptions.SectionName).Get<ListingReconcileOptions>()?.Interval
            ?? new ListingReconcileOptions().Interval;
        // The first read-back waits a while (at most five minutes): a restart should not send every channel a burst of list calls.
        builder.Services.AddScheduledJob<ReconcileListingsJob>(ReconcileListingsJob.Key,
            "Reads back each connected account's listings and flags quantity, price and status drift",
            ReconcileListingsJob.TriggerKey,
            t => t.StartAt(DateBuilder.FutureDate((int)Math.Min(interval.TotalSeconds, 300), IntervalUnit.Second))
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));

        // Stock set in the catalog (editor, CSV) becomes a ledger movement; composed onto the provider's options.
        builder.Services.AddSingleton<CatalogStockInterceptor>();
        builder.Services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        builder.Services.ConfigureDbContext<SqlServerAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        return builder;
    }
}
