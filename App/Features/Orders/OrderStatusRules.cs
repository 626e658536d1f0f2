using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>
/// Orders only move forward: Pending &lt; Processing &lt; Shipped &lt; Delivered, and Cancelled is terminal. A late or
/// out-of-order update from a channel (a webhook racing a poll) can therefore never move an order backwards.
/// </summary>
public static class OrderStatusRules
{
    public static int Rank(OrderStatus status) => status switch
    {
        OrderStatus.Pending => 0,
        OrderStatus.Processing => 1,
        OrderStatus.Shipped => 2,
        OrderStatus.Delivered => 3,
        _ => 4,
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) =>
        from != OrderStatus.Cancelled && from != to && (to == OrderStatus.Cancelled || Rank(to) > Rank(from));

    public static bool IsOpen(OrderStatus status) => status is OrderStatus.Pending or OrderStatus.Processing;

    public static bool HasLeft(OrderStatus status) => status is OrderStatus.Shipped or OrderStatus.Delivered;
}
