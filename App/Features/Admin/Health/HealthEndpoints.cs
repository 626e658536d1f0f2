using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SellerPortal.Data;

namespace SellerPortal.Features.Admin.Health;

public static class HealthEndpoints
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["probe"])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: ["probe"]);
        return builder;
    }

    /// <summary>
    /// <c>/healthz</c>: the short anonymous probe for load balancers. Healthy or unhealthy per check, nothing more:
    /// the detail is on the admin health page.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthProbe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("probe"),
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
