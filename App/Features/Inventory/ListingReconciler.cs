using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Inventory;

/// <summary>What one account's read-back found; <see cref="Error"/> is set when it could not finish.</summary>
public sealed record ListingReconcileResult(int AccountId, int SkusRead, int QuantityDrifts, int PriceDrifts, int StatusDrifts, int Repushes, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads back what each channel really shows (quantity, price and listing status per SKU) page by page, records it
/// beside what we last pushed, and flags drift: a quantity other than the one pushed, a price other than the rule's,
/// or a listing we think live that the channel shows inactive or not at all. One account failing does not stop the rest.
/// </summary>
public sealed class ListingReconciler(
    IDbContextFactory<AppDbContext> contexts,
    ChannelRegistry channels,
    SyncQueue queue,
    IOptions<ListingReconcileOptions> options,
    TimeProvider clock,
    ILogger<ListingReconciler> logger)
{
    /// <summary>Connected accounts whose channel can list its listings.</summary>
    public async Task<IReadOnlyList<int>> AccountIdsAsync(CancellationToken ct)
    {
        var listing = channels.Connectors.Where(c => c.Capabilities.Listings).Select(c => c.Channel).Distinct().ToList();
        await using var db = contexts.CreateDbContext();
        return await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Status == ChannelAccountStatus.Connected && listing.Contains(a.Channel))
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ListingReconcileResult>> ReconcileAllAsync(CancellationToken ct)
    {
        var results = new List<ListingReconcileResult>();
        foreach (var id in await AccountIdsAsync(ct))
        {
            results.Add(await ReconcileAccountAsync(id, ct));
        }

        return results;
    }

    public async Task<ListingReconcileResult> ReconcileAccountAsync(int accountId, CancellationToken ct)
    {
        ChannelAccount? account;
        await using (var db = contexts.CreateDbContext())
        {
            account = await db.ChannelAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        }

        var connector = account is null ? null : channels.Connector(account.Channel) is { Capabilities.Listings: true } c ? c : null;
        if (account is not { Status: ChannelAccountStatus.Connected } || connector is null)
        {
            return new ListingReconcileResult(accountId, 0, 0, 0, 0, 0, "The account is not connected or its channel cannot list listings.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tally = new Tally();
        string? error = null;
        try
        {
            var context = ChannelAccountContexts.For(account);
            var seen = new Dictionary<int, SeenListing>();
            string? cursor = null;
            do
            {
                var page = await connector.ListListingsAsync(context, cursor, ct);
                await RecordPageAsync(account.Channel, accountId, page.Items, now, seen, tally, ct);
                if (page.NextCursor is not null && page.NextCursor == cursor)
                {
                    throw new InvalidOperationException($"{ChannelNames.Display(account.Channel)} returned the same page of listings twice.");
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);

            // Only after every page was read can a listing be called missing.
            await RecordListingStatusAsync(accountId, seen, now, tally, ct);
            if (connector is IFulfilledByChannelStock fulfilled)
            {
                await RecordFulfilledStockAsync(fulfilled, context, accountId, now, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = ex is ChannelException channel ? SyncDispatcher.Describe(channel) : ex.Message;
            logger.LogWarning(ex, "Reading back the listings of account {Account} ({Channel}) failed", accountId, account.Channel);
        }

        await RecordCheckAsync(accountId, now, error, tally, ct);
        return new ListingReconcileResult(accountId, tally.SkusRead, tally.QuantityDrifts, tally.PriceDrifts, tally.StatusDrifts, tally.Repushes, error);
    }

    private async Task RecordPageAsync(ChannelKind channel, int accountId, IReadOnlyList<ChannelListingSnapshot> page, DateTime now, Dictionary<int, SeenListing> seen, Tally tally, CancellationToken ct)
    {
        var shown = page.SelectMany(l => l.Skus.Select(s => (Listing: l, Sku: s))).Where(x => !string.IsNullOrEmpty(x.Sku.Sku)).ToList();
        var skus = shown.Select(x => x.Sku.Sku).Distinct().ToList();
        var externalIds = page.Select(l => l.ExternalId).Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        var repushes = new List<SyncJobRequest>();
        await using (var db = contexts.CreateDbContext())
        {
            var rows = await db.ChannelListingSkus
                .Where(s => skus.Contains(s.Sku) && s.Listing!.ChannelAccountId == accountId)
                .ToListAsync(ct);
            var listingIds = rows.Select(r => r.ChannelListingId).Distinct().ToList();
            var listings = await db.ChannelListings.AsNoTracking()
                .Where(l => l.ChannelAccountId == accountId && (listingIds.Contains(l.Id) || (l.ExternalId != null && externalIds.Contains(l.ExternalId))))
                .ToDictionaryAsync(l => l.Id, ct);
            var variantIds = rows.Select(r => r.VariantId).Distinct().ToList();
            var variants = await db.Variants.AsNoTracking()
                .Where(v => variantIds.Contains(v.Id))
                .Select(v => new VariantFigures(v.Id, v.Price.AmountMinor, v.Price.Currency, v.StockOnHand - EF.Property<int>(v, VariantStock.Reserved)))
                .ToDictionaryAsync(v => v.Id, ct);

            // A listing the channel shows under our external id counts as seen even where none of its SKUs is recorded yet.
            foreach (var l in listings.Values.Where(l => l.ExternalId is not null))
            {
                foreach (var snapshot in page.Where(p => p.ExternalId == l.ExternalId))
                {
                    See(seen, l.Id, channel, snapshot.Status);
                }
            }

            foreach (var row in rows)
            {
                var listing = listings[row.ChannelListingId];
                // The same SKU under two channel listings: prefer the one carrying our external id.
                var match = shown.Where(x => x.Sku.Sku == row.Sku).OrderByDescending(x => x.Listing.ExternalId == listing.ExternalId).First();
                See(seen, listing.Id, channel, match.Listing.Status);
                tally.SkusRead++;
                row.LastReadBackUtc = now;
                var variant = variants[row.VariantId];
                if (match.Sku.Quantity is { } quantity)
                {
                    row.LastReadBackQuantity = quantity;
                    var shouldShow = ChannelQuantity.For(variant.Available, listing.QuantityBuffer, listing.QuantityCap);
                    // A channel's own sale lowers its figure before the order reaches us and is never pushed back to it:
                    // showing what it should show now is not drift, whatever was pushed last.
                    row.Drift = row.LastPushedQuantity is { } pushed && pushed != quantity && quantity != shouldShow;
                    if (row.Drift)
                    {
                        tally.QuantityDrifts++;
                        if (options.Value.AutoRepush && listing.State == ListingState.Live)
                        {
                            repushes.Add(new SyncJobRequest(accountId, SyncJobKind.PushStock, row.Sku,
                                SyncPayload.Write(new StockPushPayload(row.Sku, shouldShow, listing.ExternalId, row.ExternalSkuId)),
                                SyncJobRequest.StockKey(accountId, row.Sku)));
                        }
                    }
                }

                if (match.Sku.Price is { } price && !string.IsNullOrWhiteSpace(price.Currency))
                {
                    var channelPrice = Money.FromDecimal(price.Amount, price.Currency.Trim().ToUpperInvariant());
                    var rulePrice = ChannelPricing.Apply(listing.PriceRule, new Money(variant.PriceMinor, variant.Currency));
                    row.LastReadBackPriceMinor = channelPrice.AmountMinor;
                    row.LastReadBackCurrency = channelPrice.Currency;
                    row.PriceDrift = channelPrice != rulePrice;
                    tally.PriceDrifts += row.PriceDrift ? 1 : 0;
                }
            }

            await db.SaveChangesAsync(ct);
        }

        // Coalesced per account and SKU: a repush already pending takes the new figure instead of queuing another.
        foreach (var request in repushes)
        {
            await queue.EnqueueAsync(request, ct);
            tally.Repushes++;
        }
    }

    /// <summary>
    /// The channel's own (FBA) stock per SKU, kept in its own column: it is Amazon's to sell, so it never touches on hand,
    /// available or drift, and is never pushed. SKUs the channel no longer holds go back to null.
    /// </summary>
    private async Task RecordFulfilledStockAsync(IFulfilledByChannelStock fulfilled, ChannelAccountContext context, int accountId, DateTime now, CancellationToken ct)
    {
        List<string> skus;
        await using (var db = contexts.CreateDbContext())
        {
            skus = await db.ChannelListingSkus.AsNoTracking()
                .Where(s => s.Listing!.ChannelAccountId == accountId)
                .Select(s => s.Sku).Distinct().OrderBy(s => s).ToListAsync(ct);
        }

        if (skus.Count == 0)
        {
            return;
        }

        var stock = (await fulfilled.GetAsync(context, skus, ct)).ToDictionary(s => s.Sku, StringComparer.Ordinal);
        // A batch at a time, so an account with many SKUs is never tracked whole.
        foreach (var batch in skus.Chunk(500))
        {
            await using var db = contexts.CreateDbContext();
            var rows = await db.ChannelListingSkus.Where(s => s.Listing!.ChannelAccountId == accountId && batch.Contains(s.Sku)).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.ChannelFulfilledQuantity = stock.TryGetValue(row.Sku, out var s) ? s.Fulfillable : null;
                row.ChannelFulfilledUtc = now;
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private void See(Dictionary<int, SeenListing> seen, int listingId, ChannelKind channel, string status)
    {
        var activity = channels.Describe(channel).ReadListingStatus(status);
        // Several channel entries for one listing (eBay and Amazon list per SKU): any active one keeps it live.
        if (!seen.TryGetValue(listingId, out var before) || Rank(activity) > Rank(before.Activity))
        {
            seen[listingId] = new SeenListing(status, activity);
        }
    }

    private static int Rank(ChannelListingActivity a) => a switch
    {
        ChannelListingActivity.Active => 2,
        ChannelListingActivity.Unknown => 1,
        _ => 0,
    };

    private async Task RecordListingStatusAsync(int accountId, Dictionary<int, SeenListing> seen, DateTime now, Tally tally, CancellationToken ct)
    {
        // In id order, a batch at a time, so an account with many listings is never loaded whole.
        var lastId = 0;
        while (true)
        {
            await using var db = contexts.CreateDbContext();
            var batch = await db.ChannelListings
                .Where(l => l.ChannelAccountId == accountId && l.Id > lastId)
                .OrderBy(l => l.Id)
                .Take(200)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var listing in batch)
            {
                var found = seen.TryGetValue(listing.Id, out var s);
                listing.ChannelStatus = found ? s!.Status : null;
                listing.LastReadBackUtc = now;
                listing.StatusDrift = listing.State == ListingState.Live && (!found || s!.Activity == ChannelListingActivity.Inactive);
                tally.StatusDrifts += listing.StatusDrift ? 1 : 0;
            }

            await db.SaveChangesAsync(ct);
            lastId = batch[^1].Id;
        }
    }

    private async Task RecordCheckAsync(int accountId, DateTime now, string? error, Tally tally, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var check = await db.ListingReconcileChecks.SingleOrDefaultAsync(c => c.ChannelAccountId == accountId, ct);
        if (check is null)
        {
            db.ListingReconcileChecks.Add(check = new ListingReconcileCheck { ChannelAccountId = accountId });
        }

        check.LastRunUtc = now;
        check.LastError = error is { Length: > 2000 } ? error[..2000] : error;
        if (error is null)
        {
            check.LastSuccessUtc = now;
            (check.SkusRead, check.QuantityDrifts, check.PriceDrifts, check.StatusDrifts) = (tally.SkusRead, tally.QuantityDrifts, tally.PriceDrifts, tally.StatusDrifts);
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record SeenListing(string Status, ChannelListingActivity Activity);

    private sealed record VariantFigures(int Id, long PriceMinor, string Currency, int Available);

    private sealed class Tally
    {
        public int SkusRead { get; set; }
        public int QuantityDrifts { get; set; }
        public int PriceDrifts { get; set; }
        public int StatusDrifts { get; set; }
        public int Repushes { get; set; }
    }
}
