using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>A products/update body in Shopify's REST webhook shape (snake_case, numeric id and admin_graphql_api_id).</summary>
public sealed record ShopifyWireProductWebhook(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("admin_graphql_api_id")] string AdminGraphqlApiId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("handle")] string Handle,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("variants")] IReadOnlyList<ShopifyWireVariantWebhook> Variants);

public sealed record ShopifyWireVariantWebhook(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("admin_graphql_api_id")] string AdminGraphqlApiId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("inventory_item_id")] long InventoryItemId,
    [property: JsonPropertyName("inventory_quantity")] int InventoryQuantity);

public sealed record ShopifyWireInventoryLevelWebhook(
    [property: JsonPropertyName("inventory_item_id")] long InventoryItemId,
    [property: JsonPropertyName("location_id")] long LocationId,
    [property: JsonPropertyName("available")] int Available,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("admin_graphql_api_id")] string AdminGraphqlApiId);

public sealed record ShopifyWireOrderWebhook(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("admin_graphql_api_id")] string AdminGraphqlApiId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("email")] string Email,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("cancelled_at")] string? CancelledAt,
    [property: JsonPropertyName("financial_status")] string FinancialStatus,
    [property: JsonPropertyName("fulfillment_status")] string? FulfillmentStatus,
    [property: JsonPropertyName("total_price")] string TotalPrice,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("line_items")] IReadOnlyList<ShopifyWireLineItemWebhook> LineItems);

public sealed record ShopifyWireLineItemWebhook(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("admin_graphql_api_id")] string AdminGraphqlApiId,
    [property: JsonPropertyName("sku")] string? Sku,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("variant_id")] long? VariantId);

internal static class ShopifySandboxWebhookBodies
{
    public static object Product(ShopifyProduct product) => new ShopifyWireProductWebhook(product.Num, product.Id, product.Title, product.Handle,
        product.Status.ToLowerInvariant(), product.UpdatedAt,
        [.. product.VariantList.Select(v => new ShopifyWireVariantWebhook(v.Num, v.Id, v.Sku, v.Price, v.InventoryItem.Num, v.InventoryQuantity ?? 0))]);

    public static object InventoryLevel(ShopifyInventoryItem item, ShopifyLocation location, DateTimeOffset now) =>
        new ShopifyWireInventoryLevelWebhook(item.Num, location.Num, item.Levels[location.Num].GetValueOrDefault("available"), ShopifyGid.Time(now),
            $"gid://shopify/InventoryLevel/{item.Num}?inventory_item_id={item.Num}&location_id={location.Num}");

    public static object Order(ShopifyOrder order, ShopifySandboxShop shop) => new ShopifyWireOrderWebhook(order.Num, order.Id, order.Name, order.Email,
        order.CreatedAt, order.UpdatedAt, order.CancelledAt, order.DisplayFinancialStatus.ToLowerInvariant(),
        order.DisplayFulfillmentStatus switch { "FULFILLED" => "fulfilled", "PARTIALLY_FULFILLED" => "partial", _ => null },
        order.TotalPriceSet.ShopMoney.Amount, order.CurrencyCode,
        [.. order.LineItemList.Select(l => new ShopifyWireLineItemWebhook(l.Num, l.Id, l.Sku, l.Title, l.Quantity, ShopifySandboxInput.Format(l.Unit), l.Variant?.Num))]);
}

/// <summary>
/// Delivers a webhook to the portal as Shopify does: POST <c>{portal}/webhooks/Shopify</c> with the topic, the shop,
/// the API version, ids and <c>X-Shopify-Hmac-Sha256</c> = base64(HMAC-SHA256(client secret, raw body)). Only topics
/// the app subscribes to are sent; each is returned whole for a replay.
/// </summary>
public sealed class ShopifySandboxWebhooks(IHttpClientFactory httpClients, TimeProvider time, IOptions<ShopifySandboxOptions> options,
    ILogger<ShopifySandboxWebhooks> logger)
{
    public const string ClientName = "shopify-sandbox-webhooks";

    public static string Signature(string clientSecret, byte[] body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), body));

    public async Task<SandboxWebhook> DeliverAsync(string portalBaseUrl, string shop, string topic, object body, bool send, CancellationToken ct)
    {
        var raw = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ShopifySandboxJson.Wire);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["X-Shopify-Topic"] = topic,
            ["X-Shopify-Hmac-Sha256"] = Signature(options.Value.ClientSecret, raw),
            ["X-Shopify-Shop-Domain"] = shop,
            ["X-Shopify-API-Version"] = ShopifySandboxSchema.Version,
            ["X-Shopify-Webhook-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-Event-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-Triggered-At"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var delivered = false;
        if (send && options.Value.WebhookTopics.Contains(topic))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, portalBaseUrl.TrimEnd('/') + "/webhooks/Shopify") { Content = new ByteArrayContent(raw) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                foreach (var (name, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await httpClients.CreateClient(ClientName).SendAsync(request, ct);
                delivered = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning(e, "The Shopify emulator's {Topic} webhook did not reach the portal", topic);
            }
        }

        return new SandboxWebhook(Encoding.UTF8.GetString(raw), headers, delivered);
    }
}
