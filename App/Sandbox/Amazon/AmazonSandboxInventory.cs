using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxGate;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// FBA Inventory API v1 getInventorySummaries: the stock Amazon holds for the seller, set through the control API
/// (<c>POST /_control/fba-inventory</c>). Pages of 50, as Amazon returns them, with an opaque nextToken.
/// </summary>
internal static class AmazonSandboxInventory
{
    /// <summary>Amazon returns at most 50 summaries a page and accepts at most 50 sellerSkus.</summary>
    private const int PageSize = 50;

    public static void Map(RouteGroupBuilder amazon)
    {
        amazon.MapGet("/fba/inventory/v1/summaries", SummariesAsync).Operation(AmazonSandboxUsagePlans.GetInventorySummaries);
        amazon.MapPost("/_control/fba-inventory", SetAsync);
    }

    private static async Task<IResult> SummariesAsync(HttpContext http, SandboxStore store)
    {
        var q = http.Request.Query;
        if (q["granularityType"].ToString() != "Marketplace")
        {
            return Error(400, "InvalidInput", "granularityType is required and must be Marketplace.");
        }

        var marketplace = q["granularityId"].ToString();
        if (marketplace.Length == 0 || q["marketplaceIds"].ToString().Length == 0)
        {
            return Error(400, "InvalidInput", "granularityId and marketplaceIds are required.");
        }

        if (!q["marketplaceIds"].ToString().Split(',').Contains(marketplace))
        {
            return Error(400, "InvalidInput", "granularityId must be one of marketplaceIds.");
        }

        var skus = q["sellerSkus"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (skus.Length > PageSize)
        {
            return Error(400, "InvalidInput", $"sellerSkus accepts at most {PageSize} SKUs.");
        }

        DateTime? since = null;
        if (q["startDateTime"].ToString() is { Length: > 0 } start)
        {
            if (!DateTime.TryParse(start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return Error(400, "InvalidInput", "startDateTime must be an ISO 8601 date-time.");
            }

            since = parsed;
        }

        var offset = 0;
        if (q["nextToken"].ToString() is { Length: > 0 } token && !TryDecode(token, out offset))
        {
            return Error(400, "InvalidInput", "Invalid nextToken.");
        }

        var seller = http.Seller();
        var details = string.Equals(q["details"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var all = (await store.ListAsync<SandboxFbaStock>(Channel, FbaInventory, ct: http.RequestAborted))
            .Select(d => d.Document)
            .Where(s => s.SellerId == seller && (skus.Length == 0 || skus.Contains(s.Sku)) && (since is null || s.UpdatedUtc >= since))
            .OrderBy(s => s.Sku, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(offset).Take(PageSize).Select(s => new AmazonWireInventorySummary(
            s.Asin, s.FnSku, s.Sku, "NewItem",
            details ? new AmazonWireInventoryDetails(s.Fulfillable, 0, 0, s.Inbound) : null,
            AmazonSandboxJson.Utc(s.UpdatedUtc), $"Sandbox item {s.Sku}", s.Fulfillable + s.Inbound)).ToList();
        var next = offset + PageSize < all.Count ? Encode(offset + PageSize) : null;
        return Results.Json(new AmazonWireInventoryResponse(
            new AmazonWireInventoryPayload(new AmazonWireGranularity("Marketplace", marketplace), page),
            next is null ? null : new AmazonWirePageTokens(next)), AmazonSandboxJson.Options);
    }

    /// <summary>Body: <c>{"sellerId":"A1...","items":[{"sku":"A","fulfillable":7,"inbound":2,"asin":"B0..."}]}</c>; replaces those SKUs' FBA stock.</summary>
    private static async Task<IResult> SetAsync(SetFbaStock request, SandboxStore store, TimeProvider time, IOptions<AmazonSandboxOptions> options)
    {
        if (request.Items is not { Count: > 0 } || request.Items.Any(i => string.IsNullOrWhiteSpace(i.Sku) || i.Fulfillable < 0 || i.Inbound < 0))
        {
            return Results.BadRequest(new { error = "items with a sku and non-negative quantities are required." });
        }

        var seller = request.SellerId ?? options.Value.SellerId;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var item in request.Items)
        {
            var fnSku = "X00" + Convert.ToHexString(Encoding.UTF8.GetBytes(item.Sku))[..Math.Min(7, item.Sku.Length * 2)];
            await store.PutAsync(Channel, FbaInventory, seller + "|" + item.Sku,
                new SandboxFbaStock(seller, item.Sku, item.Asin ?? "B0SANDBOX01", fnSku, item.Fulfillable, item.Inbound, now));
        }

        return Results.Json(new { updated = request.Items.Count });
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("fba:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("fba:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal sealed record SetFbaStock(string? SellerId, IReadOnlyList<FbaStockItem> Items);

    internal sealed record FbaStockItem(string Sku, int Fulfillable, int Inbound = 0, string? Asin = null);
}
