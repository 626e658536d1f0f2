using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.ProductChannels;

public sealed record VariantPriceView(string Sku, Money BasePrice, Money ChannelPrice);

public sealed record AccountListingView(
    int AccountId,
    string AccountName,
    ChannelKind Channel,
    ChannelAccountStatus AccountStatus,
    ListingState? State,
    string? ExternalId,
    string? ExternalUrl,
    DateTime? LastSyncedUtc,
    string? LastError,
    PriceRule PriceRule,
    IReadOnlyDictionary<string, string> ChannelFields,
    int QuantityBuffer,
    int? QuantityCap,
    IReadOnlyList<VariantPriceView> Prices,
    IReadOnlyList<string> Problems);

public sealed record ProductChannelsView(int ProductId, string ProductName, IReadOnlyList<AccountListingView> Accounts)
{
    public IReadOnlyList<ChannelListingStatus> Statuses =>
        Accounts.Select(a => new ChannelListingStatus(a.AccountId, a.AccountName, a.Channel, a.State, a.LastSyncedUtc, a.LastError)).ToList();
}

/// <summary>The channels-per-product editor: every connected account with this product's listing on it.</summary>
public sealed class ProductChannelsService(
    IDbContextFactory<AppDbContext> contexts, ListingPublisher publisher, SyncQueue queue, SellerPortal.Features.Inventory.StockPushes stockPushes, AuditLog audit)
{
    public async Task<ProductChannelsView?> LoadAsync(int productId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var product = await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
        if (product is null)
        {
            return null;
        }

        var accountIds = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Status != ChannelAccountStatus.Disconnected)
            .OrderBy(a => a.DisplayName).Select(a => a.Id).ToListAsync(ct);
        var views = new List<AccountListingView>();
        foreach (var accountId in accountIds)
        {
            var s = (await publisher.LoadAsync(db, productId, accountId, ct))!;
            var listed = s.Listing.Id != 0;
            views.Add(new AccountListingView(
                accountId, s.Account.DisplayName, s.Account.Channel, s.Account.Status,
                listed ? s.Listing.State : null, s.Listing.ExternalId, s.Listing.ExternalUrl, s.Listing.LastSyncedUtc, s.Listing.LastError,
                s.Listing.PriceRule, s.Listing.ChannelFields, s.Listing.QuantityBuffer, s.Listing.QuantityCap,
                s.Product.Variants.OrderBy(v => v.Id).Select(v => new VariantPriceView(v.Sku, v.Price, ChannelPricing.Apply(s.Listing.PriceRule, v.Price))).ToList(),
                publisher.Check(s)));
        }

        return new ProductChannelsView(product.Id, product.Name, views);
    }

    public Task SaveSettingsAsync(int productId, int accountId, PriceRule rule, IReadOnlyDictionary<string, string> fields, Actor actor, CancellationToken ct) =>
        SaveSettingsAsync(productId, accountId, new ListingSettings(rule, fields), actor, ct);

    /// <summary>Saves a channel's settings for the product; a changed quantity rule sends the new figure to the channel.</summary>
    public async Task<string?> SaveSettingsAsync(int productId, int accountId, ListingSettings settings, Actor actor, CancellationToken ct)
    {
        if (settings.QuantityBuffer < 0 || settings.QuantityCap < 0)
        {
            return "The buffer and the maximum cannot be below zero.";
        }

        var (rule, fields) = (settings.Rule, settings.Fields);
        await using var db = contexts.CreateDbContext();
        var listing = await db.ChannelListings.SingleOrDefaultAsync(l => l.ProductId == productId && l.ChannelAccountId == accountId, ct);
        if (listing is null)
        {
            listing = new ChannelListing { ProductId = productId, ChannelAccountId = accountId, State = ListingState.Draft };
            db.ChannelListings.Add(listing);
        }

        var quantityChanged = listing.QuantityBuffer != settings.QuantityBuffer || listing.QuantityCap != settings.QuantityCap;
        listing.PriceRule = rule;
        listing.QuantityBuffer = settings.QuantityBuffer;
        listing.QuantityCap = settings.QuantityCap;
        listing.ChannelFields = fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim());
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "listing.settings", $"product {productId} on account {accountId}",
            $"{rule.Kind} {rule.PercentBasisPoints}bp {rule.AmountMinor} {rule.Rounding}; buffer {settings.QuantityBuffer}, cap {settings.QuantityCap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}", ct);
        if (quantityChanged && listing.State == ListingState.Live)
        {
            var variants = await db.Variants.Where(v => v.ProductId == productId).Select(v => v.Id).ToListAsync(ct);
            await stockPushes.EnqueueAsync(variants, ct);
        }

        return null;
    }

    /// <summary>Runs one action; returns the problems that stopped it (empty when queued).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(int productId, ChannelAction action, CancellationToken ct)
    {
        if (action.Verb == ChannelActionVerb.PushStock)
        {
            return await PushStockAsync(productId, action.ChannelAccountId, ct);
        }

        var result = await publisher.QueueAsync(productId, action.ChannelAccountId, action.Verb switch
        {
            ChannelActionVerb.Publish => ListingAction.Publish,
            ChannelActionVerb.Update => ListingAction.Update,
            _ => ListingAction.Unpublish,
        }, null, ct);
        return result.Problems;
    }

    private async Task<IReadOnlyList<string>> PushStockAsync(int productId, int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var listing = await db.ChannelListings.AsNoTracking().SingleOrDefaultAsync(l => l.ProductId == productId && l.ChannelAccountId == accountId, ct);
        if (listing is not { State: ListingState.Live })
        {
            return ["It is not live on this channel."];
        }

        // The quantity and the channel's ids are worked out when the job runs (the Inventory feature's push handler).
        var skus = await db.Variants.AsNoTracking().Where(v => v.ProductId == productId).Select(v => v.Sku).ToListAsync(ct);
        foreach (var sku in skus)
        {
            await queue.EnqueueAsync(new SyncJobRequest(accountId, SyncJobKind.PushStock, sku,
                SyncPayload.Write(new StockPushPayload(sku)), SyncJobRequest.StockKey(accountId, sku)), ct);
        }

        return [];
    }
}
