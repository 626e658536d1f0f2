using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Body of POST /sandbox/tiktok/_control/orders: N (up to 10,000) buyer orders for a shop, each with one unit of every SKU.</summary>
public sealed record TikTokGenerateOrdersRequest
{
    public string ShopId { get; init; } = "";
    public int Count { get; init; } = 1;
    public IReadOnlyList<string> SellerSkus { get; init; } = [];
    public string Status { get; init; } = "AWAITING_SHIPMENT";
    public bool SendWebhooks { get; init; }
}

public sealed record TikTokWebhookDelivery(string Url, string Body, string Authorization, int? StatusCode, string? Error);

/// <summary><see cref="Refused"/>: orders a buyer could not place because a listed SKU showed too few units.</summary>
public sealed record TikTokGenerateOrdersResult(IReadOnlyList<string> OrderIds, IReadOnlyList<TikTokWebhookDelivery> Webhooks, int Refused = 0);

/// <summary>Body of POST /sandbox/tiktok/_control/orders/{order_id}/status: the buyer cancels, or the order ships or arrives.</summary>
public sealed record TikTokOrderStatusRequest
{
    public string Status { get; init; } = "";
    public bool SendWebhook { get; init; }
}

public sealed record TikTokOrderStatusResult(string OrderId, string Status, TikTokWebhookDelivery Webhook);

/// <summary>Body of POST /sandbox/tiktok/_control/revoke: the shop (or seller open_id) whose consent is withdrawn.</summary>
public sealed record TikTokRevokeRequest
{
    public string? ShopId { get; init; }
    public string? OpenId { get; init; }
    public bool SendWebhook { get; init; }
}

/// <summary>Body of POST /sandbox/tiktok/_control/products/{product_id}/inventory.</summary>
public sealed record WarehouseStockRequest(string SkuId, string WarehouseId, int Quantity);

/// <summary>TikTok's webhook types (1 order status change, 6 seller deauthorization), as its webhook pages number them.</summary>
internal static class WebhookTypes
{
    public const int OrderStatusChange = 1;
    public const int SellerDeauthorization = 6;
}

