using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.TikTokShop.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>The listing read-back against the TikTok Shop emulator over HTTP, signed for real.</summary>
public sealed class TikTokShopReconcileTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    private readonly TestDatabase db = new();

    [Fact]
    public async Task AQuantityChangedOnTikTok_IsReadBackAsDrift_AndADeactivatedProductAsNotLive()
    {
        var account = await emulator.Tokens.ConnectAsync("Reconcile Seller");
        var created = await emulator.Connector.CreateListingAsync(account, new ListingDraft
        {
            ProductKey = "P-REC",
            Title = "Reconciled binder",
            CategoryId = "600001",
            ImageUrls = [$"{MerchantImageHost.Base}/800x800/binder.png"],
            Variants =
            [
                new ListingVariantDraft("REC-BLK", new ChannelMoney(19.99m, "USD"), 5, new Dictionary<string, string> { ["Color"] = "Black" }, WeightGrams: 500),
                new ListingVariantDraft("REC-RED", new ChannelMoney(19.99m, "USD"), 5, new Dictionary<string, string> { ["Color"] = "Red" }, WeightGrams: 500),
            ],
        }, default);
        var (listingId, variants) = await RecordPublishedAsync(account, created);
        // Someone changes the figure in TikTok's Seller Center, not through us.
        var changed = await emulator.Connector.UpdateInventoryAsync(account, [new SkuQuantity("REC-BLK", 2, created.ExternalId, created.ExternalSkuIds["REC-BLK"])], default);
        Assert.True(Assert.Single(changed).Succeeded);

        var first = await Reconciler().ReconcileAccountAsync(account.AccountId, default);

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal((2, 1, 0, 0), (first.SkusRead, first.QuantityDrifts, first.PriceDrifts, first.StatusDrifts));
        var rows = await RowsAsync();
        Assert.Equal((2, true, 1999L), (rows["REC-BLK"].LastReadBackQuantity, rows["REC-BLK"].Drift, rows["REC-BLK"].LastReadBackPriceMinor));
        Assert.Equal((5, false), (rows["REC-RED"].LastReadBackQuantity, rows["REC-RED"].Drift));

        await emulator.Connector.UnpublishListingAsync(account, new ListingRef(created.ExternalId, ["REC-BLK", "REC-RED"]), default);
        var second = await Reconciler().ReconcileAccountAsync(account.AccountId, default);

        Assert.Equal(1, second.StatusDrifts);
        await using var check = db.CreateDbContext();
        var listing = await check.ChannelListings.SingleAsync(l => l.Id == listingId);
        Assert.Equal(("SELLER_DEACTIVATED", true), (listing.ChannelStatus, listing.StatusDrift));
        Assert.Equal(variants, rows.Count);
    }

    private ListingReconciler Reconciler() =>
        new(db, TestChannels.Registry(emulator.Connector), new SyncQueue(db, Options.Create(new SyncQueueOptions()), TimeProvider.System),
            Options.Create(new ListingReconcileOptions()), TimeProvider.System, NullLogger<ListingReconciler>.Instance);

    /// <summary>The portal's side of the same shop: the account, the product at 5 each, and the live listing we pushed 5 to.</summary>
    private async Task<(int ListingId, int Variants)> RecordPublishedAsync(ChannelAccountContext account, ListingResult created)
    {
        await using var ctx = db.CreateDbContext();
        ctx.ChannelAccounts.Add(new ChannelAccount
        {
            Id = account.AccountId, Channel = ChannelKind.TikTokShop, DisplayName = "TikTok sandbox", Environment = ChannelEnvironment.Sandbox,
            ShopId = account.ShopId, SellerId = account.SellerId, Region = account.Region,
            PropertiesJson = ChannelAccountContexts.WriteProperties(account.Properties), Status = ChannelAccountStatus.Connected,
        });
        var product = new Product
        {
            Name = "Reconciled binder",
            Variants =
            [
                new Variant { Sku = "REC-BLK", Price = new Money(1999, "USD"), StockOnHand = 5 },
                new Variant { Sku = "REC-RED", Price = new Money(1999, "USD"), StockOnHand = 5 },
            ],
        };
        ctx.Products.Add(product);
        await ctx.SaveChangesAsync();
        var listing = new ChannelListing { ProductId = product.Id, ChannelAccountId = account.AccountId, ExternalId = created.ExternalId, State = ListingState.Live };
        ctx.ChannelListings.Add(listing);
        await ctx.SaveChangesAsync();
        ctx.ChannelListingSkus.AddRange(product.Variants.Select(v => new ChannelListingSku
        {
            ChannelListingId = listing.Id, VariantId = v.Id, Sku = v.Sku, ExternalSkuId = created.ExternalSkuIds[v.Sku], LastPushedQuantity = 5, LastPushSucceeded = true,
        }));
        await ctx.SaveChangesAsync();
        return (listing.Id, product.Variants.Count);
    }

    private async Task<Dictionary<string, ChannelListingSku>> RowsAsync()
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.ChannelListingSkus.AsNoTracking().ToDictionaryAsync(s => s.Sku);
    }
}
