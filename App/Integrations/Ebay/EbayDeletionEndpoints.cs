using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

public static class EbayDeletionEndpoints
{
    /// <summary>
    /// eBay's endpoint check: <c>GET /webhooks/Ebay?challenge_code=…</c> answered with
    /// <c>{"challengeResponse": hex SHA-256(challengeCode + verificationToken + endpoint)}</c> as application/json.
    /// The notifications themselves arrive as POSTs on the same path, at the shared webhook intake.
    /// </summary>
    public static IEndpointRouteBuilder MapEbayDeletionChallenge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/webhooks/Ebay", ([FromQuery(Name = "challenge_code")] string? challengeCode, IOptions<EbayOptions> options) =>
        {
            if (string.IsNullOrEmpty(challengeCode))
            {
                return Results.BadRequest();
            }

            var deletion = options.Value.AccountDeletion;
            if (string.IsNullOrEmpty(deletion.VerificationToken) || string.IsNullOrEmpty(deletion.EndpointUrl))
            {
                return Results.Problem("The eBay account deletion endpoint is not configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new { challengeResponse = EbayDeletionChallenge.Response(challengeCode, deletion.VerificationToken, deletion.EndpointUrl) });
        }).AllowAnonymous();

        // The notifications: the literal path wins over the shared /webhooks/{channel} route. eBay reads the status
        // only: 204 when the notification is accepted, 412 when the signature does not match
        // (https://developer.ebay.com/marketplace-account-deletion).
        endpoints.MapPost("/webhooks/Ebay", NotificationAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>eBay's notifications are a few hundred bytes; more is not one of them.</summary>
    private const int MaxNotificationBytes = 1024 * 1024;

    private static async Task<IResult> NotificationAsync(HttpContext http, IWebhookReceiver intake, CancellationToken ct)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (http.Request.ContentLength > MaxNotificationBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxNotificationBytes;
        }

        // The exact bytes: the signature is over them.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await intake.ReceiveAsync(ChannelKind.Ebay, new WebhookRequest(http.Request.Path, headers, buffer.ToArray()), ct);
        return result.Outcome switch
        {
            WebhookIntakeOutcome.Rejected => Results.StatusCode(StatusCodes.Status412PreconditionFailed),
            WebhookIntakeOutcome.UnknownChannel => Results.NotFound(),
            _ => Results.NoContent(),
        };
    }
}
