using System.Globalization;
using System.Text.RegularExpressions;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;
using static SellerPortal.Sandbox.Ebay.EbaySandboxGate;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// Fulfillment API: getOrders with <c>filter=lastmodifieddate:[a..b]</c> / <c>creationdate:[a..b]</c> /
/// <c>orderfulfillmentstatus:{A|B}</c>, <c>limit</c> (≤200, more is an error) and <c>offset</c>; getOrder; and
/// createShippingFulfillment (201 with Location).
/// </summary>
internal static partial class EbaySandboxFulfillment
{
    private const string Domain = "API_FULFILLMENT";

    public static void Map(RouteGroupBuilder ebay)
    {
        var fulfillment = ebay.MapGroup("/sell/fulfillment/v1");
        fulfillment.MapGet("/order", GetOrdersAsync).Api("fulfillment");
        fulfillment.MapGet("/order/{orderId}", GetOrderAsync).Api("fulfillment");
        fulfillment.MapPost("/order/{orderId}/shipping_fulfillment", ShipAsync).Api("fulfillment");
    }

    private static async Task<IResult> GetOrdersAsync(HttpContext http, SandboxStore store, TimeProvider time)
    {
        var q = http.Request.Query;
        var limit = 50;
        var offset = 0;
        if (q["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > EbaySandboxFormats.OrdersPageLimit))
        {
            return Error(400, 30820, Domain, "REQUEST", $"Invalid limit. Supported ranges 1 - {EbaySandboxFormats.OrdersPageLimit}.", null, new EbayWireErrorParameter("limit", l));
        }

        if (q["offset"].ToString() is { Length: > 0 } o && (!int.TryParse(o, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Error(400, 30810, Domain, "REQUEST", "Invalid offset.", null, new EbayWireErrorParameter("offset", o));
        }

        var now = time.GetUtcNow().UtcDateTime;
        DateTime? modifiedFrom = null, modifiedTo = null, createdFrom = null, createdTo = null;
        string[]? statuses = null;
        var filter = q["filter"].ToString();
        foreach (var part in filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = RangeFilter().Match(part);
            var set = SetFilter().Match(part);
            if (range.Success && range.Groups["field"].Value is "lastmodifieddate" or "creationdate"
                && TryDate(range.Groups["from"].Value, out var from) && TryDate(range.Groups["to"].Value, out var to))
            {
                if (range.Groups["field"].Value == "lastmodifieddate")
                {
                    (modifiedFrom, modifiedTo) = (from, to);
                }
                else
                {
                    (createdFrom, createdTo) = (from, to);
                }
            }
            else if (set.Success && set.Groups["field"].Value == "orderfulfillmentstatus")
            {
                statuses = set.Groups["values"].Value.Split('|');
            }
            else
            {
                var name = part.Split(':')[0];
                return Error(400, 30800, Domain, "REQUEST", $"Invalid filter value {part} for filter {name}", null,
                    new EbayWireErrorParameter("fieldname", name), new EbayWireErrorParameter("fieldvalue", part));
            }
        }

        if (modifiedFrom is null && createdFrom is null)
        {
            // No date filter: the last 90 days by creation.
            createdFrom = now.AddDays(-90);
        }

        if (modifiedFrom is { } since && createdFrom is null && createdTo is null && statuses is null)
        {
            return await ModifiedSinceAsync(http, store, filter, since, modifiedTo, limit, offset);
        }

        var all = (await store.ListAsync<EbaySandboxOrder>(Channel, Orders))
            .Where(d => d.Document.Username == http.User())
            .Select(d => d.Document.Order)
            .Where(order => Within(order.LastModifiedDate, modifiedFrom, modifiedTo) && Within(order.CreationDate, createdFrom, createdTo)
                && (statuses is null || statuses.Contains(order.OrderFulfillmentStatus)))
            .OrderBy(order => order.CreationDate, StringComparer.Ordinal).ThenBy(order => order.OrderId, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(offset).Take(limit).ToList();
        return Results.Json(Page(http, filter, limit, offset, all.Count, page), EbaySandboxJson.Options);
    }

    /// <summary>
    /// The importer's query (lastmodifieddate only) as one indexed range of the store, whose sort key is the last
    /// modification: in that order, oldest first. eBay documents no order for getOrders; this is the emulator's.
    /// </summary>
    private static async Task<IResult> ModifiedSinceAsync(HttpContext http, SandboxStore store, string filter, DateTime from, DateTime? to, int limit, int offset)
    {
        var range = new DocumentRange(new DateTimeOffset(from).ToUnixTimeMilliseconds(),
            to is { } t ? new DateTimeOffset(t).ToUnixTimeMilliseconds() : long.MaxValue, http.User());
        var total = await store.CountAsync(Channel, Orders, range, http.RequestAborted);
        var page = (await store.ListAsync<EbaySandboxOrder>(Channel, Orders, range, limit: limit, offset: offset, ct: http.RequestAborted))
            .Where(d => d.Document.Username == http.User()).Select(d => d.Document.Order).ToList();
        return Results.Json(Page(http, filter, limit, offset, total, page), EbaySandboxJson.Options);
    }

    private static EbayWireOrdersPage Page(HttpContext http, string filter, int limit, int offset, int total, List<EbayWireOrder> page)
    {
        var basePath = $"{http.Request.PathBase}{http.Request.Path}";
        string Href(int at) => $"{basePath}?filter={Uri.EscapeDataString(filter)}&limit={limit}&offset={at}";
        return new EbayWireOrdersPage
        {
            Href = Href(offset),
            Total = total,
            Limit = limit,
            Offset = offset,
            Next = offset + limit < total ? Href(offset + limit) : null,
            Orders = page,
        };
    }

    private static async Task<IResult> GetOrderAsync(HttpContext http, string orderId, SandboxStore store) =>
        await FindAsync(http, store, orderId) is { } order
            ? Results.Json(order.Order, EbaySandboxJson.Options)
            : Error(404, 32100, Domain, "REQUEST", "Invalid order ID: " + orderId, null, new EbayWireErrorParameter("orderId", orderId));

    private static async Task<IResult> ShipAsync(HttpContext http, string orderId, SandboxStore store, TimeProvider time)
    {
        var (body, problem) = await EbaySandboxRequests.ReadAsync<EbayWireShippingFulfillmentRequest>(http, Domain);
        if (body is null)
        {
            return problem!;
        }

        if (body is null || body.LineItems is not { Count: > 0 } || string.IsNullOrEmpty(body.ShippingCarrierCode) || string.IsNullOrEmpty(body.TrackingNumber))
        {
            return Error(400, 32500, Domain, "REQUEST", "lineItems, shippingCarrierCode and trackingNumber are required.");
        }

        var stored = await FindAsync(http, store, orderId);
        if (stored is null)
        {
            return Error(404, 32100, Domain, "REQUEST", "Invalid order ID: " + orderId, null, new EbayWireErrorParameter("orderId", orderId));
        }

        if (stored.Order.CancelStatus?.CancelState == "CANCELED")
        {
            return Error(400, 32511, Domain, "REQUEST", "The order is cancelled and cannot be shipped.");
        }

        var lines = stored.Order.LineItems.ToList();
        foreach (var reference in body.LineItems)
        {
            var index = lines.FindIndex(l => l.LineItemId == reference.LineItemId);
            if (index < 0 || reference.Quantity < 1 || reference.Quantity > lines[index].Quantity)
            {
                return Error(400, 32510, Domain, "REQUEST", $"Invalid line item {reference.LineItemId} or quantity.", null,
                    new EbayWireErrorParameter("lineItemId", reference.LineItemId));
            }

            lines[index] = lines[index] with { LineItemFulfillmentStatus = "FULFILLED" };
        }

        var fulfillmentId = body.TrackingNumber;
        var updated = stored with
        {
            Order = stored.Order with
            {
                LineItems = lines,
                OrderFulfillmentStatus = lines.All(l => l.LineItemFulfillmentStatus == "FULFILLED") ? "FULFILLED" : "IN_PROGRESS",
                LastModifiedDate = EbaySandboxFormats.Iso(time.GetUtcNow().UtcDateTime),
            },
            Fulfillments = [.. stored.Fulfillments, new EbaySandboxShipment(fulfillmentId, body)],
        };
        await store.PutAsync(Channel, Orders, orderId, updated, time.GetUtcNow().ToUnixTimeMilliseconds());
        return Results.Created($"{http.Request.PathBase}{http.Request.Path}/{Uri.EscapeDataString(fulfillmentId)}", new { });
    }

    internal static async Task<EbaySandboxOrder?> FindAsync(HttpContext http, SandboxStore store, string orderId) =>
        await store.GetAsync<EbaySandboxOrder>(Channel, Orders, orderId) is { } order && order.Username == http.User() ? order : null;

    private static bool Within(string value, DateTime? from, DateTime? to)
    {
        var at = EbaySandboxFormats.ParseUtc(value);
        return (from is null || at >= from) && (to is null || at <= to);
    }

    private static bool TryDate(string value, out DateTime? utc)
    {
        utc = null;
        if (value.Length == 0)
        {
            return true;
        }

        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = parsed;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<field>[a-z]+):\[(?<from>[^\]]*?)\.\.(?<to>[^\]]*)\]$")]
    private static partial Regex RangeFilter();

    [GeneratedRegex(@"^(?<field>[a-z]+):\{(?<values>[A-Z_|]+)\}$")]
    private static partial Regex SetFilter();
}
