using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Benchmarks;
using SellerPortal.Benchmarks.Orders;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// Each emulator's buyers take units off what the channel lists, are refused past it, and a cancellation puts them
/// back: the same for every emulated marketplace, driven through the common control contract over HTTP.
/// </summary>
public sealed class EmulatorStockTests
{
    [Fact]
    public async Task GeneratedOrders_TakeTheListedUnits_RefusePastThem_CancellationsPutThemBack()
    {
        await using var portal = EmulatorPortal.Start();
        var emulated = portal.Services.GetRequiredService<EmulatedChannels>();
        var accounts = new List<int>();
        foreach (var channel in emulated.InDisplayOrder)
        {
            accounts.Add(await portal.ConnectAsync(channel));
        }

        var products = await portal.AddProductsAsync("STK-", 1);
        await EmulatedPublishSetup.ApplyAsync(portal.Services, accounts, "Brake Discs", CancellationToken.None);
        await using (var db = portal.Db.CreateDbContext())
        {
            var variant = await db.Variants.SingleAsync(v => v.ProductId == products[0]);
            await portal.Services.GetRequiredService<StockLedger>().SetOnHandAsync(variant.Id, 10, "opening stock", EmulatorPortal.Clerk, StockMovementReason.Import, CancellationToken.None);
        }

        await portal.PublishAsync(products, [.. accounts]);
        await portal.Dispatcher.DrainAllAsync(CancellationToken.None);
        var listings = await portal.ListingsAsync();
        Assert.Equal(emulated.InDisplayOrder.Count, listings.Count);
        Assert.All(listings, l => Assert.Equal(ListingState.Live, l.State));
        using var http = portal.Factory.CreateClient();
        var control = new EmulatorControl(http, emulated);

        foreach (var channel in emulated.InDisplayOrder)
        {
            Assert.Equal(10, await ShownAsync(control, channel));

            // The n-th buyer wants 1 + n % 3 units: 1+2+3+1+2 and then 1 of the 3rd wanting 3, 3 (6 orders); the rest
            // are refused, nothing goes below 0.
            var placed = await control.PlaceOrdersAsync(channel, new SandboxOrderRequest(12, ["STK-01"]), CancellationToken.None);
            Assert.Equal((6, 6), (placed.OrderIds.Count, placed.Refused));
            Assert.Equal(0, await ShownAsync(control, channel));
            var open = (await control.OrderStatusesAsync(channel, null, CancellationToken.None))[placed.OrderIds[0]];

            // The first order holds one unit (1 + 0 % 3).
            var cancelled = await control.SetOrderStateAsync(channel, placed.OrderIds[0], new SandboxOrderStateRequest(SandboxOrderState.Cancelled), CancellationToken.None);
            Assert.NotEqual(open, cancelled.Status);
            Assert.Equal(cancelled.Status, (await control.OrderStatusesAsync(channel, null, CancellationToken.None))[placed.OrderIds[0]]);
            Assert.Equal(1, await ShownAsync(control, channel));

            // Cancelled once is final: a second cancellation leaves the order as it is and gives nothing back.
            var again = await control.SetOrderStateAsync(channel, placed.OrderIds[0], new SandboxOrderStateRequest(SandboxOrderState.Cancelled), CancellationToken.None);
            Assert.Equal(cancelled.Status, again.Status);
            Assert.Equal(1, await ShownAsync(control, channel));

            // A shipped order stays shipped: a cancellation after it changes nothing.
            var shipped = await control.SetOrderStateAsync(channel, placed.OrderIds[1], new SandboxOrderStateRequest(SandboxOrderState.Shipped), CancellationToken.None);
            Assert.NotEqual(open, shipped.Status);
            Assert.Equal(shipped.Status, (await control.SetOrderStateAsync(channel, placed.OrderIds[1], new SandboxOrderStateRequest(SandboxOrderState.Cancelled), CancellationToken.None)).Status);
            Assert.Equal(1, await ShownAsync(control, channel));
        }
    }

    private static async Task<int> ShownAsync(EmulatorControl control, ChannelKind channel) =>
        (await control.QuantitiesAsync(channel, null, CancellationToken.None))["STK-01"];
}
