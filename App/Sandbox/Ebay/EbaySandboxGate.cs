using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// What every emulated Sell API call passes first: injected faults, the bearer token (401 errorId 1001 for a missing,
/// unknown or expired token; a user API refuses an application token), then the app's daily call budget per API
/// (429 errorId 2001, "Too many requests.").
/// </summary>
internal static class EbaySandboxGate
{
    public const string UserItem = "ebay.username";

    public static RouteHandlerBuilder Api(this RouteHandlerBuilder route, string api, bool userToken = true) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers["X-EBAY-C-REQUEST-ID"] = Guid.NewGuid().ToString("N");
            var answers = new SandboxFaultAnswers(
                _ => TooManyRequests(),
                (_, _) => Error(500, 10001, "API_" + api.ToUpperInvariant(), "APPLICATION", "System error.",
                    "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance."));
            if (await SandboxFaultGate.PassAsync(http, Channel, answers) is { } fault)
            {
                return fault;
            }

            var settings = http.RequestServices.GetRequiredService<SandboxFaults>().For(Channel);

            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
            var store = http.RequestServices.GetRequiredService<SandboxStore>();
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            var access = token.Length == 0 ? null : await store.GetAsync<EbaySandboxAccessToken>(Channel, AccessTokens, token, http.RequestAborted);
            if (access is null || access.ExpiresUtc <= time.GetUtcNow().UtcDateTime)
            {
                return Error(401, 1001, "OAuth", "REQUEST", "Invalid access token",
                    "Invalid access token. Check the value of the Authorization HTTP request header.");
            }

            if (userToken && access.Username is null)
            {
                return Error(403, 1100, "ACCESS", "REQUEST", "Access denied", "Insufficient permissions to fulfill the request.");
            }

            var budget = http.RequestServices.GetRequiredService<EbaySandboxDailyBudget>();
            if (settings.RateLimitsEnabled && !budget.TryTake(api, time))
            {
                return TooManyRequests();
            }

            if (access.Username is not null)
            {
                http.Items[UserItem] = access.Username;
            }

            return await next(context);
        });

    public static string User(this HttpContext http) => (string)http.Items[UserItem]!;

    public static IResult Error(int status, int errorId, string domain, string category, string message, string? longMessage = null,
        params EbayWireErrorParameter[] parameters) =>
        Results.Json(new EbayWireErrorResponse([new EbayWireError
        {
            ErrorId = errorId,
            Domain = domain,
            Category = category,
            Message = message,
            LongMessage = longMessage ?? message,
            Parameters = parameters.Length == 0 ? null : parameters,
        }]), EbaySandboxJson.Options, statusCode: status);

    /// <summary>eBay's 429 body (ebay_token_response_example.json, rate_limited_429_body).</summary>
    private static IResult TooManyRequests() =>
        Error(429, 2001, "ACCESS", "REQUEST", "Too many requests.", "The request limit has been reached for the resource.");
}

/// <summary>eBay's limits are calls per app per day per API; the day is UTC.</summary>
public sealed class EbaySandboxDailyBudget(IOptions<EbaySandboxOptions> options)
{
    private readonly ConcurrentDictionary<(string Api, DateOnly Day), int> used = new();

    public bool TryTake(string api, TimeProvider time)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return used.AddOrUpdate((api, day), 1, (_, n) => n + 1) <= options.Value.DailyCallLimit;
    }

    public void Reset() => used.Clear();
}
