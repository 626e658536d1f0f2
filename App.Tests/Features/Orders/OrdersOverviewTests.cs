using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Orders;

/// <summary>
/// What the orders grid's search finds, pinned on real SQLite: a faster query shape (bench orders-grid) must not
/// change which orders staff see.
/// </summary>
public sealed class OrdersOverviewTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase db = new();
    private int shopA;
    private int shopB;

    public async Task InitializeAsync()
    {
        await using var context = db.CreateDbContext();
        var a = new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "Amazon US", CreatedUtc = Now };
        var b = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", CreatedUtc = Now };
        context.ChannelAccounts.AddRange(a, b);
        await context.SaveChangesAsync();
        (shopA, shopB) = (a.Id, b.Id);
        context.Orders.AddRange(
            Order(shopA, "112-4455", "A-EXT-1", "Maria Garcia", "mgarcia", OrderStatus.Delivered, -10, "MUG-BLUE-L"),
            Order(shopA, "112-9900", "B-EXT-2", "Mario Rossi", "mrossi", OrderStatus.Pending, -1, "TEE-RED", "NX1-SKU"),
            Order(shopB, "E-7788", "9001", "Anna Mug", "annam", OrderStatus.Processing, -40, "CAP-1", "MUG-RED"),
            Order(shopB, "N_1", "D-4", null, null, OrderStatus.Cancelled, -5, "SOCK-1"));
        await context.SaveChangesAsync();
        // eBay's legacy Trading API id, the number older tools still show.
        (await context.Orders.SingleAsync(o => o.OrderNumber == "E-7788")).AlternateOrderNumber = "225400112233-2345678901";
        await context.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("112-44", "112-4455")] // order number by prefix
    [InlineData("4455")] // ... not anywhere inside it
    [InlineData("e-77", "E-7788")] // case ignored
    [InlineData("9001", "E-7788")] // the channel's order id exactly
    [InlineData("900")] // ... not by prefix
    [InlineData("maria", "112-4455")] // buyer name by prefix, case ignored
    [InlineData("Mari", "112-9900", "112-4455")] // newest first
    [InlineData("Garcia")] // not the middle of a name
    [InlineData("mross", "112-9900")] // buyer username by prefix
    [InlineData("MUG-BLUE-L", "112-4455")] // a line's SKU exactly
    [InlineData("mug", "112-4455", "E-7788")] // ... by prefix, case ignored (not "Anna Mug")
    [InlineData("BLUE")] // not the middle of a SKU
    [InlineData("N_1", "N_1")] // LIKE's wildcards are plain text ("NX1-SKU" does not match)
    [InlineData("  112-99  ", "112-9900")] // trimmed
    [InlineData("225400112233", "E-7788")] // the channel's second number (eBay's legacy id) by prefix
    [InlineData("2345678901")] // ... not its middle
    [InlineData("zz-nothing")]
    public async Task SearchAsync_Text_FindsByOrderNumberExternalIdBuyerOrSku(string text, params string[] expected)
    {
        var (rows, total) = await Search(new OrderSearch(Text: text));

        Assert.Equal(expected, rows);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public async Task SearchAsync_AnOrderMatchingOnSeveralColumns_IsListedAndCountedOnce()
    {
        // "m": Maria/mgarcia/MUG-BLUE-L, Mario/mrossi, MUG-RED.
        var (rows, total) = await Search(new OrderSearch(Text: "m"));

        Assert.Equal(["112-9900", "112-4455", "E-7788"], rows);
        Assert.Equal(3, total);
    }

    [Fact]
    public async Task SearchAsync_TextWithFilters_KeepsOnlyOrdersMatchingAll()
    {
        Assert.Equal(["E-7788"], (await Search(new OrderSearch(Text: "mug", AccountId: shopB))).Rows);
        Assert.Equal(["112-4455"], (await Search(new OrderSearch(Text: "mug", Status: OrderStatus.Delivered))).Rows);
        Assert.Equal(["112-4455"], (await Search(new OrderSearch(Text: "mug", FromUtc: Now.AddDays(-20), ToUtc: Now))).Rows);
        Assert.Empty((await Search(new OrderSearch(Text: "mug", AccountId: shopA, Status: OrderStatus.Processing))).Rows);
        Assert.Equal(["112-9900"], (await Search(new OrderSearch(Text: "m", AccountId: shopA, FromUtc: Now.AddDays(-2), ToUtc: Now))).Rows);
    }

    [Fact]
    public async Task SearchAsync_FiltersWithoutText_CombineAndSortByTotal()
    {
        var overview = new OrdersOverview(db);

        var (rows, total, _) = await overview.SearchAsync(new OrderSearch(AccountId: shopB), OrderSort.Total, true, 0, 10, default);

        Assert.Equal(["E-7788", "N_1"], rows.Select(r => r.OrderNumber));
        Assert.Equal(2, total);
        Assert.Equal(["N_1"], (await Search(new OrderSearch(Status: OrderStatus.Cancelled, FromUtc: Now.AddDays(-6), ToUtc: Now))).Rows);
    }

    [Fact]
    public async Task SearchAsync_MoreOrdersThanTheCountLimit_CountsToTheLimitAndSaysThereAreMore()
    {
        await AddPlainOrdersAsync(db, shopA, OrdersOverview.CountLimit);

        var (rows, total, more) = await new OrdersOverview(db).SearchAsync(new OrderSearch(), OrderSort.Placed, true, 3, 50, default);
        var (_, deliveredTotal, deliveredMore) = await new OrdersOverview(db).SearchAsync(new OrderSearch(Status: OrderStatus.Delivered), OrderSort.Placed, true, 0, 50, default);

        Assert.Equal((OrdersOverview.CountLimit, true), (total, more));
        Assert.Equal(50, rows.Count);
        Assert.Equal((OrdersOverview.CountLimit, true), (deliveredTotal, deliveredMore));
    }

    [Fact]
    public async Task SearchAsync_CommonAndRareMatchesAmongManyOrders_FindTheSamePagesEitherWay()
    {
        // 11,112 of the numbers start "BULK-1" (the page is found by walking the date order); 11 start "BULK-9999"
        // (found by reading each match).
        await AddPlainOrdersAsync(db, shopA, OrdersOverview.CountLimit);
        var overview = new OrdersOverview(db);

        var (common, commonTotal, _) = await overview.SearchAsync(new OrderSearch(Text: "bulk-1"), OrderSort.Placed, true, 1, 20, default);
        var (rare, rareTotal, _) = await overview.SearchAsync(new OrderSearch(Text: "BULK-9999"), OrderSort.Total, false, 0, 20, default);

        Assert.Equal(11_112, commonTotal);
        Assert.Equal(Enumerable.Range(19_961, 20).Reverse().Select(i => $"BULK-{i}"), common.Select(r => r.OrderNumber));
        Assert.Equal(11, rareTotal);
        Assert.Equal(["BULK-9999", .. Enumerable.Range(99_990, 10).Select(i => $"BULK-{i}")], rare.Select(r => r.OrderNumber));
    }

    /// <summary>Plain delivered orders in one statement: a hundred thousand through EF would take the test minutes.</summary>
    internal static async Task AddPlainOrdersAsync(IDbContextFactory<AppDbContext> contexts, int account, int count)
    {
        await using var context = contexts.CreateDbContext();
        await context.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO Orders (ChannelAccountId, ExternalOrderId, OrderNumber, Status, TotalMinor, Currency, PlacedUtc, ChannelUpdatedUtc, ImportedUtc, ShipmentState)
            SELECT {account}, 'BULK-' || i, 'BULK-' || i, 'Delivered', 1000, 'USD', '2025-01-01 00:00:00', '2025-01-01 00:00:00', '2025-01-01 00:00:00', 'None' FROM n
            """);
    }

    private async Task<(IReadOnlyList<string?> Rows, int Total)> Search(OrderSearch search)
    {
        var (rows, total, more) = await new OrdersOverview(db).SearchAsync(search, OrderSort.Placed, true, 0, 50, default);
        Assert.False(more);
        return (rows.Select(r => r.OrderNumber).ToList(), total);
    }

    private static Order Order(int account, string number, string external, string? buyer, string? username, OrderStatus status, int days, params string[] skus)
    {
        var order = new Order
        {
            ChannelAccountId = account, ExternalOrderId = external, OrderNumber = number, BuyerName = buyer, BuyerUsername = username,
            Status = status, Currency = "USD", PlacedUtc = Now.AddDays(days), ChannelUpdatedUtc = Now.AddDays(days), ImportedUtc = Now,
            Lines = [.. skus.Select(s => new OrderLine { Sku = s, Quantity = 1, UnitPriceMinor = 1_000 })],
        };
        order.TotalMinor = order.Lines.Sum(l => l.UnitPriceMinor * l.Quantity);
        return order;
    }
}
