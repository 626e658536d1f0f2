using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify webhooks (shopify.md §4.6): <c>X-Shopify-Hmac-Sha256</c> is base64 HMAC-SHA256 of the raw body under the
/// app's client secret, checked over the bytes received before anything is parsed. The event is identified by
/// <c>X-Shopify-Webhook-Id</c>, its topic and shop by <c>X-Shopify-Topic</c> and <c>X-Shopify-Shop-Domain</c>.
/// </summary>
public sealed class ShopifyWebhookVerifier(IOptionsMonitor<ShopifyOptions> options) : IChannelWebhookVerifier
{
    public const string HmacHeader = "X-Shopify-Hmac-Sha256";
    public const string TopicHeader = "X-Shopify-Topic";
    public const string ShopHeader = "X-Shopify-Shop-Domain";
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";

    public ChannelKind Channel => ChannelKind.Shopify;

    public WebhookVerification Verify(WebhookRequest request)
    {
        var secret = options.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return WebhookVerification.Rejected("The Shopify client secret is not configured.");
        }

        var signature = request.Header(HmacHeader);
        if (string.IsNullOrWhiteSpace(signature))
        {
            return WebhookVerification.Rejected($"The {HmacHeader} header is missing.");
        }

        if (!ShopifyHmac.VerifyWebhook(secret, request.RawBody.Span, signature))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        var topic = request.Header(TopicHeader)?.Trim();
        var shop = request.Header(ShopHeader)?.Trim();
        JsonElement body;
        try
        {
            body = JsonDocument.Parse(request.RawBody).RootElement.Clone();
        }
        catch (JsonException)
        {
            return new WebhookVerification(true, request.Header(WebhookIdHeader), topic, shop, [], "The body is not JSON.");
        }

        var (actions, namesAPerson) = Actions(topic, body);
        return new WebhookVerification(true, request.Header(WebhookIdHeader), topic, shop, actions) { NamesAPerson = namesAPerson };
    }

    /// <summary>
    /// Orders refresh by their GID; app/uninstalled revokes; customers/redact erases the customer by the ids orders
    /// store as buyer (the customer GID, and the email for orders without a customer). customers/data_request and
    /// shop/redact are accepted and recorded only (see docs); inventory and product updates are accepted.
    /// </summary>
    public static (IReadOnlyList<WebhookAction> Actions, bool NamesAPerson) Actions(string? topic, JsonElement body)
    {
        switch (topic)
        {
            case "orders/create" or "orders/updated" or "orders/cancelled" or "orders/fulfilled" or "orders/paid":
                var gid = Text(body, "admin_graphql_api_id") ?? (body.TryGetProperty("id", out var id) ? $"gid://shopify/Order/{id}" : null);
                return (gid is null ? [] : [new RefreshOrderAction(gid)], true);
            case "app/uninstalled":
                return ([new AuthorizationRevokedAction()], false);
            case "customers/redact":
                var erase = new List<WebhookAction>();
                if (body.TryGetProperty("customer", out var customer) && customer.ValueKind == JsonValueKind.Object)
                {
                    if (customer.TryGetProperty("id", out var customerId) && customerId.ValueKind is JsonValueKind.Number or JsonValueKind.String)
                    {
                        erase.Add(new EraseBuyerDataAction($"gid://shopify/Customer/{customerId}"));
                    }

                    if (Text(customer, "email") is { Length: > 0 } email)
                    {
                        erase.Add(new EraseBuyerDataAction(email));
                    }
                }

                return (erase, true);
            case "customers/data_request" or "shop/redact":
                return ([], true);
            default:
                return ([], false);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
