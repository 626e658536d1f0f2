using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Integrations.TikTokShop.Dto;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Body of POST /sandbox/tiktok/_control/faults (snake_case). Omitted fields keep their defaults.</summary>
public sealed record TikTokFaultsRequest
{
    public double ErrorRate { get; init; }
    public double DropConnectionRate { get; init; }
    public double TimeoutRate { get; init; }
    public int LatencyMs { get; init; }
    public int RetryAfterSeconds { get; init; } = 1;
    public bool Hang { get; init; }
    public bool RateLimitsEnabled { get; init; } = true;
    [JsonPropertyName("queue_429")]
    public int Queue429 { get; init; }
    [JsonPropertyName("queue_5xx")]
    public int Queue5xx { get; init; }
    public bool Reset { get; init; }
}

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

/// <summary>The emulator's control API: faults, buyer orders (with signed webhooks), revocation, and state for tests.</summary>
public sealed class TikTokShopSandboxControl(
    TikTokShopSandboxStore store,
    TikTokShopSandboxOrders orders,
    TikTokShopSandboxAuth auth,
    SandboxFaults faults,
    IHttpClientFactory httpClients,
    IOptionsMonitor<TikTokShopSandboxOptions> options,
    IOptions<SandboxOptions> sandbox,
    TimeProvider time)
{
    public const string WebhookClientName = "TikTokShop.Sandbox.Webhooks";

    public async Task<IResult> SetFaultsAsync(HttpContext http)
    {
        var body = await ReadAsync<TikTokFaultsRequest>(http) ?? new TikTokFaultsRequest();
        const string channel = TikTokShopSandboxStore.Channel;
        if (body.Reset)
        {
            faults.Reset(channel);
        }
        else
        {
            faults.Set(channel, new FaultSettings
            {
                ErrorRate = body.ErrorRate,
                DropConnectionRate = body.DropConnectionRate,
                TimeoutRate = body.TimeoutRate,
                LatencyMs = body.LatencyMs,
                RetryAfterSeconds = body.RetryAfterSeconds,
                Hang = body.Hang,
                RateLimitsEnabled = body.RateLimitsEnabled,
            });
        }

        if (body.Queue429 > 0)
        {
            faults.Queue429(channel, body.Queue429);
        }

        if (body.Queue5xx > 0)
        {
            faults.Queue5xx(channel, body.Queue5xx);
        }

        return Results.Json(faults.For(channel), TikTokJson.Options);
    }

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
            var made = new List<TikTokOrder>();
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

        return Results.Json(new TikTokGenerateOrdersResult([.. created.Select(o => o.Id)], deliveries, refused), TikTokJson.Options);
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
        var (changed, problem) = await store.SerializedAsync<(SandboxOrder?, string?)>(async () =>
        {
            if (await store.GetAsync<SandboxOrder>("orders", orderId, http.RequestAborted) is not { } found)
            {
                return (null, $"Order {orderId} does not exist.");
            }

            var before = found.Order.Status;
            var shipped = before is "IN_TRANSIT" or "DELIVERED" or "COMPLETED";
            if (before == "CANCELLED" || (body.Status == "CANCELLED" && shipped))
            {
                return (null, $"Order {orderId} is {before}; it cannot become {body.Status}.");
            }

            var lines = found.Order.LineItems ?? [];
            var tracking = body.Status == "CANCELLED" ? found.Order.TrackingNumber : found.Order.TrackingNumber ?? "TT" + TikTokShopSandboxStore.NumericId(12);
            var order = found.Order with
            {
                Status = body.Status,
                UpdateTime = Math.Max(now, found.Order.UpdateTime + 1),
                TrackingNumber = tracking,
                LineItems = [.. lines.Select(l => l with { DisplayStatus = body.Status, TrackingNumber = l.TrackingNumber ?? (body.Status == "CANCELLED" ? null : tracking) })],
            };
            if (body.Status == "CANCELLED")
            {
                var (stock, products) = await TikTokShopSandboxStock.LoadAsync(store, found.ShopId, http.RequestAborted);
                stock.Give(lines.Where(l => l.SellerSku is not null).Select(l => (l.SellerSku!, 1)));
                await TikTokShopSandboxStock.SaveAsync(store, products, stock, http.RequestAborted);
            }

            var saved = found with { Order = order };
            await orders.SaveAsync(saved, http.RequestAborted);
            return (saved, null);
        }, http.RequestAborted);
        if (changed is null)
        {
            return Results.BadRequest(new { error = problem });
        }

        var delivery = await DeliverAsync(http, StatusChangePayload(changed.ShopId, changed.Order, now), body.SendWebhook);
        return Results.Json(new TikTokOrderStatusResult(orderId, changed.Order.Status, delivery), TikTokJson.Options);
    }

    private static string StatusChangePayload(string shopId, TikTokOrder order, long now) => JsonSerializer.Serialize(new
    {
        type = TikTokShopWebhookVerifier.OrderStatusChange,
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
            type = TikTokShopWebhookVerifier.SellerDeauthorization,
            tts_notification_id = TikTokShopSandboxStore.NumericId(19),
            shop_id = shop.Id,
            timestamp = time.GetUtcNow().ToUnixTimeSeconds(),
            data = new { message = "seller deauthorized the app" },
        });
        var delivery = await DeliverAsync(http, payload, body.SendWebhook);
        return Results.Json(new { shop_id = shop.Id, open_id = shop.OpenId, revoked_refresh_tokens = revoked, webhook = delivery }, TikTokJson.Options);
    }

    public async Task<IResult> GetOrderAsync(HttpContext http, string orderId) =>
        await store.GetAsync<SandboxOrder>("orders", orderId, http.RequestAborted) is { } order
            ? Results.Json(order.Order, TikTokJson.Options)
            : Results.NotFound();

    public async Task<IResult> GetProductAsync(HttpContext http, string productId) =>
        await store.GetAsync<SandboxProduct>("products", productId, http.RequestAborted) is { } product
            ? Results.Json(product.Product, TikTokJson.Options)
            : Results.NotFound();

    /// <summary>
    /// Signs like TikTok (Authorization: HMAC of app_key + body) and, when asked, posts it to the portal: to the
    /// configured <c>Sandbox:TikTokShop:WebhookUrl</c> or the portal's own endpoint, never to a URL a caller names
    /// (the control API must not become a way to make the portal post anywhere).
    /// </summary>
    private async Task<TikTokWebhookDelivery> DeliverAsync(HttpContext http, string payload, bool send)
    {
        var settings = options.CurrentValue;
        var target = settings.WebhookUrl ?? $"{TikTokShopSandboxExtensions.PortalBase(http, sandbox.Value)}/webhooks/TikTokShop";
        var signature = TikTokShopSandboxSignatures.WebhookAuthorization(settings.AppKey, settings.AppSecret, Encoding.UTF8.GetBytes(payload));
        if (!send)
        {
            return new TikTokWebhookDelivery(target, payload, signature, null, null);
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Authorization", signature);
            using var response = await httpClients.CreateClient(WebhookClientName).SendAsync(request, http.RequestAborted);
            return new TikTokWebhookDelivery(target, payload, signature, (int)response.StatusCode, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // TikTok would retry later; the emulator reports the failure to the caller instead.
            return new TikTokWebhookDelivery(target, payload, signature, null, ex.Message);
        }
    }

    private static TikTokOrder NewOrder(SandboxTikTokShop shop, List<SandboxProduct> products, IReadOnlyList<string> sellerSkus, string status, long now, int n)
    {
        var lines = new List<TikTokLineItem>();
        foreach (var sellerSku in sellerSkus)
        {
            var product = products.FirstOrDefault(p => p.Product.Skus.Any(s => s.SellerSku == sellerSku));
            var sku = product?.Product.Skus.First(s => s.SellerSku == sellerSku);
            lines.Add(new TikTokLineItem
            {
                Id = TikTokShopSandboxStore.NumericId(18),
                SkuId = sku?.Id ?? TikTokShopSandboxStore.NumericId(19),
                ProductId = product?.Product.Id ?? TikTokShopSandboxStore.NumericId(19),
                SellerSku = sellerSku,
                ProductName = product?.Product.Title ?? $"Sandbox product {sellerSku}",
                SalePrice = sku?.Price?.TaxExclusivePrice ?? "10.00",
                OriginalPrice = sku?.Price?.TaxExclusivePrice ?? "10.00",
                Currency = sku?.Price?.Currency ?? "USD",
                DisplayStatus = status,
            });
        }

        var currency = lines[0].Currency!;
        var subtotal = lines.Sum(l => decimal.Parse(l.SalePrice!, CultureInfo.InvariantCulture));
        var packageId = TikTokShopSandboxStore.NumericId(19);
        return new TikTokOrder
        {
            Id = TikTokShopSandboxStore.NumericId(18),
            Status = status,
            CreateTime = now,
            UpdateTime = now,
            UserId = TikTokShopSandboxStore.NumericId(19),
            BuyerEmail = $"sbx{TikTokShopSandboxStore.NumericId(6)}@scs.tiktokw.us",
            Payment = new TikTokPayment
            {
                Currency = currency,
                SubTotal = TikTokShopMapper.Amount(subtotal),
                ShippingFee = "0.00",
                Tax = "0.00",
                TotalAmount = TikTokShopMapper.Amount(subtotal),
            },
            RecipientAddress = new TikTokRecipientAddress
            {
                Name = $"Sandbox Buyer {n + 1}",
                PhoneNumber = "(+1)213***0000",
                AddressLine1 = $"{100 + n} Sandbox Ave",
                PostalCode = "90071",
                RegionCode = shop.Region,
                DistrictInfo =
                [
                    new TikTokDistrict { AddressLevelName = "State", AddressName = "California", AddressLevel = "L1" },
                    new TikTokDistrict { AddressLevelName = "City", AddressName = "Los Angeles", AddressLevel = "L3" },
                ],
            },
            LineItems = [.. lines.Select(l => l with { PackageId = packageId })],
            Packages = [new TikTokPackageRef(packageId)],
            DeliveryOptionId = "7091146663229654785",
            IsOnHoldOrder = false,
        };
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        return TikTokShopSandboxResults.Read<T>(await reader.ReadToEndAsync(http.RequestAborted));
    }
}
