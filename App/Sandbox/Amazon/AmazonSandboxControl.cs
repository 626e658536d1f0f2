using System.Globalization;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>The emulator's own control API (not Amazon's): generate orders, set faults, mint tokens, read counters.</summary>
internal static class AmazonSandboxControl
{
    public static void Map(RouteGroupBuilder amazon)
    {
        var control = amazon.MapGroup("/_control");
        control.MapPost("/orders", GenerateOrdersAsync);
        control.MapPost("/orders/{orderId}/status", ChangeOrderStatusAsync);
        control.MapFaultControl(Channel, services =>
        {
            services.GetRequiredService<AmazonSandboxRateLimiter>().Reset();
            services.GetRequiredService<AmazonSandboxReports>().Gzip = false;
        });
        control.MapPost("/report-compression", (ReportCompression request, AmazonSandboxReports reports) =>
        {
            reports.Gzip = request.Gzip;
            return Results.Json(new { gzip = reports.Gzip });
        });
        control.MapPost("/refresh-tokens", MintRefreshTokenAsync);
        control.MapPost("/expire-access-tokens", ExpireAccessTokensAsync);
        control.MapGet("/stats", async (SandboxStore store) => Results.Json(new
        {
            feeds = await store.GetAsync<int?>(Channel, Stats, "feeds") ?? 0,
            orders = await store.CountAsync(Channel, Orders),
            listings = await store.CountAsync(Channel, Listings),
        }));
    }

    /// <summary>Body: <c>{"count":250,"skus":["A","B"],"status":"Unshipped","marketplaceId":"ATVPDKIKX0DER","unitPrice":"19.99","currency":"USD"}</c>.</summary>
    private static async Task<IResult> GenerateOrdersAsync(GenerateOrders request, SandboxStore store, TimeProvider time, IOptions<AmazonSandboxOptions> options)
    {
        if (request.Count is < 1 or > 10_000 || request.Skus is not { Count: > 0 })
        {
            return Results.BadRequest(new { error = "count (1..10000) and skus are required." });
        }

        var (ids, refused) = await PlaceAsync(request, store, time, options.Value);
        return Results.Json(new { created = ids.Count, orderIds = ids, refused });
    }

    internal static async Task<(List<string> Ids, int Refused)> PlaceAsync(GenerateOrders request, SandboxStore store, TimeProvider time, AmazonSandboxOptions options)
    {
        var seller = request.SellerId ?? options.SellerId;
        var marketplace = request.MarketplaceId ?? "ATVPDKIKX0DER";
        var currency = request.Currency ?? AmazonSandboxJson.CurrencyOf(marketplace);
        var unit = AmazonSandboxJson.Amount(request.UnitPrice ?? "19.99");
        // Spread over the past half hour up to three minutes ago: all older than the two minutes searchOrders holds back,
        // with room for a client that keeps a few seconds more (ours keeps five).
        var start = time.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var step = Step(request.Count);
        var ids = new List<string>(request.Count);
        var documents = new List<(string, SandboxOrder, long)>(request.Count);
        var status = request.Status ?? "Unshipped";
        // Merchant-fulfilled: Amazon takes the units off the listing's quantity when the buyer orders, and a buyer
        // cannot order more than it shows. An order made cancelled took its units and gave them back.
        var refused = await store.SerializedAsync(Channel, async () =>
        {
            var stock = await AmazonSandboxStock.LoadAsync(store, seller, request.Skus, CancellationToken.None);
            var refusedHere = stock.Sell(request.Count, request.Skus, status == "Canceled", (i, sku, quantity) =>
            {
                var id = $"902-{Random.Shared.Next(1_000_000, 9_999_999)}-{Random.Shared.Next(1_000_000, 9_999_999)}";
                var updated = start + (step * i);
                var line = (unit * quantity).ToString("0.00", CultureInfo.InvariantCulture);
                var order = new AmazonWireV0Order
                {
                    AmazonOrderId = id,
                    PurchaseDate = AmazonSandboxJson.Utc(updated.AddHours(-1)),
                    LastUpdateDate = AmazonSandboxJson.Utc(updated),
                    OrderStatus = status,
                    FulfillmentChannel = "MFN",
                    SalesChannel = "Amazon.com",
                    OrderTotal = status == "Canceled" ? null : new AmazonWireV0Money(currency, line),
                    NumberOfItemsShipped = 0,
                    NumberOfItemsUnshipped = quantity,
                    MarketplaceId = marketplace,
                    IsPrime = i % 5 == 0,
                    EarliestShipDate = AmazonSandboxJson.Utc(updated.AddHours(12)),
                    LatestShipDate = AmazonSandboxJson.Utc(updated.AddDays(2)),
                    ShippingAddress = new AmazonWireV0Address
                    {
                        Name = $"Sandbox Buyer {i + 1}", AddressLine1 = $"{100 + i} Terry Ave N", City = "Seattle",
                        StateOrRegion = "WA", PostalCode = "98109", CountryCode = "US",
                    },
                    BuyerInfo = new AmazonWireV0BuyerInfo($"buyer{i + 1}@marketplace.amazon.com"),
                };
                var item = new AmazonWireV0OrderItem
                {
                    Asin = "B0SANDBOX01",
                    SellerSku = sku,
                    OrderItemId = Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(CultureInfo.InvariantCulture),
                    Title = $"Sandbox item {sku}",
                    QuantityOrdered = quantity,
                    QuantityShipped = 0,
                    ItemPrice = new AmazonWireV0Money(currency, line),
                    ItemTax = new AmazonWireV0Money(currency, "0.00"),
                };
                documents.Add((id, new SandboxOrder(seller, order, [item], []), new DateTimeOffset(updated).ToUnixTimeMilliseconds()));
                ids.Add(id);
            });

            await store.PutManyAsync(Channel, Orders, documents);
            await AmazonSandboxStock.SaveAsync(store, seller, stock, CancellationToken.None);
            return refusedHere;
        });

        return (ids, refused);
    }

