using System.Net;
using System.Net.Http.Headers;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Turns a failed response into the <see cref="ChannelException"/> subtype its status means. Each channel client parses
/// its own error body (code, message, field errors) and passes what it found; this decides the type.
/// </summary>
public static class ChannelErrors
{
    /// <summary>Headers channels put their request id in (Amazon, eBay, Shopify, the generic one).</summary>
    public static readonly string[] RequestIdHeaders =
        ["x-amzn-RequestId", "X-EBAY-C-REQUEST-ID", "X-Shopify-Request-Id", "x-tts-logid", "X-Request-Id", "Request-Id"];

    /// <summary>Headers that carry an error code without reading the body.</summary>
    public static readonly string[] ErrorCodeHeaders = ["x-amzn-ErrorType", "X-Error-Code"];

    public static ChannelException FromStatus(
        ChannelKind channel,
        HttpStatusCode status,
        string? errorCode = null,
        string? message = null,
        string? requestId = null,
        TimeSpan? retryAfter = null,
        IReadOnlyList<ChannelFieldError>? fieldErrors = null,
        bool requiresReauthorization = false)
    {
        var code = (int)status;
        var text = string.IsNullOrWhiteSpace(message) ? DefaultMessage(channel, status) : message;
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new ChannelAuthException(channel, text, errorCode, requestId, code, requiresReauthorization),
            HttpStatusCode.NotFound => new ChannelNotFoundException(channel, text, errorCode, requestId),
            HttpStatusCode.TooManyRequests => new ChannelRateLimitException(channel, text, retryAfter, errorCode, requestId),
            _ when code >= 500 => new ChannelServerException(channel, text, errorCode, requestId, code),
            _ => new ChannelValidationException(channel, text, fieldErrors ?? [], errorCode, requestId, code),
        };
    }

    /// <summary>As <see cref="FromStatus"/>, reading the request id and Retry-After from the response's headers.</summary>
    public static ChannelException FromResponse(
        ChannelKind channel,
        HttpResponseMessage response,
        string? errorCode = null,
        string? message = null,
        string? requestId = null,
        IReadOnlyList<ChannelFieldError>? fieldErrors = null,
        bool requiresReauthorization = false) =>
        FromStatus(channel, response.StatusCode, errorCode ?? FirstHeader(response.Headers, ErrorCodeHeaders), message,
            requestId ?? FirstHeader(response.Headers, RequestIdHeaders), RetryAfter(response), fieldErrors, requiresReauthorization);

    /// <summary>A call that got no answer (connection refused, DNS, timeout, circuit open).</summary>
    public static ChannelNetworkException Network(ChannelKind channel, Exception inner) =>
        new(channel, $"{ChannelNames.Display(channel)} could not be reached. Try again in a few minutes.", inner);

    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static string? FirstHeader(HttpResponseHeaders headers, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string DefaultMessage(ChannelKind channel, HttpStatusCode status)
    {
        var name = ChannelNames.Display(channel);
        return status switch
        {
            HttpStatusCode.Unauthorized => $"{name} did not accept the account's credentials.",
            HttpStatusCode.Forbidden => $"{name} refused access: the app may lack a permission for this.",
            HttpStatusCode.NotFound => $"{name} does not know the item asked for.",
            HttpStatusCode.TooManyRequests => $"{name} is limiting our calls; they will be retried shortly.",
            _ when (int)status >= 500 => $"{name} had a problem on its side ({(int)status}). Try again later.",
            _ => $"{name} refused the request ({(int)status}).",
        };
    }
}
