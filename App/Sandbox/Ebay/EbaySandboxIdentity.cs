using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// Commerce Identity's <c>getUser</c> answer as eBay documents it (UserResponse: <c>userId</c>, <c>username</c>,
/// <c>accountType</c>, <c>registrationMarketplaceId</c>, <c>status</c>), with a user id the emulator derives from the
/// username so it is the same on every connect, like eBay's immutable id.
/// </summary>
internal sealed record EbaySandboxIdentity(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("accountType")] string AccountType,
    [property: JsonPropertyName("registrationMarketplaceId")] string RegistrationMarketplaceId,
    [property: JsonPropertyName("status")] string Status)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static EbaySandboxIdentity For(string username)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(username));
        var id = new string([.. digest.Take(11).Select(b => Alphabet[b % Alphabet.Length])]);
        return new EbaySandboxIdentity(id, username, "INDIVIDUAL", "EBAY_US", "CONFIRMED");
    }
}
