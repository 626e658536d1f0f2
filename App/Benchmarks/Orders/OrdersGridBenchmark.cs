using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// <c>bench orders-grid --orders N</c>: the orders grid's queries through the portal's own <see cref="OrdersOverview"/>
/// on N throw-away orders over four channel accounts; prints median and p95 of each and the orders it matched.
/// After seeding it runs the portal's start-up step again, which refreshes SQLite's table statistics, as a merchant's
/// portal has them after its next start.
/// </summary>
internal static class OrdersGridBenchmark
{
    private const int Runs = 25;
    private const int PageSize = 50;

    public static async Task<int> RunAsync(int orders, CancellationToken ct)
    {
        await using var portal = await BenchmarkPortal.StartAsync(BenchmarkPortal.WithoutScheduler(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "false" }), ct);
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var seed = Stopwatch.StartNew();
        var world = await OrdersGridSeed.SeedAsync(contexts, orders, ct);
        Console.WriteLine($"orders-grid: seeded {orders:N0} orders ({world.Lines:N0} lines, {world.Skus.Count:N0} catalog SKUs, 4 accounts) " +
            $"in {seed.Elapsed.TotalSeconds:F1} s; {Runs} runs per query after one warm-up, {PageSize} a page");

        // The portal's start-up step, as on its next start: migrations (none) and SQLite's table statistics.
        var statistics = Stopwatch.StartNew();
        await portal.App.MigrateDatabaseAsync();
        Console.WriteLine($"orders-grid: start-up statistics in {statistics.Elapsed.TotalSeconds:F1} s");

        var overview = portal.Services.GetRequiredService<OrdersOverview>();
        var random = new Random(42);
        var accounts = world.Accounts;
        DateTime Day() => world.FirstUtc.AddDays(random.Next((int)(world.LastUtc - world.FirstUtc).TotalDays - 30)).Date;
        string Sku() => world.Skus[random.Next(world.Skus.Count)];
        Func<Task<(int, bool)>> Query(Func<OrderSearch> search, OrderSort sort = OrderSort.Placed, int page = 0) => async () =>
        {
            var (_, total, more) = await overview.SearchAsync(search(), sort, true, page, PageSize, ct);
            return (total, more);
        };

        await MeasureAsync("first page, newest first (no filter)", Query(() => new OrderSearch()));
        await MeasureAsync("one channel", Query(() => new OrderSearch(AccountId: accounts[random.Next(accounts.Count)])));
        await MeasureAsync("one status (Processing)", Query(() => new OrderSearch(Status: OrderStatus.Processing)));
        await MeasureAsync("one status (Delivered)", Query(() => new OrderSearch(Status: OrderStatus.Delivered)));
        await MeasureAsync("30-day date range", Query(() => Days(Day(), 30)));
        await MeasureAsync("channel + status + 30 days", Query(() =>
            Days(Day(), 30) with { AccountId = accounts[random.Next(accounts.Count)], Status = OrderStatus.Shipped }));
        await MeasureAsync("sort by total (largest first)", Query(() => new OrderSearch(), OrderSort.Total));
        await MeasureAsync("sort by order number", Query(() => new OrderSearch(), OrderSort.OrderNumber));
        await MeasureAsync("sort by status", Query(() => new OrderSearch(), OrderSort.Status));
        await MeasureAsync("deep page (page 500)", Query(() => new OrderSearch(), page: 500));
        await MeasureAsync("search order number prefix", Query(() =>
            new OrderSearch(Text: world.OrderNumbers[random.Next(world.OrderNumbers.Count)][..9])));
        await MeasureAsync("search buyer name prefix (first name)", Query(() =>
            new OrderSearch(Text: OrdersGridSeed.FirstNames[random.Next(OrdersGridSeed.FirstNames.Length)].ToLowerInvariant())));
        await MeasureAsync("search buyer name prefix (full name)", Query(() =>
            new OrderSearch(Text: $"{OrdersGridSeed.FirstNames[random.Next(OrdersGridSeed.FirstNames.Length)]} {OrdersGridSeed.LastNames[random.Next(OrdersGridSeed.LastNames.Length)][..3]}")));
        await MeasureAsync("search SKU exact", Query(() => new OrderSearch(Text: Sku())));
        await MeasureAsync("search SKU prefix (lower case)", Query(() => new OrderSearch(Text: Sku()[..6].ToLowerInvariant())));
        await MeasureAsync("search SKU + channel + status", Query(() =>
            new OrderSearch(Text: Sku()[..6], AccountId: accounts[random.Next(accounts.Count)], Status: OrderStatus.Delivered)));
        await MeasureAsync("search that matches nothing", Query(() => new OrderSearch(Text: "ZZ-NO-SUCH-ORDER")));
        return 0;
    }

    private static OrderSearch Days(DateTime from, int days) => new(FromUtc: from, ToUtc: from.AddDays(days));

    private static async Task MeasureAsync(string name, Func<Task<(int Total, bool More)>> query)
    {
        await query(); // warm-up: plan compilation and page cache
        var times = new List<double>();
        var rows = new List<(int Total, bool More)>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rows.Add(await query());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        rows.Sort();
        var p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
        var matching = rows[rows.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-40} median {times[times.Count / 2],7:F1} ms   p95 {p95,7:F1} ms   ({matching.Total:N0}{(matching.More ? "+" : "")} matching, median)"));
    }
}

