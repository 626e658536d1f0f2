using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify's two HMAC-SHA256 signatures under the app's client secret (shopify.md §4.1, §4.6): the OAuth callback's
/// <c>hmac</c> (lower-case hex over the other query parameters sorted by key) and a webhook's
/// <c>X-Shopify-Hmac-Sha256</c> (base64 over the raw body). Pure functions; the checks compare in constant time.
/// </summary>
public static class ShopifyHmac
{
    /// <summary>
    /// The callback's message: every parameter but <c>hmac</c> and the legacy <c>signature</c>, sorted by key
    /// (ordinal), as <c>k=v</c> joined by <c>&amp;</c>, values as received (decoded).
    /// </summary>
    public static string CallbackMessage(IReadOnlyDictionary<string, string> query) =>
        string.Join('&', query.Where(p => p.Key is not ("hmac" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));

    public static string CallbackSignature(string secret, IReadOnlyDictionary<string, string> query) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(CallbackMessage(query))));

    /// <summary>The callback's own <c>hmac</c> against the one we compute; false when it is missing.</summary>
    public static bool VerifyCallback(string secret, IReadOnlyDictionary<string, string> query) =>
        query.TryGetValue("hmac", out var given) && !string.IsNullOrEmpty(given)
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(CallbackSignature(secret, query)), Encoding.ASCII.GetBytes(given.Trim().ToLowerInvariant()));

    public static string WebhookSignature(string secret, string body) => WebhookSignature(secret, Encoding.UTF8.GetBytes(body));

    public static string WebhookSignature(string secret, ReadOnlySpan<byte> rawBody) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody));

    /// <summary>The header against the HMAC of the exact bytes received, compared as bytes in constant time.</summary>
    public static bool VerifyWebhook(string secret, ReadOnlySpan<byte> rawBody, string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody), given);
    }

    public static bool VerifyWebhook(string secret, string body, string? header) => VerifyWebhook(secret, Encoding.UTF8.GetBytes(body), header);
}
