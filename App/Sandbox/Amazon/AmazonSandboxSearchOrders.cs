using System.Globalization;
using System.Text;
using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxGate;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// Orders API 2026-01-01 searchOrders and getOrder over the same orders as v0: items always inline, the other blocks
/// only when includedData names them; exactly one of createdAfter and lastUpdatedAfter; paginationToken carries the filters.
/// </summary>
internal static class AmazonSandboxSearchOrders
{
    private static readonly HashSet<string> IncludedDataValues =
        ["BUYER", "RECIPIENT", "FULFILLMENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "PACKAGES"];

    public static void Map(RouteGroupBuilder amazon)
    {
        amazon.MapGet("/orders/2026-01-01/orders", SearchAsync).Operation(AmazonSandboxUsagePlans.SearchOrders);
        amazon.MapGet("/orders/2026-01-01/orders/{orderId}", GetOrderAsync).Operation(AmazonSandboxUsagePlans.GetOrder2026);
    }

    /// <summary>getOrder: the order in an <c>order</c> envelope, blocks as includedData names them.</summary>
    private static async Task<IResult> GetOrderAsync(HttpContext http, string orderId, SandboxStore store)
    {
        if (Included(http.Request.Query, out var included) is { } error)
        {
            return error;
        }

        return await AmazonSandboxOrders.FindAsync(http, store, orderId) is { } order
            ? Results.Json(new AmazonWireGetOrder(ToWire(order, included)), AmazonSandboxJson.Options)
            : Error(404, "NotFound", $"Order {orderId} was not found.");
    }

    private static IResult? Included(IQueryCollection q, out HashSet<string> included)
    {
        included = q["includedData"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        return included.FirstOrDefault(v => !IncludedDataValues.Contains(v)) is { } unknown
            ? Error(400, "InvalidInput", $"includedData value {unknown} is not supported.")
            : null;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, SandboxStore store, TimeProvider time)
    {
        var q = http.Request.Query;
        if (Included(q, out var included) is { } refused)
        {
            return refused;
        }

        SearchCursor cursor;
        if (q["paginationToken"].ToString() is { Length: > 0 } token)
        {
            if (Decode(token) is not { } decoded)
            {
                return Error(400, "InvalidInput", "Invalid paginationToken.");
            }

            cursor = decoded;
        }
        else if (Parse(q, time.GetUtcNow().UtcDateTime, out var error) is { } parsed)
        {
            cursor = parsed;
        }
        else
        {
            return error!;
        }

        var seller = http.Seller();
        IReadOnlyList<SandboxOrder> page;
        (long SortKey, string Id)? next;
        if (cursor.ByCreation)
        {
            (page, next) = await ByCreationAsync(store, seller, cursor, http.RequestAborted);
        }
        else
        {
            var found = await AmazonSandboxOrderPages.ByUpdateAsync(store, new UpdateWindow(seller, cursor.After, cursor.Before, cursor.Marketplaces),
                cursor.LastSort is { } s ? (s, cursor.LastId!) : null, cursor.Max, http.RequestAborted);
            (page, next) = (found.Orders, found.Next);
        }

        return Results.Json(new AmazonWireSearchOrders(
            [.. page.Select(o => ToWire(o, included))],
            next is { } n ? new AmazonWireOrdersPagination(Encode(cursor with { LastSort = n.SortKey, LastId = n.Id })) : null,
            cursor.ByCreation ? null : AmazonSandboxJson.Utc(cursor.Before),
            cursor.ByCreation ? AmazonSandboxJson.Utc(cursor.Before) : null), AmazonSandboxJson.Options);
    }

    private static SearchCursor? Parse(IQueryCollection q, DateTime now, out IResult? error)
    {
        error = null;
        var created = q["createdAfter"].ToString();
        var updated = q["lastUpdatedAfter"].ToString();
        if (created.Length > 0 == updated.Length > 0)
        {
            error = Error(400, "InvalidInput", "Exactly one of createdAfter and lastUpdatedAfter must be specified.");
            return null;
        }

        var byCreation = created.Length > 0;
        var beforeName = byCreation ? "createdBefore" : "lastUpdatedBefore";
        if (q[byCreation ? "lastUpdatedBefore" : "createdBefore"].ToString().Length > 0)
        {
            error = Error(400, "InvalidInput", $"{beforeName} is the only upper bound allowed with {(byCreation ? "createdAfter" : "lastUpdatedAfter")}.");
            return null;
        }

        // Like v0, the upper bound defaults to two minutes before the request.
        var before = now.AddMinutes(-2);
        if (!TryParse(byCreation ? created : updated, out var after) || (q[beforeName].ToString() is { Length: > 0 } b && !TryParse(b, out before)))
        {
            error = Error(400, "InvalidInput", "Dates must be ISO 8601 date times.");
            return null;
        }

        // The upper bound, when given, must not be before the lower one and must lie two minutes or more in the past.
        // https://developer-docs.amazon.com/sp-api/reference/searchorders
        if (before > now.AddMinutes(-2) || before < after)
        {
            error = Error(400, "InvalidInput", $"{beforeName} must be equal to or after {(byCreation ? "createdAfter" : "lastUpdatedAfter")} and at least two minutes before the time of the request.");
            return null;
        }

        var max = 100;
        if (q["maxResultsPerPage"].ToString() is { Length: > 0 } m && (!int.TryParse(m, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100))
        {
            error = Error(400, "InvalidInput", "maxResultsPerPage must be between 1 and 100.");
            return null;
        }

        var marketplaces = q["marketplaceIds"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new SearchCursor(byCreation, after, before, max, marketplaces.Length == 0 ? null : marketplaces, null, null);
    }

    /// <summary>By creation: the rarer query, read by a scan of the seller's orders.</summary>
    private static async Task<(IReadOnlyList<SandboxOrder>, (long, string)?)> ByCreationAsync(SandboxStore store, string seller, SearchCursor cursor, CancellationToken ct)
    {
        var matching = (await store.ListAsync<SandboxOrder>(Channel, Orders, new DocumentRange(Owner: seller), ct: ct))
            .Select(d => d.Document)
            .Where(o => o.SellerId == seller && (cursor.Marketplaces is null || cursor.Marketplaces.Contains(o.Order.MarketplaceId ?? "")))
            .Select(o => (Key: new DateTimeOffset(AmazonSandboxJson.ParseUtc(o.Order.PurchaseDate)).ToUnixTimeMilliseconds(), Order: o))
            .Where(o => o.Key >= new DateTimeOffset(cursor.After).ToUnixTimeMilliseconds() && o.Key <= new DateTimeOffset(cursor.Before).ToUnixTimeMilliseconds())
            .OrderBy(o => o.Key).ThenBy(o => o.Order.Order.AmazonOrderId, StringComparer.Ordinal)
            .Where(o => cursor.LastSort is null || o.Key > cursor.LastSort || (o.Key == cursor.LastSort && string.CompareOrdinal(o.Order.Order.AmazonOrderId, cursor.LastId) > 0))
            .Take(cursor.Max + 1)
            .ToList();
        var page = matching.Take(cursor.Max).ToList();
        return ([.. page.Select(p => p.Order)], matching.Count > cursor.Max ? (page[^1].Key, page[^1].Order.Order.AmazonOrderId) : null);
    }

    /// <summary>The stored (v0-shaped) order in 2026-01-01's shape: statuses in upper snake case, unit prices per item.</summary>
    internal static AmazonWireOrder ToWire(SandboxOrder stored, IReadOnlySet<string> included)
    {
        var o = stored.Order;
        var a = o.ShippingAddress;
        return new AmazonWireOrder
        {
            OrderId = o.AmazonOrderId,
            CreatedTime = o.PurchaseDate,
            LastUpdatedTime = o.LastUpdateDate,
            SalesChannel = new AmazonWireSalesChannel("AMAZON", o.MarketplaceId, o.SalesChannel),
            Buyer = included.Contains("BUYER") ? new AmazonWireBuyer(o.BuyerInfo?.BuyerName, o.BuyerInfo?.BuyerEmail) : null,
            Recipient = included.Contains("RECIPIENT") && a is not null
                ? new AmazonWireRecipient(new AmazonWireAddress
                {
                    Name = a.Name, AddressLine1 = a.AddressLine1, AddressLine2 = a.AddressLine2, City = a.City,
                    StateOrRegion = a.StateOrRegion, PostalCode = a.PostalCode, CountryCode = a.CountryCode, Phone = a.Phone,
                })
                : null,
            Proceeds = included.Contains("PROCEEDS") && o.OrderTotal is { } total
                ? new AmazonWireProceeds(new AmazonWireMoney(total.CurrencyCode, total.Amount))
                : null,
            Fulfillment = included.Contains("FULFILLMENT")
                ? new AmazonWireOrderFulfillment(UpperSnake(o.OrderStatus), o.FulfillmentChannel == "AFN" ? "AMAZON" : "MERCHANT")
                : null,
            OrderItems = [.. stored.Items.Select(i => new AmazonWireOrderItem
            {
                OrderItemId = i.OrderItemId,
                QuantityOrdered = i.QuantityOrdered,
                Product = new AmazonWireItemProduct(i.Asin, i.Title, i.SellerSku, UnitPrice(i) is { } unit ? new AmazonWireItemPrice(unit) : null),
                Fulfillment = included.Contains("FULFILLMENT")
                    ? new AmazonWireItemFulfillment(i.QuantityShipped ?? 0, i.QuantityOrdered - (i.QuantityShipped ?? 0))
                    : null,
            })],
        };
    }

    /// <summary>"PartiallyShipped" → "PARTIALLY_SHIPPED"; v0 spells cancelled "Canceled", 2026-01-01 "CANCELLED".</summary>
    internal static string UpperSnake(string status) => status == "Canceled"
        ? "CANCELLED"
        : string.Concat(status.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    private static AmazonWireMoney? UnitPrice(AmazonWireV0OrderItem item) =>
        item.ItemPrice is { } price && item.QuantityOrdered > 0
            ? new AmazonWireMoney(price.CurrencyCode, (AmazonSandboxJson.Amount(price.Amount) / item.QuantityOrdered).ToString("0.00", CultureInfo.InvariantCulture))
            : null;

    private static bool TryParse(string value, out DateTime utc) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    private static string Encode(SearchCursor cursor) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(cursor)));

    private static SearchCursor? Decode(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<SearchCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record SearchCursor(bool ByCreation, DateTime After, DateTime Before, int Max, string[]? Marketplaces, long? LastSort, string? LastId);
}
