using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Orders;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class ChannelStockPushTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly OrdersWorld world = new();

    [Fact]
    public async Task AnOrderOnA_ReducesWhatEveryChannelIsSent_AIncluded_ByTheOrderedAmount_AndACancellationRestoresIt()
    {
        var (a, b, c) = (await world.AddAccountAsync(ChannelKind.TikTokShop), await world.AddAccountAsync(ChannelKind.Amazon), await world.AddAccountAsync(ChannelKind.Ebay));
        var (product, _) = await world.AddProductAsync("MUG-BLUE", 10);
        foreach (var account in new[] { a, b, c })
        {
            await world.ListAsync(product, account);
        }

        await world.Importer.ImportAsync(a, [OrdersWorld.Order("T1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 3))], OrderChangeSource.Import, Ct);
        await world.DrainAsync();

        Assert.Equal(7, world.Channels[ChannelKind.Amazon].Shown["MUG-BLUE"]);
        Assert.Equal(7, world.Channels[ChannelKind.Ebay].Shown["MUG-BLUE"]);
        // A counted the sale itself, and is still sent the figure after it: a push of ours made before the import of a
        // sale must not leave A showing the units again (ADR 0007).
        Assert.Equal(7, world.Channels[ChannelKind.TikTokShop].Shown["MUG-BLUE"]);

        world.Clock.Advance(TimeSpan.FromMinutes(5));
        await world.Importer.ImportAsync(a, [OrdersWorld.Order("T1", OrderStatus.Cancelled, OrdersWorld.Start.AddMinutes(5), ("MUG-BLUE", 3))], OrderChangeSource.Import, Ct);
        await world.DrainAsync();

        Assert.Equal(10, world.Channels[ChannelKind.Amazon].Shown["MUG-BLUE"]);
        Assert.Equal(10, world.Channels[ChannelKind.Ebay].Shown["MUG-BLUE"]);
        Assert.Equal(10, world.Channels[ChannelKind.TikTokShop].Shown["MUG-BLUE"]);
    }

    [Fact]
    public async Task BuffersAndCapsApply_AndAChannelIsNeverSentLessThanZero()
    {
        var (a, b, c) = (await world.AddAccountAsync(ChannelKind.TikTokShop), await world.AddAccountAsync(ChannelKind.Amazon), await world.AddAccountAsync(ChannelKind.Ebay));
        var (product, variant) = await world.AddProductAsync("MUG-BLUE", 10);
        await world.ListAsync(product, a, buffer: 2);
        await world.ListAsync(product, b, cap: 5);
        await world.ListAsync(product, c, buffer: 12);

        await world.Ledger.AdjustAsync(variant, 1, "found one in returns", new("u1", "staff"), Ct);
        await world.DrainAsync();

        Assert.Equal(9, world.Channels[ChannelKind.TikTokShop].Shown["MUG-BLUE"]);
        Assert.Equal(5, world.Channels[ChannelKind.Amazon].Shown["MUG-BLUE"]);
        Assert.Equal(0, world.Channels[ChannelKind.Ebay].Shown["MUG-BLUE"]);
    }

    [Theory]
    [InlineData(10, 0, null, 10)]
    [InlineData(10, 3, null, 7)]
    [InlineData(10, 0, 4, 4)]
    [InlineData(10, 3, 8, 7)]
    [InlineData(2, 5, null, 0)]
    [InlineData(-3, 0, 5, 0)]
    public void ChannelQuantity_IsAvailableLessBuffer_CappedAndNeverNegative(int available, int buffer, int? cap, int expected) =>
        Assert.Equal(expected, ChannelQuantity.For(available, buffer, cap));

    [Fact]
    public async Task WhatWasPushedAndTheChannelsAnswer_AreRecordedPerChannelSku()
    {
        var (a, b) = (await world.AddAccountAsync(ChannelKind.TikTokShop), await world.AddAccountAsync(ChannelKind.Amazon));
        var (product, variant) = await world.AddProductAsync("MUG-BLUE", 6);
        await world.ListAsync(product, a);
        await world.ListAsync(product, b, buffer: 1);
        world.Channels[ChannelKind.Amazon].RejectedSkus.Add("MUG-BLUE");

        await world.Ledger.AdjustAsync(variant, -1, "broken in the warehouse", new("u1", "staff"), Ct);
        await world.DrainAsync();

        var why = (await world.Inventory.ExplainAsync(variant, Ct))!;
        Assert.Equal((5, 0, 5), (why.OnHand, why.Reserved, why.Available));
        var tiktok = Assert.Single(why.Channels, f => f.Channel == ChannelKind.TikTokShop);
        Assert.Equal((5, true, "Accepted"), (tiktok.LastPushedQuantity, tiktok.LastPushSucceeded, tiktok.LastPushAnswer));
        var amazon = Assert.Single(why.Channels, f => f.Channel == ChannelKind.Amazon);
        Assert.Equal((4, 4, false), (amazon.ShouldShow, amazon.LastPushedQuantity, amazon.LastPushSucceeded));
        Assert.Contains("SKU not on this listing", amazon.LastPushAnswer);
    }

    [Fact]
    public async Task WhyThisNumber_NamesTheOrdersHoldingReservations()
    {
        var a = await world.AddAccountAsync(ChannelKind.TikTokShop);
        var (_, variant) = await world.AddProductAsync("MUG-BLUE", 6);
        await world.Importer.ImportAsync(a,
            [OrdersWorld.Order("T1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 2)), OrdersWorld.Order("T2", OrderStatus.Shipped, OrdersWorld.Start, ("MUG-BLUE", 1))],
            OrderChangeSource.Import, Ct);

        var why = (await world.Inventory.ExplainAsync(variant, Ct))!;

        var reservation = Assert.Single(why.Reservations);
        Assert.Equal(("N-T1", 2), (reservation.OrderNumber, reservation.Quantity));
        Assert.Equal((5, 2, 3), (why.OnHand, why.Reserved, why.Available));
    }

    [Fact]
    public async Task APushQueuedFromOnHandAlone_IsSentAsTheChannelQuantity_WorkedOutWhenItRuns()
    {
        var (a, b) = (await world.AddAccountAsync(ChannelKind.TikTokShop), await world.AddAccountAsync(ChannelKind.Amazon));
        var (product, _) = await world.AddProductAsync("MUG-BLUE", 10);
        await world.ListAsync(product, b, buffer: 1, cap: 6);
        await world.Importer.ImportAsync(a, [OrdersWorld.Order("T1", OrderStatus.Processing, OrdersWorld.Start, ("MUG-BLUE", 5))], OrderChangeSource.Import, Ct);
        await world.DrainAsync();

        // A manual "push stock" elsewhere that only knows on hand (10).
        await world.Queue.EnqueueAsync(new SellerPortal.Features.Sync.SyncJobRequest(b, SellerPortal.Features.Sync.SyncJobKind.PushStock, "MUG-BLUE",
            SellerPortal.Features.Sync.SyncPayload.Write(new SellerPortal.Features.Sync.StockPushPayload("MUG-BLUE", 10)),
            SellerPortal.Features.Sync.SyncJobRequest.StockKey(b, "MUG-BLUE")), Ct);
        await world.DrainAsync();

        var calls = world.Channels[ChannelKind.Amazon].InventoryCalls.ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(4, Assert.Single(c).Quantity));
    }
}
