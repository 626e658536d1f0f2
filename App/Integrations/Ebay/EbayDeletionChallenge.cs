using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// The marketplace account deletion endpoint's challenge (ebay.md): the hex SHA-256 of challenge code, verification
/// token and endpoint URL concatenated in that order; the endpoint exactly as registered.
/// </summary>
public static class EbayDeletionChallenge
{
    public static string Response(string challengeCode, string verificationToken, string endpoint)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(challengeCode + verificationToken + endpoint));
        return Convert.ToHexStringLower(hash);
    }
}
