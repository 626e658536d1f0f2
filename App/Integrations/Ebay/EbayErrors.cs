using System.Net;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>Turns an eBay error answer into the matching <see cref="ChannelException"/> with errorId, message and request id.</summary>
public static class EbayErrors
{
    public static async Task<ChannelException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var requestId = response.Headers.TryGetValues("X-EBAY-C-REQUEST-ID", out var ids) ? ids.FirstOrDefault()
            : response.Headers.TryGetValues("rlogid", out var rlog) ? rlog.FirstOrDefault() : null;
        var retryAfter = response.Headers.RetryAfter?.Delta;
        return FromBody(response.StatusCode, body, requestId, operation, retryAfter);
    }

    public static ChannelException FromBody(HttpStatusCode status, string body, string? requestId, string operation, TimeSpan? retryAfter = null)
    {
        var errors = Parse(body);
        var first = errors.FirstOrDefault();
        var code = first?.ErrorId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = first is null
            ? $"eBay {operation} failed with HTTP {(int)status}."
            : $"eBay {operation}: {first.LongMessage ?? first.Message}";
        const ChannelKind ebay = ChannelKind.Ebay;
        return (int)status switch
        {
            401 or 403 => new ChannelAuthException(ebay, message, code, requestId, (int)status),
            404 => new ChannelNotFoundException(ebay, message, code, requestId),
            429 => new ChannelRateLimitException(ebay, message, retryAfter, code, requestId),
            >= 500 => new ChannelServerException(ebay, message, code, requestId, (int)status),
            _ => new ChannelValidationException(ebay, message, errors.Select(ToFieldError).ToList(), code, requestId, (int)status),
        };
    }

    public static ChannelFieldError ToFieldError(EbayError e) =>
        new(e.Parameters?.FirstOrDefault()?.Name, e.LongMessage ?? e.Message ?? $"eBay error {e.ErrorId}");

    private static IReadOnlyList<EbayError> Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<EbayErrorResponse>(body, EbayJson.Options)?.Errors ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
