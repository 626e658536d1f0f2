using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings.ProductChannels;
using SellerPortal.Features.Sync;

namespace SellerPortal.Tests.Features.Listings;

public sealed class ProductChannelsServiceTests
{
    private static readonly Actor Clerk = new("u", "clerk@example.com");
    private readonly ListingsTestBed bed = new();
    private readonly ProductChannelsService service;

    public ProductChannelsServiceTests() =>
        service = new ProductChannelsService(bed.Db, bed.Publisher, bed.Queue, new StockPushes(bed.Db, bed.Queue), new AuditLog(bed.Db, TimeProvider.System));

    [Fact]
    public async Task ChangingTheQuantityRuleOfALiveListing_SavesIt_AndQueuesAStockPush()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("Q-1");
        Assert.Empty(await service.RunAsync(product, new ChannelAction(accounts[0], ChannelActionVerb.Publish), CancellationToken.None));
        await bed.DrainAsync(accounts[0]);

        var problem = await service.SaveSettingsAsync(product, accounts[0], new ListingSettings(PriceRule.Base, new Dictionary<string, string>(), QuantityBuffer: 2, QuantityCap: 4), Clerk, CancellationToken.None);

        Assert.Null(problem);
        await using var db = bed.Db.CreateDbContext();
        var listing = await db.ChannelListings.SingleAsync(l => l.ProductId == product && l.ChannelAccountId == accounts[0]);
        Assert.Equal((2, 4), (listing.QuantityBuffer, listing.QuantityCap));
        Assert.True(await db.SyncJobs.AnyAsync(j => j.Kind == SyncJobKind.PushStock && j.Target == "Q-1" && j.ChannelAccountId == accounts[0] && j.Status == SyncJobStatus.Pending));
    }

    [Fact]
    public async Task ANegativeBuffer_IsRefusedWithAReason_AndNothingIsSaved()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("Q-2");

        var problem = await service.SaveSettingsAsync(product, accounts[0], new ListingSettings(PriceRule.Base, new Dictionary<string, string>(), QuantityBuffer: -1), Clerk, CancellationToken.None);

        Assert.Equal("The buffer and the maximum cannot be below zero.", problem);
        await using var db = bed.Db.CreateDbContext();
        Assert.False(await db.ChannelListings.AnyAsync(l => l.ProductId == product));
    }
}
