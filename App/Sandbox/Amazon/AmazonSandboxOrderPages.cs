using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>A seller's orders last updated from <see cref="After"/> to <see cref="Before"/> (inclusive) in these marketplaces (null: all).</summary>
internal sealed record UpdateWindow(string SellerId, DateTime After, DateTime Before, IReadOnlyCollection<string>? Marketplaces);

/// <summary>A page of orders and, when more follow, the store position of its last order.</summary>
internal sealed record OrderPage(IReadOnlyList<SandboxOrder> Orders, (long SortKey, string Id)? Next);

/// <summary>
/// Pages of orders by last update, read as indexed ranges of the store (whose sort key is the update time in
/// milliseconds), shared by Orders v0 getOrders and Orders 2026-01-01 searchOrders. The wire's update time has whole
/// seconds, so the range is read a second wide at the top and each order is checked against the window exactly.
/// </summary>
internal static class AmazonSandboxOrderPages
{
    public static async Task<OrderPage> ByUpdateAsync(SandboxStore store, UpdateWindow window, (long SortKey, string Id)? after, int max, CancellationToken ct)
    {
        var range = new DocumentRange(Milliseconds(window.After), Milliseconds(window.Before) + 999, window.SellerId);
        var page = new List<StoredDocument<SandboxOrder>>();
        var position = after;
        while (page.Count <= max)
        {
            var batch = await store.ListAsync<SandboxOrder>(Channel, Orders, range, position, max + 1, ct: ct);
            page.AddRange(batch.Where(d => Includes(window, d.Document)).Take(max + 1 - page.Count));
            if (batch.Count < max + 1)
            {
                break;
            }

            position = (batch[^1].SortKey, batch[^1].Id);
        }

        var orders = page.Take(max).ToList();
        return new OrderPage([.. orders.Select(d => d.Document)], page.Count > max ? (orders[^1].SortKey, orders[^1].Id) : null);
    }

    private static bool Includes(UpdateWindow window, SandboxOrder order)
    {
        var updated = AmazonSandboxJson.ParseUtc(order.Order.LastUpdateDate);
        return order.SellerId == window.SellerId && updated >= window.After && updated <= window.Before
            && (window.Marketplaces is null || window.Marketplaces.Contains(order.Order.MarketplaceId ?? ""));
    }

    private static long Milliseconds(DateTime utc) =>
        utc <= DateTime.UnixEpoch ? 0 : new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
