using System.Globalization;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>The emulator's own control API (not eBay's): generate orders, set faults, expire tokens, read counters.</summary>
internal static class EbaySandboxControl
{
    public static void Map(RouteGroupBuilder ebay)
    {
        var control = ebay.MapGroup("/_control");
        control.MapPost("/orders", GenerateOrdersAsync);
        control.MapPost("/orders/{orderId}/status", ChangeOrderStatusAsync);
        control.MapFaultControl(Channel, services => services.GetRequiredService<EbaySandboxDailyBudget>().Reset());
        control.MapPost("/expire-access-tokens", async (SandboxStore store) =>
        {
            var tokens = await store.ListAsync<EbaySandboxAccessToken>(Channel, AccessTokens);
            foreach (var token in tokens)
            {
                await store.PutAsync(Channel, AccessTokens, token.Id, token.Document with { ExpiresUtc = DateTime.UnixEpoch });
            }

            return Results.Json(new { expired = tokens.Count });
        });
        control.MapPost("/locations/clear", async (SandboxStore store, IOptions<EbaySandboxOptions> options) =>
        {
            await EbaySandboxAccount.ClearLocationsAsync(store, options.Value.Username, reseed: false);
            return Results.Json(new { cleared = true });
        });
        control.MapPost("/locations/reset", async (SandboxStore store, IOptions<EbaySandboxOptions> options) =>
        {
            await EbaySandboxAccount.ClearLocationsAsync(store, options.Value.Username, reseed: true);
            return Results.Json(new { reset = true });
        });
        control.MapGet("/stats", async (SandboxStore store) => Results.Json(new
        {
            bulkUpdatePriceQuantityCalls = await store.GetAsync<int?>(Channel, Stats, "bulkUpdatePriceQuantityCalls") ?? 0,
            orders = await store.CountAsync(Channel, Orders),
            offers = await store.CountAsync(Channel, Offers),
            inventoryItems = await store.CountAsync(Channel, Items),
        }));
    }

    /// <summary>Body: <c>{"count":250,"skus":["A","B"],"unitPrice":"19.99","currency":"USD","fulfillmentStatus":"NOT_STARTED"}</c>.</summary>
    private static async Task<IResult> GenerateOrdersAsync(GenerateOrders request, SandboxStore store, TimeProvider time, IOptions<EbaySandboxOptions> options)
    {
        if (request.Count is < 1 or > 10_000 || request.Skus is not { Count: > 0 })
        {
            return Results.BadRequest(new { error = "count (1..10000) and skus are required." });
        }

        var (ids, refused) = await PlaceAsync(request, store, time, options.Value);
        return Results.Json(new { created = ids.Count, orderIds = ids, refused });
    }

    internal static async Task<(List<string> Ids, int Refused)> PlaceAsync(GenerateOrders request, SandboxStore store, TimeProvider time, EbaySandboxOptions options)
    {
        var user = request.Username ?? options.Username;
        var currency = request.Currency ?? "USD";
        var unit = decimal.Parse(request.UnitPrice ?? "19.99", NumberStyles.Number, CultureInfo.InvariantCulture);
        var start = time.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var step = Amazon.AmazonSandboxControl.Step(request.Count);
        var ids = new List<string>(request.Count);
        var documents = new List<(string, EbaySandboxOrder, long)>(request.Count);
        // eBay takes the units off the listing when the buyer commits to buy, and a buyer cannot buy more than it
        // shows. An order made cancelled took its units and gave them back.
        var refused = await store.SerializedAsync(Channel, async () =>
        {
            var stock = await EbaySandboxStock.LoadAsync(store, user, request.Skus, CancellationToken.None);
            var refusedHere = stock.Sell(request.Count, request.Skus, request.Cancelled, (i, sku, quantity) =>
            {
                documents.Add(NewOrder(request, user, currency, unit, start + (step * i), i, sku, quantity));
                ids.Add(documents[^1].Item1);
            });

            await store.PutManyAsync(Channel, Orders, documents);
            await EbaySandboxStock.SaveAsync(store, user, stock, CancellationToken.None);
            return refusedHere;
        });

        return (ids, refused);
    }

