using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Webhooks;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Webhooks;

public sealed class BuyerErasureSinkTests
{
    [Fact]
    public async Task AnEbayDeletionNotice_ErasesThatBuyersPersonalData_OnEbayOrdersOnly()
    {
        var data = new TestDatabase();
        await using (var db = data.CreateDbContext())
        {
            var ebay = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US" };
            var tiktok = new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "TikTok" };
            db.AddRange(ebay, tiktok);
            await db.SaveChangesAsync();
            db.Orders.AddRange(
                Order(ebay.Id, "E-1", "jdoe"),
                Order(ebay.Id, "E-2", "someone_else"),
                Order(tiktok.Id, "T-1", "jdoe"));
            await db.SaveChangesAsync();
        }

        var sink = new SyncQueueWebhookActionSink(TimeProvider.System, NullLogger<SyncQueueWebhookActionSink>.Instance);
        await using (var db = data.CreateDbContext())
        {
            var note = await sink.ApplyAsync(new WebhookDelivery(ChannelKind.Ebay, null, "notif-1", "MARKETPLACE_ACCOUNT_DELETION", [new EraseBuyerDataAction("jdoe")]), db, CancellationToken.None);
            await db.SaveChangesAsync();
            Assert.Equal("Buyer personal data erased on 1 order(s).", note);
        }

        await using var check = data.CreateDbContext();
        var orders = await check.Orders.ToDictionaryAsync(o => o.ExternalOrderId);
        Assert.Null(orders["E-1"].BuyerUsername);
        Assert.Null(orders["E-1"].BuyerName);
        Assert.Null(orders["E-1"].ShipTo.Line1);
        Assert.Equal("someone_else", orders["E-2"].BuyerUsername);
        Assert.Equal("jdoe", orders["T-1"].BuyerUsername);
        Assert.Equal("1 Main St", orders["T-1"].ShipTo.Line1);
    }

    private static Order Order(int accountId, string id, string buyer) => new()
    {
        ChannelAccountId = accountId,
        ExternalOrderId = id,
        Currency = "USD",
        BuyerUsername = buyer,
        BuyerName = "Jane Doe",
        ShipTo = new ShippingAddress { Name = "Jane Doe", Line1 = "1 Main St", City = "Springfield", CountryCode = "US" },
    };
}
