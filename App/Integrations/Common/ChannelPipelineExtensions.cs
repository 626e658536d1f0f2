using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

public static class ChannelPipelineExtensions
{
    /// <summary>
    /// The shared outbound pipeline of a channel's typed client, outermost first:
    /// <see cref="ChannelFailureMessageHandler"/> (no answer → <see cref="ChannelNetworkException"/>),
    /// <see cref="ChannelRateLimitMessageHandler"/> (per-account token bucket, waits for a permit),
    /// the resilience handler (total timeout, retry on 429/5xx/network with exponential backoff, jitter and Retry-After,
    /// only when <see cref="ChannelRequestOptions.RetrySafe"/>; a circuit breaker and attempt timeout per account),
    /// then <see cref="ApiCallLogMessageHandler"/> (one record per attempt, to the registered <see cref="IApiCallRecorder"/>). Add the channel's signing or token handler after this
    /// call: it is then inner, so every retry is signed afresh.
    /// </summary>
    public static IHttpClientBuilder AddChannelPipeline(this IHttpClientBuilder builder, ChannelKind channel, ChannelRateLimits limits)
    {
        var name = channel.ToString();
        builder.Services.TryAddSingleton<ChannelRateLimiters>();
        builder.Services.AddSingleton(new ChannelPipelineLimits(channel, limits));
        builder.Services.AddOptions<ChannelResilienceOptions>(name)
            .BindConfiguration($"{ChannelResilienceOptions.SectionName}:{name}")
            .ValidateDataAnnotations()
            .Validate(o => !o.Validate().Any(), $"Channels:Resilience:{name}: timeouts and breaker sampling do not fit together.")
            .ValidateOnStart();

        // The pipeline's total timeout governs; HttpClient's own 100 s default would cut it short with a bare cancellation.
        builder.ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.AddHttpMessageHandler(sp => new ChannelFailureMessageHandler(channel,
            sp.GetRequiredService<IOptionsMonitor<ChannelResilienceOptions>>().Get(name).BreakerBreakDuration));
        builder.AddHttpMessageHandler(sp => new ChannelRateLimitMessageHandler(sp.GetRequiredService<ChannelRateLimiters>(), channel, limits));
        builder.AddResilienceHandler($"channel-{name}", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<ChannelResilienceOptions>>().Get(name);
                Configure(pipeline, options);
            })
            .SelectPipelineBy(_ => request => PartitionKey(request));
        builder.AddHttpMessageHandler(sp => new ApiCallLogMessageHandler(
            sp.GetRequiredService<IApiCallRecorder>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ApiCallLogMessageHandler>>(),
            channel));
        return builder;
    }

    /// <summary>
    /// Adds <see cref="ChannelBearerTokenMessageHandler"/>: call after <see cref="AddChannelPipeline"/> so it is inner and every
    /// attempt carries the current token. <paramref name="placement"/> defaults to <c>Authorization: Bearer</c>, refreshed on a 401.
    /// </summary>
    public static IHttpClientBuilder AddChannelBearerToken(this IHttpClientBuilder builder, AccessTokenPlacement? placement = null) =>
        builder.AddHttpMessageHandler(sp => new ChannelBearerTokenMessageHandler(sp.GetRequiredService<IAccessTokenSource>(), placement ?? new()));

    /// <summary>As <see cref="AddChannelBearerToken(IHttpClientBuilder, AccessTokenPlacement?)"/>, with a placement that needs services (a clock).</summary>
    public static IHttpClientBuilder AddChannelBearerToken(this IHttpClientBuilder builder, Func<IServiceProvider, AccessTokenPlacement> placement) =>
        builder.AddHttpMessageHandler(sp => new ChannelBearerTokenMessageHandler(sp.GetRequiredService<IAccessTokenSource>(), placement(sp)));

    /// <summary>One pipeline (and so one circuit) per account; calls without an account share the "app" one.</summary>
    public static string PartitionKey(HttpRequestMessage request) =>
        request.Options.TryGetValue(ChannelRequestOptions.Account, out var account)
            ? account.AccountId.ToString(CultureInfo.InvariantCulture)
            : "app";

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ChannelResilienceOptions options)
    {
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(IsRetrySafe(args.Context) && IsTransient(args.Outcome)),
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static bool IsRetrySafe(ResilienceContext context) =>
        context.GetRequestMessage() is { } request
        && request.Options.TryGetValue(ChannelRequestOptions.RetrySafe, out var safe)
        && safe;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int?)outcome.Result?.StatusCode >= 500;
}
