using System.Globalization;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// What every emulated SP-API call passes before its handler, in the real service's order: injected faults, the
/// <c>x-amz-access-token</c> check (403 Unauthorized for a missing, unknown or expired token), then the operation's
/// token bucket (429 QuotaExceeded with <c>x-amzn-RateLimit-Limit</c>). Every answer carries <c>x-amzn-RequestId</c>.
/// A call that does not name its application in User-Agent is refused: Amazon asks every caller for one
/// (https://developer-docs.amazon.com/sp-api/docs/include-a-user-agent-header-in-all-requests).
/// </summary>
internal static class AmazonSandboxGate
{
    public const string SellerItem = "amazon.sellerId";

    public static RouteHandlerBuilder Operation(this RouteHandlerBuilder route, string operation) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            var answers = new SandboxFaultAnswers(
                h => QuotaExceeded(h, AmazonSandboxUsagePlans.Defaults.GetValueOrDefault(operation)?.RatePerSecond ?? 1),
                (_, _) => Error(500, "InternalFailure", "We encountered an internal error. Please try again."),
                SendsRetryAfter: false);
            if (await SandboxFaultGate.PassAsync(http, Channel, answers) is { } fault)
            {
                return fault;
            }

            var settings = http.RequestServices.GetRequiredService<SandboxFaults>().For(Channel);

            if (!UserAgentNamesAnApp(http.Request.Headers.UserAgent.ToString()))
            {
                return Error(400, "InvalidInput", "The User-Agent header must name the application.",
                    "Expected AppName/Version (Language=LanguageName/Version; Platform=OS/Version).");
            }

            var token = http.Request.Headers["x-amz-access-token"].ToString();
            if (string.IsNullOrEmpty(token))
            {
                return Error(403, "Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.");
            }

            var store = http.RequestServices.GetRequiredService<SandboxStore>();
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            var access = await store.GetAsync<SandboxAccessToken>(Channel, AccessTokens, token, http.RequestAborted);
            if (access is null)
            {
                return Error(403, "Unauthorized", "Access to requested resource is denied.", "The access token you provided is revoked, malformed or invalid.");
            }

            if (access.ExpiresUtc <= time.GetUtcNow().UtcDateTime)
            {
                return Error(403, "Unauthorized", "Access to requested resource is denied.", "The access token you provided has expired.");
            }

            var limiter = http.RequestServices.GetRequiredService<AmazonSandboxRateLimiter>();
            var admitted = limiter.TryAcquire(access.SellerId, operation, out var limit);
            http.Response.Headers["x-amzn-RateLimit-Limit"] = limit.RatePerSecond.ToString(CultureInfo.InvariantCulture);
            if (!admitted && settings.RateLimitsEnabled)
            {
                return QuotaExceeded(http, limit.RatePerSecond);
            }

            http.Items[SellerItem] = access.SellerId;
            return await next(context);
        });

    public static string Seller(this HttpContext http) => (string)http.Items[SellerItem]!;

    public static IResult Error(int status, string code, string message, string details = "") =>
        Results.Json(new AmazonWireErrorList([new AmazonWireError(code, message, details)]), AmazonSandboxJson.Options, statusCode: status);

    /// <summary><c>Name/Version (Language=…)</c>: an application name and version, then the language in parentheses.</summary>
    internal static bool UserAgentNamesAnApp(string userAgent)
    {
        var slash = userAgent.IndexOf('/', StringComparison.Ordinal);
        var open = userAgent.IndexOf("(Language=", StringComparison.Ordinal);
        return slash > 0 && open > slash + 1 && userAgent.EndsWith(')');
    }

    private static IResult QuotaExceeded(HttpContext http, double rate)
    {
        http.Response.Headers["x-amzn-RateLimit-Limit"] = rate.ToString(CultureInfo.InvariantCulture);
        return Error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
    }
}

/// <summary>
/// How the emulator takes a JSON body, as SP-API does: a JSON content type (415 otherwise), then the operation's model
/// exactly, so a misspelled or wrongly cased member, a missing required one or a value of the wrong JSON type is a
/// 400 InvalidInput in Amazon's error envelope.
/// </summary>
internal static class AmazonSandboxRequests
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http) where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, AmazonSandboxGate.Error(415, "InvalidInput", "The request's Content-Type header is invalid.",
                $"Content-Type {http.Request.ContentType ?? "(none)"} is not application/json."));
        }

        try
        {
            var body = await System.Text.Json.JsonSerializer.DeserializeAsync<T>(http.Request.Body, AmazonSandboxJson.Options, http.RequestAborted);
            return body is null ? (null, AmazonSandboxGate.Error(400, "InvalidInput", "The request body is empty.")) : (body, null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, AmazonSandboxGate.Error(400, "InvalidInput", "The request body is invalid.", $"{ex.Path ?? "$"}: {ex.Message}"));
        }
    }
}
