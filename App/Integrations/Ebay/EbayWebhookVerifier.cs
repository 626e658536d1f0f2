using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// Marketplace account deletion notifications. <c>X-EBAY-SIGNATURE</c> is base64 of
/// <c>{"alg":"ecdsa","kid","signature":"base64 DER","digest":"SHA1"}</c>; the signature is ECDSA P-256 with SHA-1 over
/// the raw body, checked against eBay's public key for the kid (ebay.md). A valid notification asks us to erase the
/// buyer's data by username.
/// </summary>
public sealed class EbayWebhookVerifier(EbayNotificationKeys keys, ILogger<EbayWebhookVerifier> logger) : IChannelWebhookVerifier
{
    public const string SignatureHeader = "X-EBAY-SIGNATURE";

    public ChannelKind Channel => ChannelKind.Ebay;

    public WebhookVerification Verify(WebhookRequest request) => VerifyAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public async ValueTask<WebhookVerification> VerifyAsync(WebhookRequest request, CancellationToken ct)
    {
        var header = request.Header(SignatureHeader);
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.Rejected("No X-EBAY-SIGNATURE header.");
        }

        SignatureHeaderValue? signature;
        try
        {
            signature = JsonSerializer.Deserialize<SignatureHeaderValue>(Convert.FromBase64String(header), EbayJson.Options);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return WebhookVerification.Rejected("X-EBAY-SIGNATURE is not base64 JSON.");
        }

        if (signature?.Kid is null || signature.Signature is null
            || !string.Equals(signature.Alg, "ecdsa", StringComparison.OrdinalIgnoreCase)
            || !string.Equals(signature.Digest, "SHA1", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerification.Rejected("X-EBAY-SIGNATURE names an unsupported algorithm or lacks kid/signature.");
        }

        if (await keys.FindAsync(signature.Kid, ct) is not { } key)
        {
            logger.LogWarning("eBay notification names a key id eBay did not hand over (or not now); refused");
            return WebhookVerification.Rejected("The key id is not one of eBay's.");
        }

        if (!SignatureMatches(request.RawBody.Span, signature.Signature, key.Key))
        {
            logger.LogWarning("eBay notification signature mismatch for kid {Kid}", signature.Kid);
            return WebhookVerification.Rejected("Signature does not match.");
        }

        return Interpret(request.Body);
    }

    /// <summary>ECDSA (DER signature) with SHA-1 over the exact body bytes.</summary>
    public static bool SignatureMatches(string body, string base64DerSignature, string publicKeyPem) =>
        SignatureMatches(Encoding.UTF8.GetBytes(body), base64DerSignature, publicKeyPem);

    /// <summary>ECDSA (DER signature) with SHA-1 over the body's bytes as they arrived.</summary>
    public static bool SignatureMatches(ReadOnlySpan<byte> body, string base64DerSignature, string publicKeyPem)
    {
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(base64DerSignature);
        }
        catch (FormatException)
        {
            return false;
        }

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(StripPem(publicKeyPem)), out _);
        return ecdsa.VerifyData(body, signatureBytes, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>eBay sends the PEM on one line, headers glued to the base64.</summary>
    private static string StripPem(string pem) =>
        pem.Replace("-----BEGIN PUBLIC KEY-----", "", StringComparison.Ordinal)
            .Replace("-----END PUBLIC KEY-----", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Trim();

    private static WebhookVerification Interpret(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var topic = root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("topic", out var t) ? t.GetString() : null;
        var notification = root.TryGetProperty("notification", out var n) ? n : default;
        var id = notification.ValueKind == JsonValueKind.Object && notification.TryGetProperty("notificationId", out var nid) ? nid.GetString() : null;
        var username = notification.ValueKind == JsonValueKind.Object && notification.TryGetProperty("data", out var data)
            && data.TryGetProperty("username", out var u) ? u.GetString() : null;
        IReadOnlyList<WebhookAction> actions = topic == "MARKETPLACE_ACCOUNT_DELETION" && !string.IsNullOrEmpty(username)
            ? [new EraseBuyerDataAction(username)]
            : [];
        return new WebhookVerification(true, id, topic, null, actions) { NamesAPerson = topic == "MARKETPLACE_ACCOUNT_DELETION" };
    }

    private sealed record SignatureHeaderValue(string? Alg, string? Kid, string? Signature, string? Digest);
}
