using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop webhooks: the <c>Authorization</c> header is the lower-case hex HMAC-SHA256, keyed with the app secret,
/// of the app key followed by the raw body (the scheme the widely used SDKs verify). Checked before anything is parsed.
/// </summary>
public sealed class TikTokShopWebhookVerifier(IOptionsMonitor<TikTokShopOptions> options) : IChannelWebhookVerifier
{
    public const int OrderStatusChange = 1;
    public const int PackageUpdate = 4;
    public const int ProductStatusChange = 5;
    public const int SellerDeauthorization = 6;
    public const int UpcomingAuthorizationExpiration = 7;
    public const int ReturnStatusChange = 12;

    public ChannelKind Channel => ChannelKind.TikTokShop;

    public static string ComputeSignature(string appKey, string appSecret, string rawBody) =>
        TikTokShopSigner.Hmac(appSecret, appKey + rawBody);

    public WebhookVerification Verify(WebhookRequest request)
    {
        var settings = options.CurrentValue;
        var given = request.Header("Authorization")?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return WebhookVerification.Rejected("The Authorization header is missing.");
        }

        var expected = ComputeSignature(settings.AppKey, settings.AppSecret, request.Body);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant())))
        {
            return WebhookVerification.Rejected("The signature does not match.");
        }

        TikTokWebhookEvent? notification;
        try
        {
            notification = JsonSerializer.Deserialize<TikTokWebhookEvent>(request.Body, TikTokJson.Options);
        }
        catch (JsonException)
        {
            notification = null;
        }

        if (notification is null)
        {
            return new WebhookVerification(true, null, null, null, [], "The body is not a TikTok Shop notification.");
        }

        return new WebhookVerification(
            true,
            EventId(notification, request.Body),
            EventName(notification.Type),
            notification.ShopId,
            Actions(notification));
    }

    public static string EventName(int type) => type switch
    {
        OrderStatusChange => "ORDER_STATUS_CHANGE",
        PackageUpdate => "PACKAGE_UPDATE",
        ProductStatusChange => "PRODUCT_STATUS_CHANGE",
        SellerDeauthorization => "SELLER_DEAUTHORIZATION",
        UpcomingAuthorizationExpiration => "UPCOMING_AUTHORIZATION_EXPIRATION",
        ReturnStatusChange => "RETURN_STATUS_CHANGE",
        _ => $"TYPE_{type}",
    };

    /// <summary>TikTok's own id when present; else a digest of the body, so an identical redelivery still dedupes.</summary>
    private static string EventId(TikTokWebhookEvent notification, string body) =>
        notification.TtsNotificationId is { Length: > 0 } id
            ? id
            : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static IReadOnlyList<WebhookAction> Actions(TikTokWebhookEvent notification)
    {
        switch (notification.Type)
        {
            case OrderStatusChange or PackageUpdate or ReturnStatusChange:
                var orderId = notification.Data is { ValueKind: JsonValueKind.Object } data
                    && data.TryGetProperty("order_id", out var value) ? value.ToString() : null;
                return string.IsNullOrEmpty(orderId) ? [] : [new RefreshOrderAction(orderId)];
            case SellerDeauthorization:
                return [new AuthorizationRevokedAction()];
            default:
                return [];
        }
    }
}
