using System.Text;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Innermost of the shared pipeline, so it sees every attempt: writes one <see cref="ApiCallLog"/> row per attempt with
/// the path (query values redacted), status, duration, and the channel's error code and request id. Never tokens,
/// never bodies. A successful call also stamps the account's LastSuccessfulCallUtc. Rows are written in the background
/// by <see cref="ApiCallLogWriter"/>; logging never fails the call.
/// </summary>
public sealed class ApiCallLogMessageHandler(
    ApiCallLogWriter writer,
    TimeProvider clock,
    ILogger<ApiCallLogMessageHandler> logger,
    ChannelKind channel) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var timestamp = clock.GetTimestamp();
        HttpResponseMessage? response = null;
        Exception? failure = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            await WriteAsync(request, response, failure, started, clock.GetElapsedTime(timestamp));
        }
    }

    /// <summary>The path with every query value replaced by "***" (they can hold ids, cursors, even keys).</summary>
    public static string RedactedPath(Uri? uri)
    {
        if (uri is null)
        {
            return "";
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Contains('?') ? uri.OriginalString[uri.OriginalString.IndexOf('?')..] : "");
        if (query.Length <= 1)
        {
            return path;
        }

        var redacted = new StringBuilder(path).Append('?');
        var first = true;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first)
            {
                redacted.Append('&');
            }

            var key = pair.Split('=', 2)[0];
            redacted.Append(key).Append("=***");
            first = false;
        }

        return redacted.ToString();
    }

    private async Task WriteAsync(HttpRequestMessage request, HttpResponseMessage? response, Exception? failure, DateTime started, TimeSpan duration)
    {
        try
        {
            request.Options.TryGetValue(ChannelRequestOptions.Account, out var account);
            request.Options.TryGetValue(ChannelRequestOptions.Operation, out var operation);
            request.Options.TryGetValue(ChannelCallFacts.ErrorCode, out var errorCode);
            request.Options.TryGetValue(ChannelCallFacts.ErrorMessage, out var errorMessage);
            request.Options.TryGetValue(ChannelCallFacts.RequestId, out var requestId);
            if (response is not null)
            {
                errorCode ??= response.IsSuccessStatusCode ? null : ChannelErrors.FirstHeader(response.Headers, ChannelErrors.ErrorCodeHeaders);
                requestId ??= ChannelErrors.FirstHeader(response.Headers, ChannelErrors.RequestIdHeaders);
            }

            errorMessage ??= failure is null ? null : failure.GetType().Name;
            // The same facts for operators' scrapers (System.Diagnostics.Metrics / OpenTelemetry).
            SellerPortal.Features.Admin.Operations.PortalMeters.RecordApiCall(channel.ToString(), operation ?? "unnamed",
                response is null ? null : (int)response.StatusCode, duration.TotalMilliseconds);

            await writer.RecordAsync(new ApiCallLog
            {
                ChannelAccountId = account?.AccountId,
                Channel = channel.ToString(),
                Operation = Truncate(operation ?? "unnamed", 100)!,
                Method = request.Method.Method,
                Path = Truncate(RedactedPath(request.RequestUri), 500)!,
                HttpStatus = response is null ? null : (int)response.StatusCode,
                DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
                ErrorCode = Truncate(errorCode, 100),
                ErrorMessage = Truncate(errorMessage, 1000),
                RequestId = Truncate(requestId, 100),
                StartedUtc = started,
            }, account is not null && response is { IsSuccessStatusCode: true } && errorCode is null ? clock.GetUtcNow().UtcDateTime : null);
        }
        catch (Exception ex)
        {
            // The call itself succeeded or failed on its own merits; a missing log row must not change that.
            logger.LogWarning(ex, "Could not record a {Channel} API call.", channel);
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
