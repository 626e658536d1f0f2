using Microsoft.Extensions.Options;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

public static class ChannelConnectEndpoints
{
    /// <summary>GET /channels/connect/{channel} and /channels/callback/{channel} (Admins: the OAuth connect flow).</summary>
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/channels").RequireAuthorization(Components.Account.StaffIdentityServiceCollectionExtensions.AdminPolicy);
        channels.MapGet("/connect/{channel}", ConnectAsync);
        channels.MapGet("/callback/{channel}", CallbackAsync);
        return app;
    }

    /// <summary>
    /// Our callback, exactly as sent on the consent request (channels compare them): on the configured public base
    /// URL behind a proxy, else on this request's host.
    /// </summary>
    public static Uri CallbackUri(HttpRequest request, ChannelKind channel) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.CallbackUri(request, channel.ToString());

    private static async Task<IResult> ConnectAsync(
        string channel, string? environment, string? region, string? shop, HttpContext http, ChannelConnectFlow flow, CancellationToken ct)
    {
        if (!ChannelNames.TryParse(channel, out var kind))
        {
            return Results.NotFound();
        }

        var env = Enum.TryParse<ChannelEnvironment>(environment, ignoreCase: true, out var parsed) ? parsed : ChannelEnvironment.Production;
        var outcome = await flow.StartAsync(kind, Actor.From(http.User), env, region, CallbackUri(http.Request, kind), ct, shop);
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
}
