using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Data;

/// <summary>The SQLite fast path writes the rows SaveChanges writes: every column, owned address and converted enums included.</summary>
public sealed class SqliteRowInserterTests
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 30, 15, 123, DateTimeKind.Utc);

    private static Order NewOrder(int accountId, string id) => new()
    {
        ChannelAccountId = accountId, ExternalOrderId = id, OrderNumber = "#" + id, Status = OrderStatus.Shipped, RawStatus = "SHIPPED",
        BuyerName = "Kim Lee", ShipTo = new ShippingAddress { Name = "Kim Lee", Line1 = "9 Elm Rd", City = "Austin", Region = "TX", CountryCode = "US" },
        TotalMinor = 6447, Currency = "USD", PlacedUtc = At, ChannelUpdatedUtc = At.AddMinutes(5), ImportedUtc = At.AddMinutes(6),
        ShipmentState = ShipmentPushState.Pushed, ShippedUtc = At.AddHours(1),
        Lines = [new OrderLine { Sku = "KETTLE-1L", ExternalLineId = "L1", Quantity = 2, UnitPriceMinor = 2499, Title = "Kettle" }],
    };

    [Fact]
    public async Task InsertRows_WritesWhatSaveChangesWrites_AndSetsTheGeneratedKeys()
    {
        var database = new TestDatabase();
        int accountId;
        await using (var db = database.CreateDbContext())
        {
            var account = new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "A", Status = ChannelAccountStatus.Connected, CreatedUtc = At };
            db.ChannelAccounts.Add(account);
            await db.SaveChangesAsync();
            accountId = account.Id;
            db.Orders.Add(NewOrder(accountId, "by-ef"));
            await db.SaveChangesAsync();
        }

        var fast = NewOrder(accountId, "by-insert");
        await using (var db = database.CreateDbContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertRowsAsync([fast], CancellationToken.None);
            fast.Lines[0].OrderId = fast.Id;
            await db.InsertRowsAsync(fast.Lines, CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var read = database.CreateDbContext();
        var orders = await read.Orders.AsNoTracking().Include(o => o.Lines).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(2, orders.Count);
        Assert.Equal(orders[1].Id, fast.Id);
        Assert.True(fast.Lines[0].Id > 0);
        Assert.Equal(Comparable(orders[0]), Comparable(orders[1]));
        Assert.Equal(At, orders[1].PlacedUtc);
        Assert.Equal("Austin", orders[1].ShipTo.City);
        Assert.Equal(OrderStatus.Shipped, orders[1].Status);

        // Enums are stored as the names SaveChanges stores, so SQL filters on them find both rows.
        Assert.Equal(2, await read.Orders.CountAsync(o => o.Status == OrderStatus.Shipped && o.ShipmentState == ShipmentPushState.Pushed));
    }

    /// <summary>Everything but the keys and the external id, as JSON.</summary>
    private static string Comparable(Order o) => JsonSerializer.Serialize(new
    {
        o.OrderNumber, o.Status, o.RawStatus, o.BuyerName, o.BuyerUsername, o.ShipTo.Name, o.ShipTo.Line1, o.ShipTo.Line2, o.ShipTo.City,
        o.ShipTo.Region, o.ShipTo.PostalCode, o.ShipTo.CountryCode, o.ShipTo.Phone, o.TotalMinor, o.Currency, o.PlacedUtc, o.ChannelUpdatedUtc,
        o.ImportedUtc, o.Carrier, o.TrackingNumber, o.ShippedUtc, o.ShipmentState, o.ShipmentMessage, o.ShipmentUpdatedUtc,
        Lines = o.Lines.Select(l => new { l.Sku, l.ExternalLineId, l.Quantity, l.UnitPriceMinor, l.Title, l.VariantId }),
    }).Replace("by-ef", "x").Replace("by-insert", "x");
}
