using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// The catalog's product editor and CSV import set <see cref="Variant.StockOnHand"/> on tracked variants. This records
/// each such change as an Import movement in the same SaveChanges (so the cached total never drifts from the ledger's
/// sum) and, once saved, queues the channels' new quantities. The ledger's own writes are SQL increments that never
/// pass through change tracking, so they are not counted twice.
/// </summary>
public sealed class CatalogStockInterceptor(IServiceProvider services, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(Variant Variant, StockMovement Movement)>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var variants))
        {
            pending.Remove(context);
            await services.GetRequiredService<StockPushes>().EnqueueAsync(variants.Select(v => v.Variant.Id).Distinct().ToList(), cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var variants))
        {
            pending.Remove(context);
            services.GetRequiredService<StockPushes>().EnqueueAsync(variants.Select(v => v.Variant.Id).Distinct().ToList(), CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // A failed save is retried by its caller: drop the movements added for it so the retry records each change once.
    private void Forget(DbContext? context)
    {
        if (context is not null && pending.TryGetValue(context, out var added))
        {
            pending.Remove(context);
            foreach (var (_, movement) in added)
            {
                context.Entry(movement).State = EntityState.Detached;
            }
        }
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Forget(context);
        var changed = new List<(Variant, StockMovement)>();
        foreach (var entry in context.ChangeTracker.Entries<Variant>().ToList())
        {
            var delta = entry.State switch
            {
                EntityState.Added => entry.Entity.StockOnHand,
                EntityState.Modified when entry.Property(v => v.StockOnHand).IsModified =>
                    entry.Entity.StockOnHand - entry.Property(v => v.StockOnHand).OriginalValue,
                _ => 0,
            };
            if (delta == 0)
            {
                continue;
            }

            var movement = new StockMovement
            {
                Variant = entry.Entity,
                Sku = entry.Entity.Sku,
                OnHandDelta = delta,
                Reason = StockMovementReason.Import,
                Note = "Set in the catalog (product editor or CSV import)",
                AtUtc = clock.GetUtcNow().UtcDateTime,
            };
            context.Add(movement);
            changed.Add((entry.Entity, movement));
        }

        if (changed.Count > 0)
        {
            pending.AddOrUpdate(context, changed);
        }
    }
}