/// <summary>
/// Throw-away orders through the importer's own bulk path (<see cref="RowInsertExtensions.InsertRowsAsync"/>), 5,000 to
/// a transaction, placed over two years in import order, with 1–3 lines from a catalog of 5,000 SKUs.
/// </summary>
internal static class OrdersGridSeed
{
    private const int Batch = 5_000;
    private const int CatalogSize = 5_000;

    public static readonly string[] FirstNames =
    [
        "Maria", "James", "Priya", "Chen", "Olivia", "Liam", "Sofia", "Noah", "Aisha", "Lucas", "Emma", "Mateo", "Yuki", "Omar", "Hannah",
        "Ethan", "Fatima", "Leo", "Grace", "Arjun", "Chloe", "Daniel", "Mia", "Samuel", "Zara", "Henry", "Isla", "Jack", "Nora", "Ravi",
        "Ella", "Owen", "Lina", "Adam", "Ruby", "Victor", "Alice", "Hugo", "Anna", "Felix",
    ];

    public static readonly string[] LastNames =
    [
        "Garcia", "Smith", "Patel", "Wang", "Johnson", "Brown", "Rossi", "Muller", "Khan", "Silva", "Jones", "Lopez", "Tanaka", "Ali", "Cohen",
        "Miller", "Hassan", "Martin", "Taylor", "Sharma", "Dubois", "Wilson", "Nguyen", "Clark", "Ahmed", "Walker", "Murphy", "Young", "King", "Singh",
        "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres",
        "Parker", "Collins", "Edwards", "Stewart", "Morris", "Reed",
    ];

    private static readonly string[] Families = ["MUG", "TEE", "CAP", "BAG", "SOCK", "POSTER", "CASE", "LAMP", "CANDLE", "BOTTLE"];
    private static readonly string[] Colours = ["BLK", "WHT", "BLU", "RED", "GRN"];

    public sealed record World(List<int> Accounts, List<string> Skus, List<string> OrderNumbers, long Lines, DateTime FirstUtc, DateTime LastUtc);

    public static async Task<World> SeedAsync(IDbContextFactory<AppDbContext> contexts, int orders, CancellationToken ct)
    {
        // Four accounts, the first four marketplaces of the Channels page: the grid's figures are for that many.
        var channels = ChannelNames.InDisplayOrder.Take(4).ToList();
        var accounts = new List<int>();
        var now = DateTime.UtcNow;
        var catalog = Enumerable.Range(0, CatalogSize)
            .Select(i => $"{Families[i % Families.Length]}-{i / Families.Length:D3}-{Colours[i / 1_000 % Colours.Length]}").ToList();
        var variants = new Dictionary<string, int>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var shops = channels.Select(c => new ChannelAccount { DisplayName = $"{c} shop", Channel = c, CreatedUtc = now }).ToList();
            db.ChannelAccounts.AddRange(shops);
            db.Products.AddRange(catalog.Select(sku => new Product
            {
                Name = $"Product {sku}", CreatedUtc = now, UpdatedUtc = now,
                Variants = [new Variant { Sku = sku, Price = new Money(500, "USD") }],
            }));
            await db.SaveChangesAsync(ct);
            accounts.AddRange(shops.Select(s => s.Id));
            foreach (var v in await db.Variants.Select(v => new { v.Sku, v.Id }).ToListAsync(ct))
            {
                variants[v.Sku] = v.Id;
            }
        }

