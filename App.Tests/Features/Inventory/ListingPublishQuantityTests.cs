using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class ListingPublishQuantityTests
{
    [Fact]
    public async Task APublish_SendsAvailableLessTheBuffer_AndRecordsWhatWasSent()
    {
        var bed = new ListingsTestBed();
        var accounts = await bed.AddAccountsAsync();
        var tiktok = accounts[0];
        var product = await bed.AddProductAsync("PAD-1");
        await bed.Publisher.QueueAsync(product, tiktok, ListingAction.Publish, null, CancellationToken.None);
        await using (var db = bed.Db.CreateDbContext())
        {
            await db.ChannelListings.Where(l => l.ProductId == product).ExecuteUpdateAsync(s => s.SetProperty(l => l.QuantityBuffer, 2));
            await db.Variants.Where(v => v.ProductId == product).ExecuteUpdateAsync(s => s.SetProperty(v => EF.Property<int>(v, VariantStock.Reserved), 1));
        }

        await bed.Dispatcher.DrainAccountAsync(tiktok, CancellationToken.None);

        var draft = Assert.Single(bed.TikTok.Listings.Values);
        Assert.Equal(4, Assert.Single(draft.Variants).Quantity);
        await using var check = bed.Db.CreateDbContext();
        var row = await check.ChannelListingSkus.SingleAsync();
        Assert.Equal((4, "Sent with the listing"), (row.LastPushedQuantity, row.LastPushAnswer));
    }
}
