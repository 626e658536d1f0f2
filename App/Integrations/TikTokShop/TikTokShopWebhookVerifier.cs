using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop webhooks: the <c>Authorization</c> header is the lower-case hex HMAC-SHA256, keyed with the app secret,
/// of the app key followed by the raw body bytes (the scheme the widely used SDKs verify). Checked before anything is
/// parsed; an event whose own timestamp is further than <see cref="TikTokShopOptions.WebhookMaxAge"/> from now is
/// refused, so a captured delivery cannot be replayed later and dedupe rows need keeping only that long.
/// </summary>
public sealed class TikTokShopWebhookVerifier(IOptionsMonitor<TikTokShopOptions> options, TimeProvider clock) : IChannelWebhookVerifier
{
    public const int OrderStatusChange = 1;
    public const int PackageUpdate = 4;
    public const int ProductStatusChange = 5;
    public const int SellerDeauthorization = 6;
    public const int UpcomingAuthorizationExpiration = 7;
    public const int ReturnStatusChange = 12;

    public ChannelKind Channel => ChannelKind.TikTokShop;

    public static string ComputeSignature(string appKey, string appSecret, string rawBody) =>
        ComputeSignature(appKey, appSecret, Encoding.UTF8.GetBytes(rawBody));

    public static string ComputeSignature(string appKey, string appSecret, ReadOnlySpan<byte> rawBody)
    {
        var key = Encoding.UTF8.GetBytes(appKey);
        var signed = new byte[key.Length + rawBody.Length];
        key.CopyTo(signed, 0);
        rawBody.CopyTo(signed.AsSpan(key.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), signed));
    }

    public WebhookVerification Verify(WebhookRequest request)
    {
        var settings = options.CurrentValue;
        var given = request.Header("Authorization")?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return WebhookVerification.Rejected("The Authorization header is missing.");
        }

        var expected = ComputeSignature(settings.AppKey, settings.AppSecret, request.RawBody.Span);
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

        if (!request.IsReplay && Staleness(notification.Timestamp, settings.WebhookMaxAge) is { } stale)
        {
            return WebhookVerification.Rejected(stale);
        }

        return new WebhookVerification(
            true,
            EventId(notification, request.Body),
            EventName(notification.Type),
            notification.ShopId,
            Actions(notification));
    }

    /// <summary>Why an event's timestamp (Unix seconds) is outside the window around now, or null when it is inside.</summary>
    private string? Staleness(long timestamp, TimeSpan window)
    {
        if (timestamp <= 0)
        {
            return "The notification has no timestamp.";
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return age > window ? $"The notification is {age.TotalMinutes:0} minutes old; older than {window.TotalMinutes:0} minutes is refused."
            : age < -window ? "The notification's timestamp is in the future."
            : null;
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