        var random = new Random(7);
        var first = now.AddYears(-2);
        var span = (now - first).Ticks;
        var sample = new List<string>();
        long lines = 0;
        for (var start = 0; start < orders; start += Batch)
        {
            var batch = new List<Order>(Batch);
            for (var i = start; i < Math.Min(orders, start + Batch); i++)
            {
                var channel = i % 4;
                var placed = first.AddTicks(span / orders * i + random.NextInt64(span / orders));
                var order = NewOrder(i, channel, accounts[channel], placed, now, random, catalog, variants);
                lines += order.Lines.Count;
                batch.Add(order);
                if (i % 997 == 0)
                {
                    sample.Add(order.OrderNumber!);
                }
            }

            await using var db = await contexts.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.InsertRowsAsync(batch, ct);
            foreach (var order in batch)
            {
                order.Lines.ForEach(l => l.OrderId = order.Id);
            }

            await db.InsertRowsAsync(batch.SelectMany(o => o.Lines).ToList(), ct);
            await tx.CommitAsync(ct);
        }

        return new World(accounts, catalog, sample, lines, first, now);
    }

    private static Order NewOrder(int i, int channel, int accountId, DateTime placed, DateTime now, Random r, List<string> catalog, Dictionary<string, int> variants)
    {
        // Each channel's own order number shape (TikTok 18 digits, Amazon 3-7-7, eBay 2-5-5, Etsy receipt numbers).
        var (number, external, currency) = channel switch
        {
            0 => ($"57{i:D9}{r.Next(10_000_000):D7}", null, "USD"),
            1 => ($"{111 + r.Next(3)}-{i:D7}-{r.Next(10_000_000):D7}", null, r.Next(10) < 7 ? "USD" : r.Next(2) == 0 ? "GBP" : "EUR"),
            2 => ($"{10 + r.Next(90)}-{i % 100_000:D5}-{i / 100_000:D2}{r.Next(1_000):D3}", $"{110_000_000_000L + i}-{r.Next(1_000_000_000)}", r.Next(4) == 0 ? "GBP" : "USD"),
            _ => ($"{3_000_000_000L + i}", null, r.Next(5) == 0 ? "EUR" : "USD"),
        };
        var first = FirstNames[r.Next(FirstNames.Length)];
        var last = LastNames[r.Next(LastNames.Length)];
        var order = new Order
        {
            ChannelAccountId = accountId,
            ExternalOrderId = external ?? number,
            OrderNumber = number,
            Status = StatusOf(now - placed, r),
            BuyerName = $"{first} {last}",
            BuyerUsername = $"{first.ToLowerInvariant()}{last.ToLowerInvariant()}{r.Next(1_000)}",
            ShipTo = new ShippingAddress { Name = $"{first} {last}", Line1 = $"{1 + r.Next(999)} Main Street", City = "Springfield", PostalCode = $"{r.Next(100_000):D5}", CountryCode = "US" },
            Currency = currency,
            PlacedUtc = placed,
            ChannelUpdatedUtc = placed.AddHours(r.Next(72)),
            ImportedUtc = placed.AddMinutes(5),
        };
        for (var l = 0; l < 1 + (r.Next(10) < 6 ? 0 : r.Next(1, 3)); l++)
        {
            // A few SKUs only a channel knows (not mapped yet); popular products sell more.
            var sku = r.Next(50) == 0 ? $"CH{channel}-{r.Next(500):D4}" : catalog[(int)(Math.Pow(r.NextDouble(), 2) * catalog.Count)];
            var line = new OrderLine
            {
                Sku = sku, VariantId = variants.TryGetValue(sku, out var id) ? id : null, Title = $"Product {sku}",
                Quantity = r.Next(10) < 8 ? 1 : 1 + r.Next(4), UnitPriceMinor = 499 + r.Next(60) * 100,
            };
            order.Lines.Add(line);
            order.TotalMinor += line.Quantity * line.UnitPriceMinor;
        }

        return order;
    }

    // Recent orders are still moving; older ones have mostly arrived. About 5 % are cancelled.
    private static OrderStatus StatusOf(TimeSpan age, Random r) => r.Next(100) switch
    {
        < 5 => OrderStatus.Cancelled,
        _ when age < TimeSpan.FromDays(1) => r.Next(2) == 0 ? OrderStatus.Pending : OrderStatus.Processing,
        _ when age < TimeSpan.FromDays(4) => r.Next(3) == 0 ? OrderStatus.Processing : OrderStatus.Shipped,
        _ when age < TimeSpan.FromDays(10) => r.Next(3) == 0 ? OrderStatus.Shipped : OrderStatus.Delivered,
        < 7 => OrderStatus.Processing, // stuck: waiting on stock or a question to the buyer
        < 9 => OrderStatus.Shipped,
        _ => OrderStatus.Delivered,
    };
}
