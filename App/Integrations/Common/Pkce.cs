using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Integrations.Common;

/// <summary>Proof Key for Code Exchange (RFC 7636), for channels whose OAuth requires it (Etsy: S256 only).</summary>
public static class Pkce
{
    /// <summary>The S256 challenge of a verifier: BASE64URL-NOPAD(SHA256(ASCII(verifier))).</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Base64url without padding (RFC 7636 Appendix A).</summary>
    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
