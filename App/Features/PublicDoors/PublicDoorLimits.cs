using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SellerPortal.Features.PublicDoors;

/// <summary>
/// ASP.NET Core's rate limiter on the anonymous doors: a posted sign-in or setup form per client address, and
/// webhooks per channel and address. Everything else passes unlimited. A refused caller gets 429 with a sentence and
/// Retry-After.
/// </summary>
public static class PublicDoorLimits
{
    public static IHostApplicationBuilder AddPublicDoorLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicDoorOptions>().BindConfiguration(PublicDoorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<PublicDoorOptions>>((limiter, doors) =>
        {
            var limits = doors.Value;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits));
            limiter.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many attempts from this address. Wait a minute and try again.", ct);
            };
        });
        return builder;
    }

    public static WebApplication UsePublicDoorLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Which door a request knocks on, keyed by what it is limited per; null for every other request.</summary>
    public static (string Key, int PerMinute)? Door(HttpContext http, PublicDoorOptions limits)
    {
        var path = http.Request.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (HttpMethods.IsPost(http.Request.Method) && path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            return ($"signin:{address}", limits.SignInPerAddressPerMinute);
        }

        if (HttpMethods.IsPost(http.Request.Method) && path.Equals("/setup", StringComparison.OrdinalIgnoreCase))
        {
            return ($"setup:{address}", limits.SetupPerAddressPerMinute);
        }

        if (path.StartsWithSegments("/webhooks", out var rest))
        {
            var channel = rest.Value?.Trim('/').Split('/')[0].ToLowerInvariant() ?? "";
            return ($"webhook:{channel}:{address}", limits.WebhooksPerChannelAndAddressPerMinute);
        }

        return null;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, PublicDoorOptions limits) =>
        Door(http, limits) is { } door
            ? RateLimitPartition.GetFixedWindowLimiter(door.Key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = door.PerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("open");
}
