using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// The emulator's own reading of TikTok Shop's two signatures, written from the Partner API pages and kept apart from
/// the client's signer so a mistake in one is caught by the other: the request <c>sign</c> (app secret, path, the
/// query but <c>sign</c> and <c>access_token</c> as sorted key+value, the body unless multipart, app secret again;
/// HMAC-SHA256 keyed with the app secret) and the webhook <c>Authorization</c> (HMAC-SHA256 of the app key's bytes
/// followed by the body's bytes). Both lower-case hex.
/// </summary>
internal static class TikTokShopSandboxSignatures
{
    public static string RequestSign(string appSecret, string path, IEnumerable<KeyValuePair<string, string>> query, string? body)
    {
        var signed = new StringBuilder(appSecret).Append(path);
        foreach (var parameter in query.Where(p => p.Key is not ("sign" or "access_token")).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            signed.Append(parameter.Key).Append(parameter.Value);
        }

        signed.Append(body ?? "").Append(appSecret);
        return Hex(appSecret, Encoding.UTF8.GetBytes(signed.ToString()));
    }

    public static string WebhookAuthorization(string appKey, string appSecret, byte[] body) =>
        Hex(appSecret, [.. Encoding.UTF8.GetBytes(appKey), .. body]);

    private static string Hex(string secret, byte[] message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
}
