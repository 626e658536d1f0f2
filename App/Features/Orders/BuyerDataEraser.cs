using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Orders;

/// <summary>
/// Blanks a buyer's personal data (name, username, address, phone) on their orders: eBay's marketplace account
/// deletion notices and any erasure request call this. Order numbers, lines and totals stay for the books.
/// </summary>
public sealed class BuyerDataEraser(IDbContextFactory<AppDbContext> contexts, AuditLog audit)
{
    public async Task<int> EraseBuyerDataAsync(int? accountId, string buyerUsername, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var orderIds = await EraseInAsync(db, accountId, buyerUsername, ct);
        await db.SaveChangesAsync(ct);
        // The audit names the orders, never the buyer.
        await audit.RecordAsync(null, "system", "orders.erase-buyer", accountId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Personal data erased on {orderIds.Count} order(s): {string.Join(", ", orderIds.Take(50))}", ct);
        return orderIds.Count;
    }

    /// <summary>
    /// Blanks the fields in the caller's context without saving, for a caller with its own unit of work (the webhook
    /// intake records the event and its effects together). Returns the ids of the orders changed.
    /// </summary>
    public static async Task<IReadOnlyList<long>> EraseInAsync(AppDbContext db, int? accountId, string buyerUsername, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerUsername);
        var orders = await db.Orders
            .Where(o => o.BuyerUsername == buyerUsername && (accountId == null || o.ChannelAccountId == accountId))
            .ToListAsync(ct);
        foreach (var o in orders)
        {
            o.BuyerName = null;
            o.BuyerUsername = null;
            o.ShipTo = new ShippingAddress();
        }

        return orders.Select(o => o.Id).ToList();
    }
}
