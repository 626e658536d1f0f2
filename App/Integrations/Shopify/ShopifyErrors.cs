using System.Net;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify's error shapes as the contract's typed exceptions (shopify.md §4.5): the top-level GraphQL <c>errors</c>
/// with <c>extensions.code</c>, a non-2xx answer (REST-style <c>{"errors":…}</c>), and mutation <c>userErrors</c>.
/// </summary>
public static class ShopifyErrors
{
    public const string Throttled = "THROTTLED";
    public const string AccessDenied = "ACCESS_DENIED";

    public static ChannelException FromGraphQl(IReadOnlyList<ShopifyGraphQlError> errors, string operation, string? requestId)
    {
        var first = errors[0];
        var code = first.Extensions?.Code;
        var message = $"Shopify refused {operation}: {string.Join("; ", errors.Select(e => e.Message))}";
        return code switch
        {
            Throttled => new ChannelRateLimitException(ChannelKind.Shopify, message, null, code, requestId),
            AccessDenied => new ChannelAuthException(ChannelKind.Shopify, message + " (the app may lack a scope; connect the shop again to grant it).",
                code, requestId, httpStatus: 403),
            "INTERNAL_SERVER_ERROR" => new ChannelServerException(ChannelKind.Shopify, message, code, requestId),
            _ => new ChannelValidationException(ChannelKind.Shopify, message,
                [.. errors.Select(e => new ChannelFieldError(e.Path is { Count: > 0 } p ? string.Join('.', p.Select(x => x.ToString())) : null, e.Message))],
                code, requestId, httpStatus: 200),
        };
    }

    public static async Task<ChannelException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        string? message = null;
        string? code = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors))
            {
                message = errors.ValueKind switch
                {
                    JsonValueKind.String => errors.GetString(),
                    JsonValueKind.Array => string.Join("; ", errors.EnumerateArray().Select(e =>
                        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString())),
                    _ => errors.ToString(),
                };
                if (errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 && errors[0].ValueKind == JsonValueKind.Object
                    && errors[0].TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c))
                {
                    code = c.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }

        var text = $"Shopify refused {operation}: {message ?? "HTTP " + (int)response.StatusCode}.";
        // An access token Shopify no longer takes after the handler's one refresh: the shop must consent again.
        return ChannelErrors.FromResponse(ChannelKind.Shopify, response, code, text,
            requiresReauthorization: response.StatusCode == HttpStatusCode.Unauthorized);
    }

    /// <summary>A userError's input path joined ("variants.0.price"), as the product channels page shows it.</summary>
    public static string FieldPath(ShopifyUserError error) => error.Field is { Count: > 0 } f ? string.Join('.', f) : "";

    public static string Describe(ShopifyUserError error) =>
        FieldPath(error) is { Length: > 0 } path ? $"{path}: {error.Message}" : error.Message;

    public static ChannelValidationException FromUserErrors(IReadOnlyList<ShopifyUserError> errors, string operation) =>
        new(ChannelKind.Shopify, $"Shopify refused {operation}: {string.Join("; ", errors.Select(Describe))}",
            [.. errors.Select(e => new ChannelFieldError(FieldPath(e) is { Length: > 0 } p ? p : null, e.Message))],
            errors.Select(e => e.Code).FirstOrDefault(c => c is not null), httpStatus: 200);

    /// <summary>The input index a userError names (<c>["input","quantities","3","quantity"]</c> → 3 after <paramref name="list"/>).</summary>
    public static int? IndexAfter(ShopifyUserError error, string list)
    {
        if (error.Field is not { } field)
        {
            return null;
        }

        for (var i = 0; i < field.Count - 1; i++)
        {
            if (field[i] == list && int.TryParse(field[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }

        return null;
    }
}
