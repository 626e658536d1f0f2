using System.Net;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// How SP-API takes the account's LWA access token: in <c>x-amz-access-token</c> with a fresh <c>x-amz-date</c> on every
/// attempt (no SigV4 since October 2023). A bad or expired token is answered with 403 <c>Unauthorized</c>
/// (amazon-sp-api.md, "Errors and limits"), by some gateways with 401, so both count; a 403 for a missing role does not.
/// </summary>
public static class AmazonAccessToken
{
    public const string HeaderName = "x-amz-access-token";

    public static AccessTokenPlacement Placement(TimeProvider time) => new(HeaderName, Scheme: null)
    {
        UntaggedRequestError = "Amazon requests must be tagged with ChannelRequestOptions.For(account, operation).",
        Stamp = request =>
        {
            request.Headers.Remove("x-amz-date");
            request.Headers.TryAddWithoutValidation("x-amz-date", time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        },
        IsTokenRejected = IsTokenRejectedAsync,
    };

    private static async Task<bool> IsTokenRejectedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // A 403 may also mean a missing role; only a token complaint is worth a refresh.
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Contains("access token", StringComparison.OrdinalIgnoreCase);
    }
}
