using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Webhooks;

public static class WebhookEndpoints
{
    /// <summary>Largest webhook body we read; marketplaces send a few KB.</summary>
    private const int MaxWebhookBytes = 1024 * 1024;

    /// <summary>POST /webhooks/{channel}: anonymous, no antiforgery; the channel's signature is the check.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/{channel}", WebhookAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> WebhookAsync(string channel, HttpContext http, WebhookIntake intake, CancellationToken ct)
    {
        if (!ChannelNames.TryParse(channel, out var kind))
        {
            return Results.NotFound();
        }

        // A channel reads the status code only; no error page for it.
        if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (http.Request.ContentLength > MaxWebhookBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxWebhookBytes;
        }

        // The exact bytes: signatures are computed over them, so nothing decodes the body before the check.
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await intake.ReceiveAsync(kind, new WebhookRequest(http.Request.Path, headers, body), ct);
        return result.Outcome switch
        {
            WebhookIntakeOutcome.UnknownChannel => Results.NotFound(),
            WebhookIntakeOutcome.Rejected => Results.Unauthorized(),
            _ => Results.Ok(new { outcome = result.Outcome == WebhookIntakeOutcome.Duplicate ? "Duplicate" : "Processed" }),
        };
    }
}
