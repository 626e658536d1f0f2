using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Orders;

public sealed class OrderShippingTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly OrdersWorld world = new();

    [Fact]
    public async Task AShipment_GoesThroughTheSyncEngine_AndTheChannelsAnswerIsOnTheOrderAndItsTimeline()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 4);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 1))], OrderChangeSource.Import, Ct);
        var orderId = await OrderIdAsync("E1");

        var outcome = await world.Shipping.QueueAsync(orderId, new ShipRequest("UPS", "1Z999AA10123456784"), "staff", Ct);
        await world.DrainAsync();

        Assert.True(outcome.Queued);
        var shipment = Assert.Single(world.Channels[ChannelKind.Ebay].Shipments);
        Assert.Equal(("E1", "UPS", "1Z999AA10123456784"), (shipment.ExternalOrderId, shipment.Carrier, shipment.TrackingNumber));
        var detail = (await new OrderDetails(world.Db).GetAsync(orderId, Ct))!;
        Assert.Equal(OrderStatus.Shipped, detail.Status);
        Assert.Equal(ShipmentPushState.Pushed, detail.ShipmentState);
        Assert.Contains(detail.Timeline, t => t.Title == "ShipmentPushed");
        var level = await world.LevelAsync(variant);
        Assert.Equal((3, 0), (level.OnHand, level.Reserved));
    }

    [Fact]
    public async Task ARefusedShipment_IsRecordedAsFailed_WithTheChannelsReason()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.Importer.ImportAsync(account, [OrdersWorld.Order("E2", OrderStatus.Processing, OrdersWorld.Start)], OrderChangeSource.Import, Ct);
        var orderId = await OrderIdAsync("E2");
        world.Channels[ChannelKind.Ebay].FailNextShipment = new ChannelValidationException(ChannelKind.Ebay, "Invalid tracking number", [], "25014");

        await world.Shipping.QueueAsync(orderId, new ShipRequest("UPS", "BAD-12345"), "staff", Ct);
        await world.DrainAsync();

        var detail = (await new OrderDetails(world.Db).GetAsync(orderId, Ct))!;
        Assert.Equal(ShipmentPushState.Failed, detail.ShipmentState);
        Assert.Contains("Invalid tracking number", detail.ShipmentMessage);
        Assert.Equal(OrderStatus.Processing, detail.Status);
    }

    [Fact]
    public async Task ShipFromCsv_ValidatesEveryRow_AndReportsRowByRow()
    {
        var account = await world.AddAccountAsync(ChannelKind.Ebay);
        await world.Importer.ImportAsync(account,
            [OrdersWorld.Order("E1", OrderStatus.Processing, OrdersWorld.Start), OrdersWorld.Order("E2", OrderStatus.Cancelled, OrdersWorld.Start)],
            OrderChangeSource.Import, Ct);
        var csv = "order number,carrier,tracking\nN-E1,UPS,1Z999AA101\nN-E2,UPS,1Z999AA102\nN-NOPE,UPS,1Z999AA103\nN-E1,,x\n\"N-E1\",DHL";

        var rows = await world.Shipping.ValidateCsvAsync(csv, Ct);

        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.RowNumber));
        Assert.True(rows[0].Valid);
        Assert.Contains("cancelled", rows[1].Error);
        Assert.Contains("No order N-NOPE", rows[2].Error);
        Assert.Contains("carrier", rows[3].Error);
        Assert.Contains("3 columns", rows[4].Error);
        Assert.Equal(1, await world.Shipping.QueueRowsAsync(rows, "staff", Ct));
    }

    private async Task<long> OrderIdAsync(string externalId)
    {
        await using var db = world.Db.CreateDbContext();
        return await db.Orders.Where(o => o.ExternalOrderId == externalId).Select(o => o.Id).SingleAsync();
    }
}
