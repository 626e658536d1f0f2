using System.Text;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Innermost of the shared pipeline, so it sees every attempt: records one <see cref="ApiCallRecord"/> per attempt with
/// the path (query values redacted), status, duration, and the channel's error code and request id. Never tokens,
/// never bodies. A successful call also stamps the account's LastSuccessfulCallUtc. The portal's call log
/// (<see cref="IApiCallRecorder"/>) writes them in the background; logging never fails the call.
/// </summary>
public sealed class ApiCallLogMessageHandler(
    IApiCallRecorder recorder,
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
            var succeeded = account is not null && response is { IsSuccessStatusCode: true } && errorCode is null;
            await recorder.RecordAsync(new ApiCallRecord(
                channel, account?.AccountId, operation ?? "unnamed", request.Method.Method, RedactedPath(request.RequestUri),
                response is null ? null : (int)response.StatusCode, duration, errorCode, errorMessage, requestId, started,
                succeeded ? clock.GetUtcNow().UtcDateTime : null));
        }
        catch (Exception ex)
        {
            // The call itself succeeded or failed on its own merits; a missing log row must not change that.
            logger.LogWarning(ex, "Could not record a {Channel} API call.", channel);
        }
    }
}