/// <summary>The emulator's control API (faults are the common <see cref="SandboxFaultEndpoints"/>): buyer orders (with signed webhooks), revocation, and state for tests.</summary>
internal sealed class TikTokShopSandboxControl(
    TikTokShopSandboxStore store,
    TikTokShopSandboxOrders orders,
    TikTokShopSandboxAuth auth,
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopSandboxOptions> options,
    IOptions<SandboxOptions> sandbox,
    TimeProvider time)
{
    public const string WebhookClientName = "TikTokShop.Sandbox.Webhooks";

    public async Task<IResult> GenerateOrdersAsync(HttpContext http)
    {
        var body = await ReadAsync<TikTokGenerateOrdersRequest>(http);
        var shop = body is null ? null : await store.GetAsync<SandboxTikTokShop>("shops", body.ShopId, http.RequestAborted);
        if (body is null || shop is null || body.Count is < 1 or > 10_000 || body.SellerSkus.Count == 0)
        {
            return Results.BadRequest(new { error = "shop_id of a sandbox shop, count (1..10000) and seller_skus are required." });
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var lines = body.SellerSkus.Select(s => (Sku: s, Units: 1)).ToList();
        var (created, refused) = await store.SerializedAsync(async () =>
        {
            // Each order takes one unit of each SKU off the shop's stock; a buyer cannot order what the shop shows none
            // of. An order made cancelled took its units and gave them back.
            var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, shop.Id, http.RequestAborted);
            var made = new List<TikTokWireOrder>();
            var refusedHere = 0;
            for (var n = 0; n < body.Count; n++)
            {
                if (!stock.TryTake(lines))
                {
                    refusedHere++;
                    continue;
                }

                if (body.Status == "CANCELLED")
                {
                    stock.Give(lines);
                }

                made.Add(NewOrder(shop, products, body.SellerSkus, body.Status, now, n));
            }

            await orders.SaveManyAsync(made.Select(o => new SandboxOrder(shop.Id, o)), http.RequestAborted);
            await TikTokShopSandboxStock.SaveAsync(store, products, stock, http.RequestAborted);
            return (made, refusedHere);
        }, http.RequestAborted);

        var deliveries = new List<TikTokWebhookDelivery>();
        foreach (var order in created)
        {
            deliveries.Add(await DeliverAsync(http, StatusChangePayload(shop.Id, order, now), body.SendWebhooks));
        }

        return Results.Json(new TikTokGenerateOrdersResult([.. created.Select(o => o.Id)], deliveries, refused), TikTokShopSandboxJson.Control);
    }

    /// <summary>
    /// The buyer cancels (units back on the shelf; refused once shipped), or the order ships or arrives, as TikTok
    /// would move it on its side; with the ORDER_STATUS_CHANGE webhook, signed, sent when asked.
    /// </summary>
    public async Task<IResult> ChangeOrderStatusAsync(HttpContext http, string orderId)
    {
        var body = await ReadAsync<TikTokOrderStatusRequest>(http);
        if (body is null || body.Status is not ("CANCELLED" or "IN_TRANSIT" or "DELIVERED" or "COMPLETED"))
        {
            return Results.BadRequest(new { error = "status is one of CANCELLED, IN_TRANSIT, DELIVERED, COMPLETED." });
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var (changed, problem) = await ChangeAsync(orderId, body.Status, now, http.RequestAborted);
        if (changed is null)
        {
            return Results.BadRequest(new { error = problem });
        }

        var delivery = await DeliverAsync(http, StatusChangePayload(changed.ShopId, changed.Order, now), body.SendWebhook);
        return Results.Json(new TikTokOrderStatusResult(orderId, changed.Order.Status, delivery), TikTokShopSandboxJson.Control);
    }

    /// <summary>Moves an order as the buyer or TikTok would; the units of a cancelled order go back on the shelf.</summary>
    internal Task<(SandboxOrder? Changed, string? Problem)> ChangeAsync(string orderId, string status, long now, CancellationToken ct) =>
        store.SerializedAsync<(SandboxOrder?, string?)>(async () =>
        {
            if (await store.GetAsync<SandboxOrder>("orders", orderId, ct) is not { } found)
            {
                return (null, $"Order {orderId} does not exist.");
            }

            var before = found.Order.Status;
            var shipped = before is "IN_TRANSIT" or "DELIVERED" or "COMPLETED";
            if (before == "CANCELLED" || (status == "CANCELLED" && shipped))
            {
                return (null, $"Order {orderId} is {before}; it cannot become {status}.");
            }

            var lines = found.Order.LineItems;
            var tracking = status == "CANCELLED" ? found.Order.TrackingNumber : found.Order.TrackingNumber ?? "TT" + TikTokShopSandboxStore.NumericId(12);
            var order = found.Order with
            {
                Status = status,
                UpdateTime = Math.Max(now, found.Order.UpdateTime + 1),
                TrackingNumber = tracking,
                LineItems = [.. lines.Select(l => l with { DisplayStatus = status, TrackingNumber = l.TrackingNumber ?? (status == "CANCELLED" ? null : tracking) })],
            };
            if (status == "CANCELLED")
            {
                var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, found.ShopId, ct);
                stock.Give(lines.Select(l => (l.SellerSku, 1)));
                await TikTokShopSandboxStock.SaveAsync(store, products, stock, ct);
            }

            var saved = found with { Order = order };
            await orders.SaveAsync(saved, ct);
            return (saved, null);
        }, ct);

    internal static string StatusChangePayload(string shopId, TikTokWireOrder order, long now) => JsonSerializer.Serialize(new
    {
        type = WebhookTypes.OrderStatusChange,
        tts_notification_id = TikTokShopSandboxStore.NumericId(19),
        shop_id = shopId,
        timestamp = now,
        data = new { order_id = order.Id, order_status = order.Status, is_on_hold_order = false, update_time = order.UpdateTime },
    });

    public async Task<IResult> RevokeAsync(HttpContext http)
    {
        var body = await ReadAsync<TikTokRevokeRequest>(http);
        var shop = body?.ShopId is { } shopId ? await store.GetAsync<SandboxTikTokShop>("shops", shopId, http.RequestAborted)
            : body?.OpenId is { } openId ? await store.ShopByOpenIdAsync(openId, http.RequestAborted) : null;
        if (body is null || shop is null)
        {
            return Results.BadRequest(new { error = "shop_id or open_id of a sandbox seller is required." });
        }

        var revoked = await auth.RevokeAsync(shop.OpenId, http.RequestAborted);
        var payload = JsonSerializer.Serialize(new
        {
            type = WebhookTypes.SellerDeauthorization,
            tts_notification_id = TikTokShopSandboxStore.NumericId(19),
            shop_id = shop.Id,
            timestamp = time.GetUtcNow().ToUnixTimeSeconds(),
            data = new { message = "seller deauthorized the app" },
        });
        var delivery = await DeliverAsync(http, payload, body.SendWebhook);
        return Results.Json(new { shop_id = shop.Id, open_id = shop.OpenId, revoked_refresh_tokens = revoked, webhook = delivery }, TikTokShopSandboxJson.Control);
    }

    public async Task<IResult> GetOrderAsync(HttpContext http, string orderId) =>
        await store.GetAsync<SandboxOrder>("orders", orderId, http.RequestAborted) is { } order
            ? Results.Json(order.Order, TikTokShopSandboxJson.Control)
            : Results.NotFound();

    public async Task<IResult> GetProductAsync(HttpContext http, string productId) =>
        await store.GetAsync<SandboxProduct>("products", productId, http.RequestAborted) is { } product
            ? Results.Json(product.Product, TikTokShopSandboxJson.Control)
            : Results.NotFound();

    /// <summary>
    /// Signs like TikTok (Authorization: HMAC of app_key + body) and, when asked, posts it to the portal: to the
    /// configured <c>Sandbox:TikTokShop:WebhookUrl</c> or the portal's own endpoint, never to a URL a caller names
    /// (the control API must not become a way to make the portal post anywhere).
    /// </summary>
    private Task<TikTokWebhookDelivery> DeliverAsync(HttpContext http, string payload, bool send) =>
        DeliverAsync(TikTokShopSandboxExtensions.PortalBase(http, sandbox.Value), payload, send, http.RequestAborted);

    /// <summary>The same, for a caller outside this API (the common control contract) that names the portal it reached.</summary>
    internal async Task<TikTokWebhookDelivery> DeliverAsync(string portalBase, string payload, bool send, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var target = settings.WebhookUrl ?? $"{portalBase}/webhooks/TikTokShop";
        var signature = TikTokShopSandboxSignatures.WebhookAuthorization(settings.AppKey, settings.AppSecret, Encoding.UTF8.GetBytes(payload));
        if (!send)
        {
            return new TikTokWebhookDelivery(target, payload, signature, null, null);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", signature);
            using var response = await httpClients.CreateClient(WebhookClientName).SendAsync(request, ct);
            return new TikTokWebhookDelivery(target, payload, signature, (int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // TikTok would retry later; the emulator reports the failure to the caller instead.
            return new TikTokWebhookDelivery(target, payload, signature, null, ex.Message);
        }
    }

    /// <summary>An order shaped like TikTok's Get Order Detail example, one line per unit of each SKU.</summary>
    internal static TikTokWireOrder NewOrder(SandboxTikTokShop shop, List<SandboxProduct> products, IReadOnlyList<string> sellerSkus, string status, long now, int n)
    {
        var packageId = TikTokShopSandboxStore.NumericId(19);
        var lines = new List<TikTokWireLineItem>();
        foreach (var sellerSku in sellerSkus)
        {
            var product = products.FirstOrDefault(p => p.Product.Skus.Any(s => s.SellerSku == sellerSku));
            var sku = product?.Product.Skus.First(s => s.SellerSku == sellerSku);
            var price = sku?.Price?.TaxExclusivePrice ?? "10.00";
            lines.Add(new TikTokWireLineItem
            {
                Id = TikTokShopSandboxStore.NumericId(18),
                SkuId = sku?.Id ?? TikTokShopSandboxStore.NumericId(19),
                ProductId = product?.Product.Id ?? TikTokShopSandboxStore.NumericId(19),
                SellerSku = sellerSku,
                ProductName = product?.Product.Title ?? $"Sandbox product {sellerSku}",
                SalePrice = price,
                OriginalPrice = price,
                Currency = sku?.Price?.Currency ?? "USD",
                DisplayStatus = status,
                PackageId = packageId,
            });
        }

        var subtotal = Money(lines.Sum(l => decimal.Parse(l.SalePrice, CultureInfo.InvariantCulture)));
        return new TikTokWireOrder
        {
            Id = TikTokShopSandboxStore.NumericId(18),
            Status = status,
            CreateTime = now,
            UpdateTime = now,
            PaidTime = status == "UNPAID" ? null : now,
            UserId = TikTokShopSandboxStore.NumericId(19),
            BuyerEmail = $"sbx{TikTokShopSandboxStore.NumericId(6)}@scs.tiktokw.us",
            Payment = new TikTokWirePayment
            {
                Currency = lines[0].Currency,
                SubTotal = subtotal,
                ShippingFee = "0.00",
                Tax = "0.00",
                TotalAmount = subtotal,
                OriginalTotalProductPrice = subtotal,
            },
            RecipientAddress = new TikTokWireAddress
            {
                Name = $"Sandbox Buyer {n + 1}",
                PhoneNumber = "(+1)213***0000",
                FullAddress = $"{100 + n} Sandbox Ave, Los Angeles, California 90071",
                AddressLine1 = $"{100 + n} Sandbox Ave",
                PostalCode = "90071",
                RegionCode = shop.Region,
                DistrictInfo =
                [
                    new TikTokWireDistrict("State", "California", "L1"),
                    new TikTokWireDistrict("City", "Los Angeles", "L3"),
                ],
            },
            LineItems = lines,
            Packages = [new TikTokWirePackageRef(packageId)],
            DeliveryOptionId = "7091146663229654785",
            WarehouseId = shop.WarehouseId,
            IsOnHoldOrder = false,
        };
    }

    /// <summary>
    /// Sets one SKU's quantity in one of the shop's warehouses, as the seller would in TikTok's Seller Center (so a
    /// test can give the second warehouse stock the portal does not manage).
    /// </summary>
    public async Task<IResult> SetWarehouseStockAsync(HttpContext http, string productId)
    {
        var body = await ReadAsync<WarehouseStockRequest>(http);
        if (body is null || body.Quantity < 0)
        {
            return Results.BadRequest(new { error = "sku_id, warehouse_id and a quantity of 0 or more are required." });
        }

        return await store.SerializedAsync(async () =>
        {
            var found = await store.GetAsync<SandboxProduct>("products", productId, http.RequestAborted);
            var shop = found is null ? null : await store.GetAsync<SandboxTikTokShop>("shops", found.ShopId, http.RequestAborted);
            var sku = found?.Product.Skus.FirstOrDefault(s => s.Id == body.SkuId);
            if (found is null || shop is null || sku is null || !shop.Warehouses.Contains(body.WarehouseId))
            {
                return Results.NotFound(new { error = $"Product {productId} has no SKU {body.SkuId}, or {body.WarehouseId} is not its shop's warehouse." });
            }

            var inventory = sku.Inventory.Where(i => i.WarehouseId != body.WarehouseId).Append(new TikTokWireStock(body.WarehouseId, body.Quantity))
                .OrderBy(i => shop.Warehouses.ToList().IndexOf(i.WarehouseId)).ToList();
            var product = found.Product with { Skus = [.. found.Product.Skus.Select(s => s.Id == sku.Id ? s with { Inventory = inventory } : s)] };
            await store.PutAsync("products", product.Id, found with { Product = product }, product.UpdateTime, http.RequestAborted);
            return Results.Json(product, TikTokShopSandboxJson.Control);
        }, http.RequestAborted);
    }

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize<T>(text, TikTokShopSandboxJson.Control);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
