using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Admin.Logs;

public static class LogsServiceCollectionExtensions
{
    /// <summary>The API call log: every channel pipeline records its attempts here (<see cref="IApiCallRecorder"/>).</summary>
    public static IHostApplicationBuilder AddLogs(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<ApiCallLogWriter>();
        builder.Services.TryAddSingleton<IApiCallRecorder>(sp => sp.GetRequiredService<ApiCallLogWriter>());
        return builder;
    }
}
