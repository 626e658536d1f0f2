using GraphQL;
using static SellerPortal.Sandbox.Shopify.ShopifySandboxInput;

namespace SellerPortal.Sandbox.Shopify;

internal sealed record ShopifyFulfillmentCreatePayload(ShopifyFulfillment? Fulfillment, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>
/// fulfillmentCreate: the fulfillment orders named must be open and of one order; each line's quantity at most what
/// remains, and every remaining line when none are named. The order then shows FULFILLED or PARTIALLY_FULFILLED, and
/// the units leave the shop's committed and on-hand counts.
/// </summary>
internal static class ShopifySandboxFulfillments
{
    public static object? Create(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var input = Object(context.GetArgument<object?>("fulfillment"));
        var groups = Objects(input.GetValueOrDefault("lineItemsByFulfillmentOrder"));
        var errors = new List<ShopifyUserError>();
        var planned = new List<(ShopifyFulfillmentOrderLineItem Line, int Quantity)>();
        var orders = new HashSet<ShopifyOrder>();
        for (var g = 0; g < groups.Count; g++)
        {
            var id = groups[g].Text("fulfillmentOrderId");
            var fulfillmentOrder = request.Shop.Orders.SelectMany(o => o.FulfillmentOrderList).FirstOrDefault(f => f.Id == id);
            if (fulfillmentOrder is null)
            {
                errors.Add(new ShopifyUserError(Path("fulfillment", "lineItemsByFulfillmentOrder", g, "fulfillmentOrderId"), "Fulfillment order does not exist."));
                continue;
            }

            if (fulfillmentOrder.Status is not ("OPEN" or "IN_PROGRESS"))
            {
                errors.Add(new ShopifyUserError(Path("fulfillment", "lineItemsByFulfillmentOrder", g, "fulfillmentOrderId"),
                    $"Fulfillment order {id} has an unfulfillable status= {fulfillmentOrder.Status.ToLowerInvariant()}."));
                continue;
            }

            orders.Add(fulfillmentOrder.Order);
            if (!groups[g].Has("fulfillmentOrderLineItems") || groups[g]["fulfillmentOrderLineItems"] is null)
            {
                planned.AddRange(fulfillmentOrder.LineItemList.Where(l => l.RemainingQuantity > 0).Select(l => (l, l.RemainingQuantity)));
                continue;
            }

            var lines = Objects(groups[g]["fulfillmentOrderLineItems"]);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = fulfillmentOrder.LineItemList.FirstOrDefault(l => l.Id == lines[i].Text("id"));
                var quantity = lines[i].Int("quantity") ?? 0;
                if (line is null)
                {
                    errors.Add(new ShopifyUserError(Path("fulfillment", "lineItemsByFulfillmentOrder", g, "fulfillmentOrderLineItems", i, "id"),
                        "Fulfillment order line item does not belong to the fulfillment order."));
                }
                else if (quantity < 1 || quantity > line.RemainingQuantity)
                {
                    errors.Add(new ShopifyUserError(Path("fulfillment", "lineItemsByFulfillmentOrder", g, "fulfillmentOrderLineItems", i, "quantity"),
                        $"Invalid fulfillment order line item quantity requested: {quantity} (remaining {line.RemainingQuantity})."));
                }
                else
                {
                    planned.Add((line, quantity));
                }
            }
        }

        if (orders.Count > 1)
        {
            errors.Add(new ShopifyUserError(Path("fulfillment"), "All fulfillment orders must belong to the same order."));
        }

        if (errors.Count == 0 && planned.Count == 0)
        {
            errors.Add(new ShopifyUserError(Path("fulfillment"), "There is nothing left to fulfill."));
        }

        if (errors.Count > 0)
        {
            return new ShopifyFulfillmentCreatePayload(null, errors);
        }

        var order = orders.Single();
        var tracking = Object(input.GetValueOrDefault("trackingInfo"));
        var fulfillment = new ShopifyFulfillment
        {
            Num = request.Shop.NextId(),
            Created = request.Now,
            TrackingInfo = tracking.Count == 0 ? [] : [new ShopifyTrackingInfo(tracking.Text("company"), tracking.Text("number"), tracking.Text("url"))],
            Lines = [.. planned.Select(p => (p.Line.LineItem, p.Quantity))],
        };
        Fulfil(order, planned, fulfillment, request.Now);
        request.Webhooks.Add(("orders/updated", ShopifySandboxWebhookBodies.Order(order, request.Shop)));
        return new ShopifyFulfillmentCreatePayload(fulfillment, []);
    }

    /// <summary>Takes the quantities off what remains, closes emptied fulfillment orders, and sets the order's fulfillment status.</summary>
    public static void Fulfil(ShopifyOrder order, IEnumerable<(ShopifyFulfillmentOrderLineItem Line, int Quantity)> lines, ShopifyFulfillment fulfillment, DateTimeOffset now)
    {
        var taken = lines.ToList();
        foreach (var (line, quantity) in taken)
        {
            line.RemainingQuantity -= quantity;
        }

        ShopifySandboxOrders.TakeOffHand(taken, now);

        foreach (var fulfillmentOrder in order.FulfillmentOrderList)
        {
            fulfillmentOrder.Status = fulfillmentOrder.LineItemList.All(l => l.RemainingQuantity == 0) ? "CLOSED"
                : fulfillmentOrder.LineItemList.Any(l => l.RemainingQuantity < l.TotalQuantity) ? "IN_PROGRESS" : fulfillmentOrder.Status;
        }

        order.Fulfillments.Add(fulfillment);
        var remaining = order.FulfillmentOrderList.SelectMany(f => f.LineItemList).Sum(l => l.RemainingQuantity);
        order.DisplayFulfillmentStatus = remaining == 0 ? "FULFILLED" : "PARTIALLY_FULFILLED";
        order.Updated = now;
    }
}
