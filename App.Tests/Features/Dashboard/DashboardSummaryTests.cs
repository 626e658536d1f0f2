using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Dashboard;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Dashboard;

public sealed class DashboardSummaryTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase db = new();
    private readonly DashboardSummary summary;

    public DashboardSummaryTests() => summary = new DashboardSummary(db, new FakeTimeProvider(new DateTimeOffset(Now)));

    [Fact]
    public async Task Sales_CountsOrdersAndRevenuePerChannelPerDay_LeavingOutCancelledOnes()
    {
        var (tiktok, ebay) = await AccountsAsync();
        await OrdersAsync(
            (tiktok, Now.AddHours(-1), 1500, OrderStatus.Processing),
            (tiktok, Now.AddHours(-2), 2500, OrderStatus.Shipped),
            (tiktok, Now.AddDays(-1), 1000, OrderStatus.Pending),
            (ebay, Now.AddHours(-3), 4000, OrderStatus.Delivered),
            (ebay, Now.AddHours(-4), 9900, OrderStatus.Cancelled),
            (ebay, Now.AddDays(-30), 700, OrderStatus.Delivered));

        var sales = await summary.SalesAsync(14, CancellationToken.None);

        Assert.Equal(14, sales.Days.Count);
        Assert.Equal(Now.Date, sales.Days[^1]);
        Assert.Equal("USD", sales.Currency);
        var tt = sales.Channels.Single(c => c.Channel == ChannelKind.TikTokShop);
        var eb = sales.Channels.Single(c => c.Channel == ChannelKind.Ebay);
        Assert.Equal([1, 2], new[] { tt.Orders[^2], tt.Orders[^1] });
        Assert.Equal(40.00m, tt.Revenue[^1]);
        Assert.Equal(10.00m, tt.Revenue[^2]);
        Assert.Equal(1, eb.Orders[^1]);
        Assert.Equal(40.00m, eb.Revenue[^1]);
        Assert.Equal(1, eb.Orders.Sum());
    }

    [Fact]
    public async Task Counts_AwaitingShipment_AndLowStock()
    {
        var (tiktok, _) = await AccountsAsync();
        await OrdersAsync((tiktok, Now, 100, OrderStatus.Pending), (tiktok, Now, 100, OrderStatus.Processing), (tiktok, Now, 100, OrderStatus.Shipped));
        await using (var context = db.CreateDbContext())
        {
            context.Products.Add(new Product
            {
                Name = "Mug",
                Variants =
                [
                    new Variant { Sku = "LOW", Price = new Money(100, "USD"), StockOnHand = 3 },
                    new Variant { Sku = "FINE", Price = new Money(100, "USD"), StockOnHand = 4 },
                ],
            });
            await context.SaveChangesAsync();
        }

        var counts = await summary.GetAsync(CancellationToken.None);

        Assert.Equal(2, counts.AwaitingShipment);
        Assert.Equal(1, counts.LowStock);
        Assert.Equal(3, counts.OrdersToday);
    }

    private async Task<(int TikTok, int Ebay)> AccountsAsync()
    {
        await using var context = db.CreateDbContext();
        var tiktok = new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "TikTok" };
        var ebay = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay" };
        context.AddRange(tiktok, ebay);
        await context.SaveChangesAsync();
        return (tiktok.Id, ebay.Id);
    }

    private async Task OrdersAsync(params (int Account, DateTime Placed, long TotalMinor, OrderStatus Status)[] orders)
    {
        await using var context = db.CreateDbContext();
        var n = 0;
        context.Orders.AddRange(orders.Select(o => new Order
        {
            ChannelAccountId = o.Account,
            ExternalOrderId = $"O-{++n}",
            Currency = "USD",
            TotalMinor = o.TotalMinor,
            Status = o.Status,
            PlacedUtc = o.Placed,
        }));
        await context.SaveChangesAsync();
    }
}