    /// <summary>
    /// Body: <c>{"status":"Shipped"}</c> or <c>{"status":"Canceled"}</c>: the order moves on Amazon's side (shipped
    /// outside the portal, or cancelled by the buyer). A cancellation puts the unshipped units back on the listing and
    /// is refused once the order shipped.
    /// </summary>
    private static async Task<IResult> ChangeOrderStatusAsync(string orderId, OrderStatusChange request, SandboxStore store, TimeProvider time)
    {
        if (request.Status is not ("Shipped" or "Canceled"))
        {
            return Results.BadRequest(new { error = "status is Shipped or Canceled." });
        }

        var (status, body) = await ChangeAsync(orderId, request, store, time);
        return Results.Json(body, statusCode: status);
    }

    internal static async Task<(int Status, object Body)> ChangeAsync(string orderId, OrderStatusChange request, SandboxStore store, TimeProvider time) =>
        await store.SerializedAsync(Channel, async () =>
        {
            if (await store.GetAsync<SandboxOrder>(Channel, Orders, orderId) is not { } found)
            {
                return (404, (object)new { error = $"Order {orderId} does not exist." });
            }

            var before = found.Order.OrderStatus;
            if (before is "Canceled" or "Shipped")
            {
                return (400, new { error = $"Order {orderId} is {before}; it cannot become {request.Status}." });
            }

            // getOrders holds back the last two minutes, so the change is dated just outside them (and after the
            // order's previous update) for a re-read to see it now.
            var previous = AmazonSandboxJson.ParseUtc(found.Order.LastUpdateDate);
            var updated = new[] { previous.AddSeconds(1), time.GetUtcNow().UtcDateTime.AddMinutes(-2).AddSeconds(-5) }.Max();
            var shipped = request.Status == "Shipped";
            var items = found.Items.Select(i => shipped ? i with { QuantityShipped = i.QuantityOrdered } : i).ToList();
            var order = found.Order with
            {
                OrderStatus = request.Status,
                LastUpdateDate = AmazonSandboxJson.Utc(updated),
                NumberOfItemsShipped = shipped ? items.Sum(i => i.QuantityOrdered) : found.Order.NumberOfItemsShipped,
                NumberOfItemsUnshipped = shipped ? 0 : found.Order.NumberOfItemsUnshipped,
                OrderTotal = shipped ? found.Order.OrderTotal : null,
            };
            if (!shipped)
            {
                var stock = await AmazonSandboxStock.LoadAsync(store, found.SellerId, found.Items.Select(i => i.SellerSku), CancellationToken.None);
                stock.Give(found.Items.Select(i => (i.SellerSku, i.QuantityOrdered - (i.QuantityShipped ?? 0))));
                await AmazonSandboxStock.SaveAsync(store, found.SellerId, stock, CancellationToken.None);
            }

            await store.PutAsync(Channel, Orders, orderId, found with { Order = order, Items = items }, new DateTimeOffset(updated).ToUnixTimeMilliseconds());
            return (200, new { orderId, status = request.Status });
        });

    /// <summary>A refresh token as Seller Central hands one out for self-authorization.</summary>
    private static async Task<IResult> MintRefreshTokenAsync(SandboxStore store, IOptions<AmazonSandboxOptions> options)
    {
        var token = "Atzr|" + AmazonSandboxAuth.Token(48);
        await store.PutAsync(Channel, RefreshTokens, token, new SandboxRefreshToken(token, options.Value.ClientId, options.Value.SellerId, false));
        return Results.Json(new { refresh_token = token, selling_partner_id = options.Value.SellerId });
    }

    private static async Task<IResult> ExpireAccessTokensAsync(SandboxStore store)
    {
        var tokens = await store.ListAsync<SandboxAccessToken>(Channel, AccessTokens);
        foreach (var token in tokens)
        {
            await store.PutAsync(Channel, AccessTokens, token.Id, token.Document with { ExpiresUtc = DateTime.UnixEpoch });
        }

        return Results.Json(new { expired = tokens.Count });
    }

    /// <summary>Half a second apart, closer for big batches so every order stays within the past half hour.</summary>
    internal static TimeSpan Step(int count) => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMilliseconds(500).Ticks, TimeSpan.FromMinutes(27).Ticks / Math.Max(1, count)));

    internal sealed record OrderStatusChange(string Status);

    internal sealed record ReportCompression(bool Gzip);

    internal sealed record GenerateOrders(int Count, IReadOnlyList<string> Skus, string? Status = null, string? MarketplaceId = null,
        string? SellerId = null, string? UnitPrice = null, string? Currency = null);
}
