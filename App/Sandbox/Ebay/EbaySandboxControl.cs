using System.Globalization;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Ebay.Dto;
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

        var user = request.Username ?? options.Value.Username;
        var currency = request.Currency ?? "USD";
        var unit = decimal.Parse(request.UnitPrice ?? "19.99", NumberStyles.Number, CultureInfo.InvariantCulture);
        var start = time.GetUtcNow().UtcDateTime.AddMinutes(-30);
        var step = Amazon.AmazonSandboxControl.Step(request.Count);
        var ids = new List<string>(request.Count);
        var documents = new List<(string, EbaySandboxOrder, long)>(request.Count);
        for (var i = 0; i < request.Count; i++)
        {
            var id = $"{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}-{Random.Shared.Next(10000, 99999)}";
            var at = start + (step * i);
            var quantity = 1 + (i % 3);
            var sku = request.Skus[i % request.Skus.Count];
            var lineCost = (unit * quantity).ToString("0.00", CultureInfo.InvariantCulture);
            var delivery = "4.95";
            var total = (unit * quantity + 4.95m).ToString("0.00", CultureInfo.InvariantCulture);
            var order = new EbayOrder
            {
                OrderId = id,
                LegacyOrderId = $"{Random.Shared.NextInt64(110_000_000_000, 119_999_999_999)}-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}",
                CreationDate = EbayClient.Iso(at.AddMinutes(-5)),
                LastModifiedDate = EbayClient.Iso(at),
                OrderFulfillmentStatus = request.FulfillmentStatus ?? "NOT_STARTED",
                OrderPaymentStatus = request.PaymentStatus ?? "PAID",
                SellerId = user,
                Buyer = new EbayBuyer($"buyer_{i + 1}", new EbayBuyerRegistrationAddress($"Sandbox Buyer {i + 1}", $"buyer{i + 1}@example.com")),
                PricingSummary = new EbayOrderPricingSummary(new EbayAmount(lineCost, currency), new EbayAmount(delivery, currency), new EbayAmount(total, currency)),
                CancelStatus = new EbayCancelStatus(request.Cancelled ? "CANCELED" : "NONE_REQUESTED"),
                FulfillmentStartInstructions =
                [
                    new EbayFulfillmentStartInstruction("SHIP_TO", new EbayShippingStep(
                        new EbayShipTo($"Sandbox Buyer {i + 1}", new EbayContactAddress
                        {
                            AddressLine1 = $"{10 + i} Elm St", City = "Dayton", StateOrProvince = "OH", PostalCode = "45402", CountryCode = "US",
                        }, new EbayPhone("9375550100")),
                        "USPS", "USPSPriority")),
                ],
                LineItems =
                [
                    new EbayLineItem
                    {
                        LineItemId = Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(CultureInfo.InvariantCulture),
                        Sku = sku,
                        Title = $"Sandbox item {sku}",
                        Quantity = quantity,
                        LineItemCost = new EbayAmount(lineCost, currency),
                        LineItemFulfillmentStatus = "NOT_STARTED",
                    },
                ],
            };
            documents.Add((id, new EbaySandboxOrder(user, order, []), new DateTimeOffset(at).ToUnixTimeMilliseconds()));
            ids.Add(id);
        }

        await store.PutManyAsync(Channel, Orders, documents);

        return Results.Json(new { created = ids.Count, orderIds = ids });
    }

    internal sealed record GenerateOrders(int Count, IReadOnlyList<string> Skus, string? Username = null, string? UnitPrice = null,
        string? Currency = null, string? FulfillmentStatus = null, string? PaymentStatus = null, bool Cancelled = false);
}
