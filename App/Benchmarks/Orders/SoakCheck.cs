using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// What the soak found wrong. Lost: an order the emulator holds that the portal does not. Duplicated: one held twice.
/// Unknown: one the portal holds that the emulator does not. Wrong status: the portal's raw status is not the
/// emulator's. Ledger: a variant whose cached on hand or reserved is not the sum of its movements, or not what its
/// orders say (opening stock less shipped units; reserved = units of open orders). Channel: an emulator showing another
/// quantity than the portal computes (available less buffer, capped, never below zero).
/// </summary>
internal sealed record SoakReport(
    int EmulatorOrders, int Imported, int Lost, int Duplicated, int Unknown, int WrongStatus,
    int LedgerMismatches, int ChannelMismatches, int DeadLetters, int QueueRetries, int FailedAttempts, IReadOnlyList<string> Problems,
    IReadOnlyList<string> DeadLetterKinds)
{
    public bool Clean => Lost + Duplicated + Unknown + WrongStatus + LedgerMismatches + ChannelMismatches == 0;
}

internal static class SoakCheck
{
    public static async Task<SoakReport> RunAsync(IServiceProvider services, IReadOnlyList<SoakAccount> accounts, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var problems = new List<string>();
        int emulatorOrders = 0, imported = 0, lost = 0, duplicated = 0, unknown = 0, wrongStatus = 0, ledger = 0, channel = 0;
        await using var db = await contexts.CreateDbContextAsync(ct);

        // Every emulator order exactly once, with the emulator's final status.
        foreach (var account in accounts)
        {
            var kind = account.Name;
            var truth = (await account.Control(services).OrdersAsync(account.Seller, ct)).ToDictionary(o => o.OrderId, o => o.Status, StringComparer.Ordinal);
            var portal = await db.Orders.AsNoTracking().Where(o => o.ChannelAccountId == account.Id)
                .Select(o => new { o.ExternalOrderId, o.RawStatus }).ToListAsync(ct);
            emulatorOrders += truth.Count;
            imported += portal.Count;
            var byId = portal.GroupBy(o => o.ExternalOrderId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var (id, status) in truth)
            {
                if (!byId.TryGetValue(id, out var held))
                {
                    lost++;
                    Note(problems, $"{kind} order {id} ({status}) is not in the portal");
                    continue;
                }

                if (held.Count > 1)
                {
                    duplicated += held.Count - 1;
                    Note(problems, $"{kind} order {id} is in the portal {held.Count} times");
                }

                if (held.Any(o => o.RawStatus != status))
                {
                    wrongStatus++;
                    Note(problems, $"{kind} order {id}: the portal has {held[0].RawStatus}, the emulator {status}");
                }
            }

            foreach (var id in byId.Keys.Where(id => !truth.ContainsKey(id)))
            {
                unknown++;
                Note(problems, $"{kind} order {id} is in the portal but not on the channel");
            }
        }

        // The ledger balances: cached figures are the sums of the movements, and the movements match the orders.
        var sums = await db.StockMovements.AsNoTracking().GroupBy(m => m.VariantId)
            .Select(g => new
            {
                VariantId = g.Key,
                OnHand = g.Sum(m => m.OnHandDelta),
                Reserved = g.Sum(m => m.ReservedDelta),
                Opening = g.Where(m => m.OrderLineId == null).Sum(m => m.OnHandDelta),
            })
            .ToDictionaryAsync(x => x.VariantId, ct);
        var lines = await (
                from l in db.OrderLines.AsNoTracking()
                join o in db.Orders on l.OrderId equals o.Id
                where l.VariantId != null
                select new { VariantId = l.VariantId!.Value, l.Quantity, o.Status })
            .ToListAsync(ct);
        var variants = await db.Variants.AsNoTracking()
            .Select(v => new { v.Id, v.Sku, v.ProductId, v.StockOnHand, Reserved = EF.Property<int>(v, VariantStock.Reserved) }).ToListAsync(ct);
        foreach (var v in variants)
        {
            var sum = sums.GetValueOrDefault(v.Id);
            var mine = lines.Where(l => l.VariantId == v.Id).ToList();
            var shipped = mine.Where(l => OrderStatusRules.HasLeft(l.Status)).Sum(l => l.Quantity);
            var open = mine.Where(l => OrderStatusRules.IsOpen(l.Status)).Sum(l => l.Quantity);
            var cachedMatchesSums = (v.StockOnHand, v.Reserved) == (sum?.OnHand ?? 0, sum?.Reserved ?? 0);
            var sumsMatchOrders = (sum?.OnHand ?? 0, sum?.Reserved ?? 0) == ((sum?.Opening ?? 0) - shipped, open);
            if (!cachedMatchesSums || !sumsMatchOrders)
            {
                ledger++;
                Note(problems, $"{v.Sku}: cached on hand {v.StockOnHand}, reserved {v.Reserved}; movements {sum?.OnHand ?? 0}, {sum?.Reserved ?? 0}; " +
                    $"orders say {(sum?.Opening ?? 0) - shipped}, {open}");
            }
        }

        // Every channel shows what the portal computes for it.
        var listings = await db.ChannelListings.AsNoTracking().Where(l => l.State == ListingState.Live).ToListAsync(ct);
        foreach (var account in accounts)
        {
            var kind = account.Name;
            var shown = await EmulatorQuantitiesAsync(services, account, ct);
            foreach (var listing in listings.Where(l => l.ChannelAccountId == account.Id))
            {
                foreach (var v in variants.Where(v => v.ProductId == listing.ProductId))
                {
                    var expected = ChannelQuantity.For(v.StockOnHand - v.Reserved, listing.QuantityBuffer, listing.QuantityCap);
                    if (!shown.TryGetValue(v.Sku, out var quantity) || quantity != expected)
                    {
                        channel++;
                        // The SKU's last stock push on the account says why, where one failed.
                        var push = await db.SyncJobs.AsNoTracking()
                            .Where(j => j.ChannelAccountId == account.Id && j.Kind == SyncJobKind.PushStock && j.Target == v.Sku)
                            .OrderByDescending(j => j.Id).Select(j => new { j.Status, j.Attempts, j.LastError }).FirstOrDefaultAsync(ct);
                        Note(problems, $"{kind} {v.Sku}: the emulator shows {(shown.TryGetValue(v.Sku, out var q) ? q : "nothing")}, the portal says {expected}" +
                            (push is null ? "; no stock push" : $"; last push {push.Status} after {push.Attempts} attempts{(push.LastError is null ? "" : $": {push.LastError}")}"));
                    }
                }
            }
        }

        var deadLetters = await db.SyncJobs.CountAsync(j => j.Status == SyncJobStatus.Dead, ct);
        var retries = await db.SyncJobs.Where(j => j.Attempts > 1).SumAsync(j => j.Attempts - 1, ct);
        var failedAttempts = await db.ApiCallLogs.CountAsync(c => c.HttpStatus == null || c.HttpStatus == 429 || c.HttpStatus >= 500, ct);
        var deadKinds = (await db.SyncJobs.AsNoTracking().Where(j => j.Status == SyncJobStatus.Dead)
                .Select(j => new { j.Kind, j.Attempts, j.LastError }).ToListAsync(ct))
            .GroupBy(j => j.Kind)
            .Select(g => $"{g.Key} {g.Count()} (attempts {g.Min(j => j.Attempts)}..{g.Max(j => j.Attempts)}; last: {g.First().LastError})")
            .ToList();
        return new SoakReport(emulatorOrders, imported, lost, duplicated, unknown, wrongStatus, ledger, channel, deadLetters, retries, failedAttempts, problems, deadKinds);
    }

    private static void Note(List<string> problems, string problem)
    {
        if (problems.Count < 50)
        {
            problems.Add(problem);
        }
    }

    /// <summary>What the account's seller shows buyers per SKU on its emulator (no seller: the whole emulator).</summary>
    private static async Task<Dictionary<string, int>> EmulatorQuantitiesAsync(IServiceProvider services, SoakAccount account, CancellationToken ct) =>
        (await account.Control(services).ListingsAsync(account.Seller, ct)).GroupBy(l => l.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Quantity, StringComparer.Ordinal);
}
