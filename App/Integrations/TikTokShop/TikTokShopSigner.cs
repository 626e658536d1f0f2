using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop's request sign (Partner API "Sign your API request"): the path, then every query parameter except
/// <c>sign</c> and <c>access_token</c> as key+value sorted by key (ordinal), then the raw body unless it is
/// multipart/form-data; the whole string wrapped in the app secret at both ends; HMAC-SHA256 keyed with the app
/// secret; lower-case hex.
/// </summary>
public static class TikTokShopSigner
{
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "sign", "access_token" };

    public static string Sign(string path, IReadOnlyDictionary<string, string> query, string? body, string appSecret)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(appSecret);
        var text = new StringBuilder(appSecret).Append(path);
        foreach (var (key, value) in query.Where(p => !Excluded.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        text.Append(body).Append(appSecret);
        return Hmac(appSecret, text.ToString());
    }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="message"/> keyed with <paramref name="secret"/>.</summary>
    internal static string Hmac(string secret, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
}
