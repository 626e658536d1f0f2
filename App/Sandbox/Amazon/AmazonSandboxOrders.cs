using System.Globalization;
using System.Text;
using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxGate;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>Orders API v0: getOrders (LastUpdatedAfter/CreatedAfter, NextToken), getOrder, getOrderItems, confirmShipment.</summary>
internal static class AmazonSandboxOrders
{
    public static void Map(RouteGroupBuilder amazon)
    {
        amazon.MapGet("/orders/v0/orders", GetOrdersAsync).Operation(AmazonSandboxUsagePlans.GetOrders);
        amazon.MapGet("/orders/v0/orders/{orderId}", GetOrderAsync).Operation(AmazonSandboxUsagePlans.GetOrder);
        amazon.MapGet("/orders/v0/orders/{orderId}/orderItems", GetOrderItemsAsync).Operation(AmazonSandboxUsagePlans.GetOrderItems);
        amazon.MapPost("/orders/v0/orders/{orderId}/shipmentConfirmation", ConfirmShipmentAsync).Operation(AmazonSandboxUsagePlans.ConfirmShipment);
    }

    private static async Task<IResult> GetOrdersAsync(HttpContext http, SandboxStore store, TimeProvider time)
    {
        var q = http.Request.Query;
        var marketplaces = q["MarketplaceIds"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (marketplaces.Length == 0)
        {
            return Error(400, "InvalidInput", "MarketplaceIds is required.");
        }

        // The static sandbox's documented error case (amazon_getOrders_sandbox_cases.json).
        if (q["CreatedAfter"] == "TEST_CASE_400")
        {
            return Error(400, "InvalidInput", "Invalid Input");
        }

        var now = time.GetUtcNow().UtcDateTime;
        OrdersCursor cursor;
        if (q["NextToken"].ToString() is { Length: > 0 } nextToken)
        {
            // With NextToken the other filters are ignored: the token carries them.
            if (Decode(nextToken) is not { } decoded)
            {
                return Error(400, "InvalidInput", "Invalid NextToken.");
            }

            cursor = decoded;
        }
        else
        {
            var created = q["CreatedAfter"].ToString();
            var updated = q["LastUpdatedAfter"].ToString();
            if (created.Length > 0 == updated.Length > 0)
            {
                return Error(400, "InvalidInput", "Exactly one of CreatedAfter and LastUpdatedAfter must be specified.");
            }

            if (!TryParse(created.Length > 0 ? created : updated, out var after))
            {
                return Error(400, "InvalidInput", "CreatedAfter/LastUpdatedAfter must be an ISO 8601 date time.");
            }

            // Amazon's upper bound defaults to two minutes before the request.
            var before = now.AddMinutes(-2);
            if (q["LastUpdatedBefore"].ToString() is { Length: > 0 } b && !TryParse(b, out before))
            {
                return Error(400, "InvalidInput", "LastUpdatedBefore must be an ISO 8601 date time.");
            }

            if (before > now.AddMinutes(-2) || before < after)
            {
                return Error(400, "InvalidInput", "LastUpdatedBefore must be after LastUpdatedAfter and at least two minutes before the time of the request.");
            }

            var max = 100;
            if (q["MaxResultsPerPage"].ToString() is { Length: > 0 } m && (!int.TryParse(m, CultureInfo.InvariantCulture, out max) || max is < 1 or > 100))
            {
                return Error(400, "InvalidInput", "MaxResultsPerPage must be between 1 and 100.");
            }

            cursor = new OrdersCursor(created.Length > 0, after, before, max, [.. marketplaces], null, null);
        }

        if (!cursor.ByCreation)
        {
            var window = new UpdateWindow(http.Seller(), cursor.After, cursor.Before, cursor.Marketplaces);
            var found = await AmazonSandboxOrderPages.ByUpdateAsync(store, window, cursor.LastSort is { } s ? (s, cursor.LastId!) : null, cursor.Max, http.RequestAborted);
            return Results.Json(new AmazonWireV0Payload<AmazonWireV0Orders>(new AmazonWireV0Orders(
                [.. found.Orders.Select(o => o.Order)],
                found.Next is { } n ? Encode(cursor with { LastSort = n.SortKey, LastId = n.Id }) : null,
                AmazonSandboxJson.Utc(cursor.Before),
                null)), AmazonSandboxJson.Options);
        }

        var all = await store.ListAsync<SandboxOrder>(Channel, Orders, ct: http.RequestAborted);
        var matching = all
            .Where(d => d.Document.SellerId == http.Seller() && cursor.Marketplaces.Contains(d.Document.Order.MarketplaceId ?? ""))
            .Select(d => (d.Id, Key: AmazonSandboxJson.ParseUtc(cursor.ByCreation ? d.Document.Order.PurchaseDate : d.Document.Order.LastUpdateDate), d.Document))
            .Where(o => o.Key >= cursor.After && o.Key <= cursor.Before)
            .OrderBy(o => o.Key).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Where(o => cursor.LastKey is null || o.Key > cursor.LastKey || (o.Key == cursor.LastKey && string.CompareOrdinal(o.Id, cursor.LastId) > 0))
            .Take(cursor.Max + 1)
            .ToList();
        var page = matching.Take(cursor.Max).ToList();
        var next = matching.Count > cursor.Max ? Encode(cursor with { LastKey = page[^1].Key, LastId = page[^1].Id }) : null;
        var payload = new AmazonWireV0Orders(
            [.. page.Select(o => o.Document.Order)],
            next,
            cursor.ByCreation ? null : AmazonSandboxJson.Utc(cursor.Before),
            cursor.ByCreation ? AmazonSandboxJson.Utc(cursor.Before) : null);
        return Results.Json(new AmazonWireV0Payload<AmazonWireV0Orders>(payload), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> GetOrderAsync(HttpContext http, string orderId, SandboxStore store)
    {
        var order = await FindAsync(http, store, orderId);
        return order is null
            ? Error(404, "NotFound", $"Order {orderId} was not found.")
            : Results.Json(new AmazonWireV0Payload<AmazonWireV0Order>(order.Order), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> GetOrderItemsAsync(HttpContext http, string orderId, SandboxStore store)
    {
        var order = await FindAsync(http, store, orderId);
        return order is null
            ? Error(404, "NotFound", $"Order {orderId} was not found.")
            : Results.Json(new AmazonWireV0Payload<AmazonWireV0OrderItems>(new AmazonWireV0OrderItems(orderId, order.Items)), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> ConfirmShipmentAsync(HttpContext http, string orderId, SandboxStore store, TimeProvider time)
    {
        var (body, problem) = await AmazonSandboxRequests.ReadAsync<AmazonWireConfirmShipment>(http);
        if (problem is not null)
        {
            return problem;
        }

        var p = body!.PackageDetail;
        if (string.IsNullOrEmpty(body.MarketplaceId) || string.IsNullOrEmpty(p.PackageReferenceId) || string.IsNullOrEmpty(p.CarrierCode)
            || string.IsNullOrEmpty(p.TrackingNumber) || !TryParse(p.ShipDate, out _) || p.OrderItems is not { Count: > 0 })
        {
            return Error(400, "InvalidInput", "marketplaceId and packageDetail (packageReferenceId, carrierCode, trackingNumber, shipDate, orderItems) are required.");
        }

        if (AmazonSandboxCarriers.Check(p.CarrierCode, p.CarrierName) is { } carrierProblem)
        {
            return Error(400, "InvalidInput", carrierProblem);
        }

        var order = await FindAsync(http, store, orderId);
        if (order is null)
        {
            return Error(404, "NotFound", $"Order {orderId} was not found.");
        }

        if (order.Order.OrderStatus is not ("Unshipped" or "PartiallyShipped") || order.Order.FulfillmentChannel != "MFN")
        {
            return Error(400, "InvalidInput", $"Order {orderId} in status {order.Order.OrderStatus} cannot be confirmed.");
        }

        var items = order.Items.ToList();
        foreach (var shipped in p.OrderItems)
        {
            var index = items.FindIndex(i => i.OrderItemId == shipped.OrderItemId);
            if (index < 0 || shipped.Quantity < 1 || (items[index].QuantityShipped ?? 0) + shipped.Quantity > items[index].QuantityOrdered)
            {
                return Error(400, "InvalidInput", $"Order item {shipped.OrderItemId} cannot ship {shipped.Quantity} units.");
            }

            items[index] = items[index] with { QuantityShipped = (items[index].QuantityShipped ?? 0) + shipped.Quantity };
        }

        var shippedUnits = items.Sum(i => i.QuantityShipped ?? 0);
        var orderedUnits = items.Sum(i => i.QuantityOrdered);
        var now = time.GetUtcNow().UtcDateTime;
        var updated = order with
        {
            Order = order.Order with
            {
                OrderStatus = shippedUnits >= orderedUnits ? "Shipped" : "PartiallyShipped",
                LastUpdateDate = AmazonSandboxJson.Utc(now),
                NumberOfItemsShipped = shippedUnits,
                NumberOfItemsUnshipped = orderedUnits - shippedUnits,
            },
            Items = items,
            Shipments = [.. order.Shipments, new SandboxShipment(p.CarrierCode, p.CarrierName, p.TrackingNumber, p.ShipDate, p.OrderItems)],
        };
        await store.PutAsync(Channel, Orders, orderId, updated, new DateTimeOffset(now).ToUnixTimeMilliseconds());
        return Results.NoContent();
    }

    internal static async Task<SandboxOrder?> FindAsync(HttpContext http, SandboxStore store, string orderId)
    {
        var order = await store.GetAsync<SandboxOrder>(Channel, Orders, orderId, http.RequestAborted);
        return order is not null && order.SellerId == http.Seller() ? order : null;
    }

    private static bool TryParse(string value, out DateTime utc) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    private static string Encode(OrdersCursor cursor) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(cursor)));

    private static OrdersCursor? Decode(string token)
    {
        try
        {
            return JsonSerializer.Deserialize<OrdersCursor>(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>NextToken's content. By update time the position is the store's (sort key, id); by creation, the purchase date's.</summary>
    private sealed record OrdersCursor(bool ByCreation, DateTime After, DateTime Before, int Max, string[] Marketplaces, DateTime? LastKey, string? LastId,
        long? LastSort = null);
}

/// <summary>
/// confirmShipment's carrierCode: one of Amazon's carrier codes, or <c>Other</c> with the carrier's name in carrierName
/// (https://developer-docs.amazon.com/sp-api/reference/confirmshipment). The list is the emulator's own,
/// written from Amazon's CarrierCode values.
/// </summary>
internal static class AmazonSandboxCarriers
{
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "AFL/Fedex", "Aramex", "Blue Package", "BlueDart", "Canada Post", "Chronopost", "City Link", "DHL", "DHL Global Mail",
        "DPD", "DTDC", "Delhivery", "Deutsche Post", "FEDEX_JP", "Fastway", "FedEx", "FedEx SmartPost", "First Flight", "GLS",
        "GO!", "Hermes Logistik Gruppe", "India Post", "JP_EXPRESS", "La Poste", "Lasership", "NITTSU", "Newgistics",
        "NipponExpress", "OSM", "OnTrac", "Overnite Express", "Parcelforce", "Parcelnet", "Poste Italiane", "Professional",
        "Royal Mail", "SAGAWA", "SDA", "SagawaExpress", "Smartmail", "Streamlite", "TNT", "Target", "UPS",
        "UPS Mail Innovations", "UPSMI", "USPS", "YAMATO", "YamatoTransport", "Yodel", "Other",
    };

    /// <summary>Null when Amazon would take the pair; otherwise why not.</summary>
    public static string? Check(string carrierCode, string? carrierName) =>
        !Codes.Contains(carrierCode) ? $"carrierCode {carrierCode} is not a valid carrier code; use Other with carrierName."
        : carrierCode == "Other" && string.IsNullOrWhiteSpace(carrierName) ? "carrierName is required when carrierCode is Other."
        : null;
}
