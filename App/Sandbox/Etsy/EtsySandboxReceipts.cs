using System.Globalization;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// Receipts (Etsy's orders): getShopReceipts with its created and last-modified windows (unix seconds), limit 1–100,
/// offset, sort and the was_* filters; getShopReceipt; createReceiptShipment (tracking code and carrier together, or
/// neither to mark it shipped). The sort key is the last-modified time, so a window of changes reads in order.
/// </summary>
internal static class EtsySandboxReceipts
{
    public static void Map(RouteGroupBuilder etsy)
    {
        var shop = etsy.MapGroup("/v3/application/shops/{shop_id}/receipts");
        shop.MapGet("", ListAsync).Api("transactions_r");
        shop.MapGet("/{receipt_id}", GetAsync).Api("transactions_r");
        shop.MapPost("/{receipt_id}/tracking", ShipAsync).Api("transactions_w");
        shop.MapPut("/{receipt_id}", UpdateAsync).Api("transactions_w");
    }

    private static async Task<IResult> ListAsync(HttpContext http, SandboxStore store)
    {
        var q = http.Request.Query;
        long? Unix(string name) => long.TryParse(q[name], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        bool? Flag(string name) => bool.TryParse(q[name], out var v) ? v : null;
        var limit = q["limit"].Count == 0 ? 25 : int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        var offset = q["offset"].Count == 0 ? 0 : int.TryParse(q["offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : -1;
        if (limit is < 1 or > 100 || offset < 0)
        {
            return EtsySandboxGate.Error(400, "limit is from 1 to 100 and offset 0 or more.");
        }

        var sortOn = q["sort_on"].ToString() is { Length: > 0 } s ? s : "created";
        var sortOrder = q["sort_order"].ToString() is { Length: > 0 } so ? so : "desc";
        if (sortOn is not ("created" or "updated" or "receipt_id") || sortOrder is not ("asc" or "ascending" or "desc" or "descending" or "up" or "down"))
        {
            return EtsySandboxGate.Error(400, "sort_on is created, updated or receipt_id; sort_order asc or desc.");
        }

        var range = new DocumentRange(Unix("min_last_modified") ?? long.MinValue, Unix("max_last_modified") ?? long.MaxValue,
            http.Seller().ShopId.ToString(CultureInfo.InvariantCulture));
        var (minCreated, maxCreated) = (Unix("min_created") ?? long.MinValue, Unix("max_created") ?? long.MaxValue);
        var (paid, shipped, canceled) = (Flag("was_paid"), Flag("was_shipped"), Flag("was_canceled"));
        var matching = (await store.ListAsync<EtsySandboxReceipt>(Channel, Receipts, range, ct: http.RequestAborted))
            .Select(d => d.Document.Receipt)
            .Where(r => r.CreatedTimestamp >= minCreated && r.CreatedTimestamp <= maxCreated)
            .Where(r => paid is null || r.IsPaid == paid)
            .Where(r => shipped is null || r.IsShipped == shipped)
            .Where(r => canceled is null || (r.Status == "canceled") == canceled)
            .ToList();
        Func<EtsyWireReceipt, long> key = sortOn switch
        {
            "updated" => r => r.UpdatedTimestamp,
            "receipt_id" => r => r.ReceiptId,
            _ => r => r.CreatedTimestamp,
        };
        var ordered = sortOrder is "asc" or "ascending" or "up"
            ? matching.OrderBy(key).ThenBy(r => r.ReceiptId)
            : matching.OrderByDescending(key).ThenByDescending(r => r.ReceiptId);
        return Results.Json(new EtsyWireReceipts(matching.Count, [.. ordered.Skip(offset).Take(limit)]), EtsySandboxJson.Options);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string receipt_id, SandboxStore store) =>
        await OwnAsync(http, store, receipt_id) is { } found
            ? Results.Json(found.Receipt, EtsySandboxJson.Options)
            : EtsySandboxGate.Error(404, $"Receipt {receipt_id} does not exist in this shop.");

    private static async Task<IResult> ShipAsync(HttpContext http, string receipt_id, SandboxStore store, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return EtsySandboxGate.Error(400, "createReceiptShipment takes application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var (code, carrier) = (form["tracking_code"].ToString().Trim(), form["carrier_name"].ToString().Trim());
        if ((code.Length == 0) != (carrier.Length == 0))
        {
            return EtsySandboxGate.Error(400, "tracking_code and carrier_name go together: give both, or neither to mark the receipt shipped.");
        }

        return await store.SerializedAsync(Channel, async () =>
        {
            if (await OwnAsync(http, store, receipt_id) is not { } found)
            {
                return EtsySandboxGate.Error(404, $"Receipt {receipt_id} does not exist in this shop.");
            }

            if (found.Receipt.Status is "canceled" or "fully refunded")
            {
                return EtsySandboxGate.Error(400, $"Receipt {receipt_id} is {found.Receipt.Status} and cannot ship.");
            }

            var receipt = Shipped(found.Receipt, code.Length == 0 ? null : (carrier, code), time.GetUtcNow().ToUnixTimeSeconds());
            await SaveAsync(store, found with { Receipt = receipt }, http.RequestAborted);
            return Results.Json(receipt, EtsySandboxJson.Options);
        });
    }

    /// <summary>updateShopReceipt: <c>was_shipped</c> and <c>was_paid</c> (form); a canceled receipt cannot change.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext http, string receipt_id, SandboxStore store, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return EtsySandboxGate.Error(400, "updateShopReceipt takes application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        bool? Flag(string name) => form[name].Count == 0 ? null : bool.TryParse(form[name], out var v) ? v : throw new FormatException(name);
        bool? shipped, paid;
        try
        {
            (shipped, paid) = (Flag("was_shipped"), Flag("was_paid"));
        }
        catch (FormatException ex)
        {
            return EtsySandboxGate.Error(400, $"{ex.Message} is true or false.");
        }

        return await store.SerializedAsync(Channel, async () =>
        {
            if (await OwnAsync(http, store, receipt_id) is not { } found)
            {
                return EtsySandboxGate.Error(404, $"Receipt {receipt_id} does not exist in this shop.");
            }

            if (found.Receipt.Status == "canceled")
            {
                return EtsySandboxGate.Error(400, $"Receipt {receipt_id} is canceled and cannot change.");
            }

            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var receipt = shipped == true && !found.Receipt.IsShipped ? Shipped(found.Receipt, null, now) : found.Receipt;
            if (paid is { } isPaid && isPaid != receipt.IsPaid)
            {
                var at = Math.Max(now, receipt.UpdatedTimestamp + 1);
                receipt = receipt with { IsPaid = isPaid, UpdateTimestamp = at, UpdatedTimestamp = at };
            }

            await SaveAsync(store, found with { Receipt = receipt }, http.RequestAborted);
            return Results.Json(receipt, EtsySandboxJson.Options);
        });
    }

    /// <summary>The receipt shipped now, with the shipment when tracking was given; each change moves its last-modified time on.</summary>
    internal static EtsyWireReceipt Shipped(EtsyWireReceipt receipt, (string Carrier, string Code)? tracking, long now)
    {
        var at = Math.Max(now, receipt.UpdatedTimestamp + 1);
        return receipt with
        {
            IsShipped = true,
            Status = "completed",
            UpdateTimestamp = at,
            UpdatedTimestamp = at,
            Shipments = tracking is { } t ? [.. receipt.Shipments, new EtsyWireShipment(EtsySandboxAuth.NextId(), at, t.Carrier, t.Code)] : receipt.Shipments,
            Transactions = [.. receipt.Transactions.Select(x => x with { ShippedTimestamp = at })],
        };
    }

    internal static EtsyWireReceipt Canceled(EtsyWireReceipt receipt, long now)
    {
        var at = Math.Max(now, receipt.UpdatedTimestamp + 1);
        return receipt with { Status = "canceled", UpdateTimestamp = at, UpdatedTimestamp = at };
    }

    internal static Task SaveAsync(SandboxStore store, EtsySandboxReceipt receipt, CancellationToken ct) =>
        store.PutAsync(Channel, Receipts, receipt.Receipt.ReceiptId.ToString(CultureInfo.InvariantCulture), receipt, receipt.Receipt.UpdatedTimestamp, ct);

    private static async Task<EtsySandboxReceipt?> OwnAsync(HttpContext http, SandboxStore store, string receiptId) =>
        await store.GetAsync<EtsySandboxReceipt>(Channel, Receipts, receiptId, http.RequestAborted) is { } found && found.ShopId == http.Seller().ShopId
            ? found
            : null;
}
