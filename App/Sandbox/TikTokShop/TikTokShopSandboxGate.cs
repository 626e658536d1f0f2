using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

public enum SandboxScope
{
    /// <summary>/authorization/* and the image upload (app-scoped): a shop_cipher is refused.</summary>
    Authorization,
    /// <summary>Everything else: shop_cipher required and must belong to the token's seller.</summary>
    Shop,
}

/// <summary>A call that passed every check: who made it, for which shop, and its raw body.</summary>
public sealed record SandboxCall(string OpenId, SandboxTikTokShop Shop, string Body, long Now);

/// <summary>
/// What TikTok checks before any API handler runs, in its order: injected faults, app_key, sign present, timestamp
/// window (5 minutes behind to 30 seconds ahead), sign, access token and its expiry, shop_cipher, then the rate limit.
/// </summary>
public sealed class TikTokShopSandboxGate(
    SandboxFaults faults,
    TikTokShopSandboxStore store,
    TikTokShopSandboxRateLimiter limiter,
    IOptionsMonitor<TikTokShopSandboxOptions> options,
    TimeProvider time)
{
    public const string MountPath = "/sandbox/tiktok";

    /// <summary>The header TikTok reads the access token from.</summary>
    public const string AccessTokenHeader = "x-tts-access-token";

    /// <summary>TikTok's envelopes for an injected fault: code 36009004 for a 429, a 500 or a 503 for a server error.</summary>
    private static readonly SandboxFaultAnswers FaultAnswers = new(
        _ => TikTokShopSandboxResults.Error(429, SandboxCodes.RateLimited, "Too many requests. Please retry later."),
        (_, faults) => faults.Roll(2) == 0
            ? TikTokShopSandboxResults.Error(500, SandboxCodes.InternalError, "Internal error, please try again later.")
            : TikTokShopSandboxResults.Error(503, SandboxCodes.InternalError, "Service is temporarily unavailable."));

    /// <summary>Faults for calls outside the API (token endpoints). Null to go on, else the answer already chosen.</summary>
    public Task<IResult?> FaultAsync(HttpContext http) => SandboxFaultGate.PassAsync(http, TikTokShopSandboxStore.Channel, FaultAnswers);

    public async Task<(SandboxCall? Call, IResult? Error)> EnterAsync(HttpContext http, SandboxScope scope)
    {
        if (await FaultAsync(http) is { } fault)
        {
            return (null, fault);
        }

        var settings = options.CurrentValue;
        var request = http.Request;
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (!query.TryGetValue("app_key", out var appKey) || appKey != settings.AppKey)
        {
            return Deny(401, SandboxCodes.InvalidCommonParameter, "Invalid credentials. The app_key is missing or invalid.");
        }

        if (!query.TryGetValue("sign", out var sign) || sign.Length == 0)
        {
            return Deny(401, SandboxCodes.InvalidCommonParameter, "Invalid credentials. The 'sign' query parameter is missing.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!query.TryGetValue("timestamp", out var ts) || !long.TryParse(ts, out var timestamp) || timestamp < now - 300 || timestamp > now + 30)
        {
            return Deny(401, SandboxCodes.InvalidCommonParameter, "Invalid timestamp. The request timestamp is missing or outside the accepted window.");
        }

        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }

        request.Body.Position = 0;
        var path = request.Path.Value ?? "";
        path = path.StartsWith(MountPath, StringComparison.Ordinal) ? path[MountPath.Length..] : path;
        var multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        var expected = TikTokShopSandboxSignatures.RequestSign(settings.AppSecret, path, query, multipart ? null : body);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign)))
        {
            return Deny(401, SandboxCodes.InvalidSign, "Invalid credentials. The 'sign' query parameter is invalid.");
        }

        var tokenValue = request.Headers[AccessTokenHeader].ToString();
        var token = tokenValue.Length == 0 ? null : await store.GetAsync<SandboxAccessToken>("access_tokens", tokenValue, http.RequestAborted);
        if (token is null || token.Revoked)
        {
            return Deny(401, SandboxCodes.InvalidAccessToken, "Invalid credentials. The access token is invalid or revoked.");
        }

        if (token.ExpiresAt <= now)
        {
            return Deny(401, SandboxCodes.ExpiredAccessToken, "Expired credentials. The access token has expired, please refresh it.");
        }

        query.TryGetValue("shop_cipher", out var cipher);
        SandboxTikTokShop? shop;
        if (scope == SandboxScope.Authorization)
        {
            if (!string.IsNullOrEmpty(cipher))
            {
                return Deny(400, SandboxCodes.InvalidCommonParameter, "shop_cipher is not allowed for this API.");
            }

            shop = await store.ShopByOpenIdAsync(token.OpenId, http.RequestAborted);
        }
        else
        {
            if (string.IsNullOrEmpty(cipher))
            {
                return Deny(400, SandboxCodes.MissingShopCipher, "The shop_cipher query parameter is required for this API.");
            }

            shop = await store.ShopByCipherAsync(cipher, http.RequestAborted);
            if (shop is null || shop.OpenId != token.OpenId)
            {
                return Deny(400, SandboxCodes.MissingShopCipher, "The shop_cipher is invalid or not authorized for this access token.");
            }
        }

        if (shop is null)
        {
            return Deny(401, SandboxCodes.InvalidAccessToken, "The seller behind this token has no shop.");
        }

        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path;
        if (faults.For(TikTokShopSandboxStore.Channel).RateLimitsEnabled
            && !limiter.TryAcquire($"{route}|{shop.Id}", now, settings.RateLimitPerSecond))
        {
            http.Response.Headers.RetryAfter = "1";
            return Deny(429, SandboxCodes.RateLimited, "Too many requests: the rate limit of this API was exceeded.");
        }

        return (new SandboxCall(token.OpenId, shop, body, now), null);
    }

    private static (SandboxCall?, IResult?) Deny(int status, int code, string message) =>
        (null, TikTokShopSandboxResults.Error(status, code, message));
}
