using Microsoft.EntityFrameworkCore;
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
        builder.Services.AddSingleton<ListingQuantityReadBack>();
        builder.Services.AddSingleton<InventoryOverview>();

        // Stock set in the catalog (editor, CSV) becomes a ledger movement; composed onto the provider's options.
        builder.Services.AddSingleton<CatalogStockInterceptor>();
        builder.Services.ConfigureDbContext<SqliteAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        builder.Services.ConfigureDbContext<SqlServerAppDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<CatalogStockInterceptor>()));
        return builder;
    }
}
