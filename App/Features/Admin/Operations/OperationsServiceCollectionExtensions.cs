using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using SellerPortal.Features.Admin.Health;
using SellerPortal.Features.Admin.Jobs;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Dashboard;
using SellerPortal.Features.Dashboard.Alerts;

namespace SellerPortal.Features.Admin.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Operations: integration metrics and alerts, the admin health/jobs/logs services, the portal's meters and,
    /// when enabled, the Prometheus exporter.
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IntegrationMetrics>();
        services.AddSingleton<AlertSettingsStore>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IAlertSource>(sp => sp.GetRequiredService<AlertFeed>());

        services.AddOptions<AdminHealthOptions>()
            .BindConfiguration(AdminHealthOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.QueuePendingDegraded <= o.QueuePendingError && o.QueueAgeDegradedMinutes <= o.QueueAgeErrorMinutes,
                "The DEGRADED queue thresholds must not exceed the ERROR ones.")
            .ValidateOnStart();
        services.AddSingleton<SystemProbes>();
        services.AddSingleton<ChannelAccountProbes>();
        services.AddSingleton<AdminHealthChecks>();

        services.AddSingleton<ScheduledJobs>();
        services.AddSingleton<LogQueries>();

        services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<QueueDepthSampler>();
        var metrics = builder.Configuration.GetSection(MetricsOptions.SectionName).Get<MetricsOptions>() ?? new();
        if (metrics.EndpointEnabled)
        {
            services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter(PortalMeters.MeterName)
                .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary><c>/metrics</c> for Prometheus, anonymous, only when <see cref="MetricsOptions.EndpointEnabled"/>.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.EndpointEnabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.Path).AllowAnonymous();
        }

        return endpoints;
    }
}
