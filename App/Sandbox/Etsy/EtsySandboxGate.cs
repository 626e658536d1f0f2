using System.Globalization;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// What every emulated Open API v3 call passes first, in Etsy's order: injected faults; <c>x-api-key</c> as
/// <c>keystring:shared_secret</c> (403 "Shared secret is required in x-api-key header" without the secret); the
/// bearer token and its scope (401, 403); the shop in the path being the token user's (403); the per-key limits of
/// 10 a second and 10,000 in any 24 hours with Etsy's headers (429 "Exceeded per second rate limit" and retry-after).
/// Every error is Etsy's ErrorSchema, <c>{"error":"…"}</c>.
/// </summary>
internal static class EtsySandboxGate
{
    private const string SellerItem = "etsy.seller";

    /// <param name="scope">The OAuth scope the call needs; null for a call any token of the seller may make (getMe).</param>
    public static RouteHandlerBuilder Api(this RouteHandlerBuilder route, string? scope) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var answers = new SandboxFaultAnswers(_ => Error(429, "Exceeded per second rate limit"), (_, _) => Error(500, "Internal server error"));
            if (await SandboxFaultGate.PassAsync(http, Channel, answers) is { } fault)
            {
                return fault;
            }

            var app = http.RequestServices.GetRequiredService<IOptions<EtsySandboxOptions>>().Value;
            var key = http.Request.Headers["x-api-key"].ToString();
            var parts = key.Split(':', 2);
            if (parts[0] != app.Keystring)
            {
                return Error(403, "Invalid API key");
            }

            if (parts.Length < 2 || parts[1].Length == 0)
            {
                return Error(403, "Shared secret is required in x-api-key header");
            }

            if (parts[1] != app.SharedSecret)
            {
                return Error(403, "Invalid API key");
            }

            var store = http.RequestServices.GetRequiredService<SandboxStore>();
            var time = http.RequestServices.GetRequiredService<TimeProvider>();
            var header = http.Request.Headers.Authorization.ToString();
            var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : "";
            var token = bearer.Length == 0 ? null : await store.GetAsync<EtsySandboxAccessToken>(Channel, AccessTokens, bearer, http.RequestAborted);
            if (token is null || token.ExpiresUtc <= time.GetUtcNow().UtcDateTime)
            {
                return Error(401, "invalid_token");
            }

            if (scope is not null && !token.Scopes.Contains(scope))
            {
                return Error(403, $"insufficient_scope: this call needs {scope}");
            }

            var seller = await EtsySandboxAuth.SellerByUserAsync(store, token.UserId, http.RequestAborted);
            if (seller is null)
            {
                return Error(401, "invalid_token");
            }

            if (http.Request.RouteValues.TryGetValue("shop_id", out var shop) && shop?.ToString() != seller.ShopId.ToString(CultureInfo.InvariantCulture))
            {
                return Error(403, "The shop_id is not the authenticated user's shop.");
            }

            var limits = http.RequestServices.GetRequiredService<EtsySandboxRateLimiter>();
            var settings = http.RequestServices.GetRequiredService<SandboxFaults>().For(Channel);
            if (settings.RateLimitsEnabled)
            {
                var (allowed, leftThisSecond, leftToday, retryAfter) = limits.Take(app, time.GetUtcNow());
                var headers = http.Response.Headers;
                headers["x-limit-per-second"] = app.PerSecondLimit.ToString(CultureInfo.InvariantCulture);
                headers["x-remaining-this-second"] = leftThisSecond.ToString(CultureInfo.InvariantCulture);
                headers["x-limit-per-day"] = app.PerDayLimit.ToString(CultureInfo.InvariantCulture);
                headers["x-remaining-today"] = leftToday.ToString(CultureInfo.InvariantCulture);
                if (!allowed)
                {
                    headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                    return Error(429, leftToday == 0 ? "Exceeded per day rate limit" : "Exceeded per second rate limit");
                }
            }

            http.Items[SellerItem] = seller;
            return await next(context);
        });

    public static EtsySandboxSeller Seller(this HttpContext http) => (EtsySandboxSeller)http.Items[SellerItem]!;

    public static IResult Error(int status, string message) => Results.Json(new EtsyWireError(message), EtsySandboxJson.Options, statusCode: status);
}

/// <summary>The app key's calls this second and in the rolling 24 hours (Etsy counts QPD over a sliding window).</summary>
public sealed class EtsySandboxRateLimiter
{
    private readonly Queue<DateTimeOffset> day = new();
    private readonly Lock gate = new();

    internal (bool Allowed, int LeftThisSecond, int LeftToday, int RetryAfterSeconds) Take(EtsySandboxOptions app, DateTimeOffset now)
    {
        lock (gate)
        {
            while (day.TryPeek(out var oldest) && oldest <= now.AddDays(-1))
            {
                day.TryDequeue(out _);
            }

            var thisSecond = day.Count(t => t > now.AddSeconds(-1));
            if (day.Count >= app.PerDayLimit)
            {
                day.TryPeek(out var first);
                return (false, Math.Max(0, app.PerSecondLimit - thisSecond), 0, (int)Math.Ceiling((first.AddDays(1) - now).TotalSeconds));
            }

            if (thisSecond >= app.PerSecondLimit)
            {
                return (false, 0, app.PerDayLimit - day.Count, 1);
            }

            day.Enqueue(now);
            return (true, app.PerSecondLimit - thisSecond - 1, app.PerDayLimit - day.Count, 0);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            day.Clear();
        }
    }
}