    private static (string, EbaySandboxOrder, long) NewOrder(GenerateOrders request, string user, string currency, decimal unit, DateTime at, int i, string sku, int quantity)
    {
        var id = $"{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(10000, 99999)}";
        var lineCost = (unit * quantity).ToString("0.00", CultureInfo.InvariantCulture);
        var delivery = "4.95";
        var total = (unit * quantity + 4.95m).ToString("0.00", CultureInfo.InvariantCulture);
        var order = new EbayWireOrder
        {
            OrderId = id,
            LegacyOrderId = $"{Random.Shared.NextInt64(110_000_000_000, 119_999_999_999)}-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}",
            CreationDate = EbaySandboxFormats.Iso(at.AddMinutes(-5)),
            LastModifiedDate = EbaySandboxFormats.Iso(at),
            OrderFulfillmentStatus = request.FulfillmentStatus ?? "NOT_STARTED",
            OrderPaymentStatus = request.PaymentStatus ?? "PAID",
            SellerId = user,
            Buyer = new EbayWireBuyer($"buyer_{i + 1}", new EbayWireBuyerRegistrationAddress($"Sandbox Buyer {i + 1}", $"buyer{i + 1}@example.com")),
            PricingSummary = new EbayWireOrderPricingSummary(new EbayWireAmount(lineCost, currency), new EbayWireAmount(delivery, currency), new EbayWireAmount(total, currency)),
            CancelStatus = new EbayWireCancelStatus(request.Cancelled ? "CANCELED" : "NONE_REQUESTED"),
            FulfillmentStartInstructions =
            [
                new EbayWireFulfillmentStartInstruction("SHIP_TO", new EbayWireShippingStep(
                    new EbayWireShipTo($"Sandbox Buyer {i + 1}", new EbayWireContactAddress
                    {
                        AddressLine1 = $"{10 + i} Elm St", City = "Dayton", StateOrProvince = "OH", PostalCode = "45402", CountryCode = "US",
                    }, new EbayWirePhone("9375550100")),
                    "USPS", "USPSPriority")),
            ],
            LineItems =
            [
                new EbayWireLineItem
                {
                    LineItemId = Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(CultureInfo.InvariantCulture),
                    Sku = sku,
                    Title = $"Sandbox item {sku}",
                    Quantity = quantity,
                    LineItemCost = new EbayWireAmount(lineCost, currency),
                    LineItemFulfillmentStatus = "NOT_STARTED",
                },
            ],
        };
        return (id, new EbaySandboxOrder(user, order, []), new DateTimeOffset(at).ToUnixTimeMilliseconds());
    }

    /// <summary>
    /// Body: <c>{"fulfillmentStatus":"FULFILLED"}</c> (shipped outside the portal) or <c>{"cancelled":true}</c> (the
    /// buyer cancelled: the units go back on the listing; refused once the order is fulfilled).
    /// </summary>
    private static async Task<IResult> ChangeOrderStatusAsync(string orderId, OrderStatusChange request, SandboxStore store, TimeProvider time)
    {
        var (status, body) = await ChangeAsync(orderId, request, store, time);
        return Results.Json(body, statusCode: status);
    }

    internal static async Task<(int Status, object Body)> ChangeAsync(string orderId, OrderStatusChange request, SandboxStore store, TimeProvider time)
    {
        if (request.Cancelled == (request.FulfillmentStatus == "FULFILLED") || (request.FulfillmentStatus is not (null or "FULFILLED")))
        {
            return (400, new { error = "Either fulfillmentStatus FULFILLED or cancelled true." });
        }

        return await store.SerializedAsync(Channel, async () =>
        {
            if (await store.GetAsync<EbaySandboxOrder>(Channel, Orders, orderId) is not { } found)
            {
                return (404, (object)new { error = $"Order {orderId} does not exist." });
            }

            var o = found.Order;
            if (o.CancelStatus?.CancelState == "CANCELED" || o.OrderFulfillmentStatus == "FULFILLED")
            {
                return (400, new { error = $"Order {orderId} is {EbaySandboxFormats.RawStatus(o)}; it cannot change." });
            }

            var previous = DateTime.Parse(o.LastModifiedDate, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var updated = new[] { previous.AddSeconds(1), time.GetUtcNow().UtcDateTime }.Max();
            var order = request.Cancelled
                ? o with { CancelStatus = new EbayWireCancelStatus("CANCELED"), LastModifiedDate = EbaySandboxFormats.Iso(updated) }
                : o with
                {
                    OrderFulfillmentStatus = "FULFILLED",
                    LastModifiedDate = EbaySandboxFormats.Iso(updated),
                    LineItems = [.. o.LineItems.Select(l => l with { LineItemFulfillmentStatus = "FULFILLED" })],
                };
            if (request.Cancelled)
            {
                var stock = await EbaySandboxStock.LoadAsync(store, found.Username, o.LineItems.Select(l => l.Sku!), CancellationToken.None);
                stock.Give(o.LineItems.Select(l => (l.Sku!, l.Quantity)));
                await EbaySandboxStock.SaveAsync(store, found.Username, stock, CancellationToken.None);
            }

            await store.PutAsync(Channel, Orders, orderId, found with { Order = order }, new DateTimeOffset(updated).ToUnixTimeMilliseconds());
            return (200, new { orderId, status = EbaySandboxFormats.RawStatus(order) });
        });
    }

    internal sealed record OrderStatusChange(string? FulfillmentStatus = null, bool Cancelled = false);

    internal sealed record GenerateOrders(int Count, IReadOnlyList<string> Skus, string? Username = null, string? UnitPrice = null,
        string? Currency = null, string? FulfillmentStatus = null, string? PaymentStatus = null, bool Cancelled = false);
}
