using System.Net;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;

namespace SellerPortal.Integrations.Amazon;

/// <summary>Turns an SP-API error answer into the matching <see cref="ChannelException"/>, keeping code, message and request id.</summary>
public static class AmazonErrors
{
    public static async Task<ChannelException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var rateLimit = response.Headers.TryGetValues("x-amzn-RateLimit-Limit", out var limits) ? limits.FirstOrDefault() : null;
        return FromBody(response.StatusCode, body, requestId, operation, rateLimit);
    }

    public static ChannelException FromBody(HttpStatusCode status, string body, string? requestId, string operation, string? rateLimitHeader = null)
    {
        var errors = Parse(body);
        var first = errors.FirstOrDefault();
        var code = first?.Code;
        var message = first is null
            ? $"Amazon {operation} failed with HTTP {(int)status}."
            : $"Amazon {operation}: {first.Message}{(string.IsNullOrEmpty(first.Details) ? "" : " (" + first.Details + ")")}";
        const ChannelKind amazon = ChannelKind.Amazon;
        return (int)status switch
        {
            401 or 403 => new ChannelAuthException(amazon, message, code, requestId, (int)status),
            404 => new ChannelNotFoundException(amazon, message, code, requestId),
            429 => new ChannelRateLimitException(amazon, message, RetryHintFrom(rateLimitHeader), code, requestId),
            >= 500 => new ChannelServerException(amazon, message, code, requestId, (int)status),
            _ => new ChannelValidationException(
                amazon, message, errors.Select(e => new ChannelFieldError(null, e.Message ?? e.Code)).ToList(), code, requestId, (int)status),
        };
    }

    /// <summary>No Retry-After is documented; one token of the operation's rate is the earliest a retry can pass.</summary>
    private static TimeSpan? RetryHintFrom(string? rateLimitHeader) =>
        double.TryParse(rateLimitHeader, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? TimeSpan.FromSeconds(Math.Min(1 / rate, 3600))
            : null;

    private static IReadOnlyList<AmazonError> Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<AmazonErrorResponse>(body)?.Errors ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
