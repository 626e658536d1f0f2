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
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerUsername);
        await using var db = contexts.CreateDbContext();
        var orders = await db.Orders
            .Where(o => o.BuyerUsername == buyerUsername && (accountId == null || o.ChannelAccountId == accountId))
            .ToListAsync(ct);
        foreach (var o in orders)
        {
            o.BuyerName = null;
            o.BuyerUsername = null;
            o.ShipTo = new ShippingAddress();
        }

        await db.SaveChangesAsync(ct);
        // The audit names the orders, never the buyer.
        await audit.RecordAsync(null, "system", "orders.erase-buyer", accountId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Personal data erased on {orders.Count} order(s): {string.Join(", ", orders.Select(o => o.Id).Take(50))}", ct);
        return orders.Count;
    }
}
