using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Features.Channels;

public static class ChannelConnectEndpoints
{
    /// <summary>Largest webhook body we read; marketplaces send a few KB.</summary>
    private const int MaxWebhookBytes = 1024 * 1024;

    /// <summary>
    /// GET /channels/connect/{channel} and /channels/callback/{channel} (Admins: the OAuth connect flow) and
    /// POST /webhooks/{channel} (anonymous, no antiforgery: the channel's signature is the check).
    /// </summary>
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/channels").RequireAuthorization(Components.Account.StaffIdentityServiceCollectionExtensions.AdminPolicy);
        channels.MapGet("/connect/{channel}", ConnectAsync);
        channels.MapGet("/callback/{channel}", CallbackAsync);
        app.MapPost("/webhooks/{channel}", WebhookAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Our callback, exactly as sent on the consent request (channels compare them): on the configured public base
    /// URL behind a proxy, else on this request's host.
    /// </summary>
    public static Uri CallbackUri(HttpRequest request, ChannelKind channel) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.CallbackUri(request, channel.ToString());

    private static async Task<IResult> ConnectAsync(
        string channel, string? environment, string? region, HttpContext http, ChannelConnectFlow flow, CancellationToken ct)
    {
        if (!ChannelNames.TryParse(channel, out var kind))
        {
            return Results.NotFound();
        }

        var env = Enum.TryParse<ChannelEnvironment>(environment, ignoreCase: true, out var parsed) ? parsed : ChannelEnvironment.Production;
        var outcome = await flow.StartAsync(kind, Actor.From(http.User), env, region, CallbackUri(http.Request, kind), ct);
        return Results.Redirect(outcome.RedirectTo);
    }

    private static async Task<IResult> CallbackAsync(string channel, HttpContext http, ChannelConnectFlow flow, CancellationToken ct)
    {
        if (!ChannelNames.TryParse(channel, out var kind))
        {
            return Results.NotFound();
        }

        var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var outcome = await flow.CompleteAsync(kind, Actor.From(http.User), query, CallbackUri(http.Request, kind), ct);
        return Results.Redirect(outcome.RedirectTo);
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
