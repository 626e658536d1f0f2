using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Integrations.Common.Fakes;

/// <summary>
/// A channel's webhook check as the tests need it: header X-Fake-Signature is the hex HMAC-SHA256 of the raw body keyed
/// with <see cref="Secret"/>; the body is parsed only after the signature holds:
/// <c>{"id":"evt-1","shop_id":"shop-a","order_id":"o-1","type":"order"|"revoked"}</c>, or an erasure naming a buyer:
/// <c>{"id","shop_id","type":"erase","buyer":"jdoe"}</c>.
/// </summary>
public sealed class FakeWebhookVerifier : IChannelWebhookVerifier
{
    public const string Secret = "webhook-secret";
    public const string Header = "X-Fake-Signature";

    public ChannelKind Channel => FakeChannelAuthorization.Kind;

    public static string Sign(string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    public WebhookVerification Verify(WebhookRequest request)
    {
        var given = request.Header(Header);
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(Sign(request.Body))))
        {
            return WebhookVerification.Rejected("bad signature");
        }

        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        var type = root.GetProperty("type").GetString();
        WebhookAction action = type switch
        {
            "revoked" => new AuthorizationRevokedAction(),
            "erase" => new EraseBuyerDataAction(root.GetProperty("buyer").GetString()!),
            _ => new RefreshOrderAction(root.GetProperty("order_id").GetString()!),
        };
        return new WebhookVerification(true, root.GetProperty("id").GetString(), type, root.GetProperty("shop_id").GetString(), [action])
        {
            NamesAPerson = type == "erase",
        };
    }
}
