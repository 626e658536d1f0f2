using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>Seller Central's consent page and the Login with Amazon token endpoint, as the website authorization workflow uses them.</summary>
internal static class AmazonSandboxAuth
{
    public static void Map(RouteGroupBuilder amazon)
    {
        amazon.MapGet("/apps/authorize/consent", ConsentPage);
        amazon.MapPost("/apps/authorize/consent", Decide);
        amazon.MapPost("/auth/o2/token", TokenAsync);
    }

    private static IResult ConsentPage(HttpRequest request, IOptions<AmazonSandboxOptions> options)
    {
        var appId = request.Query["application_id"].ToString();
        var state = request.Query["state"].ToString();
        if (appId != options.Value.ApplicationId)
        {
            return Results.Content("<html><body><h1>The application was not found.</h1></body></html>", "text/html", statusCode: 400);
        }

        string Hidden(string name) =>
            $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(request.Query[name].ToString())}\" />";
        var html = $"""
            <!DOCTYPE html>
            <html><head><title>Authorize app - Seller Central (sandbox)</title></head>
            <body>
              <h1>Authorize the app for selling partner {WebUtility.HtmlEncode(options.Value.SellerId)}</h1>
              <p>The app will be able to manage listings, feeds and orders. State: {WebUtility.HtmlEncode(state)}</p>
              <form method="post">
                {Hidden("application_id")}{Hidden("state")}{Hidden("redirect_uri")}{Hidden("version")}
                <button type="submit" name="decision" value="approve" data-testid="consent-approve">Confirm</button>
                <button type="submit" name="decision" value="deny" data-testid="consent-deny">Cancel</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> Decide(HttpRequest request, SandboxStore store, TimeProvider time, IOptions<AmazonSandboxOptions> options)
    {
        var form = await request.ReadFormAsync();
        var redirect = form["redirect_uri"].ToString();
        var state = form["state"].ToString();
        if (form["application_id"] != options.Value.ApplicationId || !Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri))
        {
            return Results.Content("<html><body><h1>Invalid authorization request.</h1></body></html>", "text/html", statusCode: 400);
        }

        var separator = string.IsNullOrEmpty(redirectUri.Query) ? "?" : "&";
        if (form["decision"] != "approve")
        {
            return Results.Redirect($"{redirect}{separator}error=access_denied&error_description={Uri.EscapeDataString("The seller denied access.")}&state={Uri.EscapeDataString(state)}");
        }

        var code = "ANsandbox" + Token(18);
        var seller = options.Value.SellerId;
        await store.PutAsync(Channel, AuthCodes, code,
            new SandboxAuthCode(code, options.Value.ClientId, seller, redirect, time.GetUtcNow().UtcDateTime + options.Value.AuthorizationCodeLifetime, false));
        return Results.Redirect(
            $"{redirect}{separator}state={Uri.EscapeDataString(state)}&selling_partner_id={Uri.EscapeDataString(seller)}&spapi_oauth_code={Uri.EscapeDataString(code)}");
    }

    /// <summary>LWA takes form posts; Amazon's own C# SDK posts JSON, so both are read.</summary>
    private static async Task<IResult> TokenAsync(HttpRequest request, SandboxStore store, TimeProvider time, IOptions<AmazonSandboxOptions> options)
    {
        var values = await ReadParametersAsync(request);
        string? Value(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;
        var app = options.Value;
        var grant = Value("grant_type");
        if (grant is null || Value("client_id") is null || Value("client_secret") is null)
        {
            return LwaError(400, "invalid_request", "The request is missing a required parameter : grant_type, client_id or client_secret");
        }

        if (Value("client_id") != app.ClientId || Value("client_secret") != app.ClientSecret)
        {
            return LwaError(401, "invalid_client", "Client authentication failed");
        }

        var now = time.GetUtcNow().UtcDateTime;
        string sellerId;
        string refreshToken;
        switch (grant)
        {
            case "authorization_code":
                var code = Value("code");
                var stored = code is null ? null : await store.GetAsync<SandboxAuthCode>(Channel, AuthCodes, code);
                if (stored is null || stored.Used || stored.ExpiresUtc <= now || stored.ClientId != app.ClientId)
                {
                    return LwaError(400, "invalid_grant", "The request has an invalid grant parameter : code");
                }

                if (stored.RedirectUri is not null && Value("redirect_uri") is { } given && given != stored.RedirectUri)
                {
                    return LwaError(400, "invalid_grant", "The request has an invalid grant parameter : redirect_uri");
                }

                await store.PutAsync(Channel, AuthCodes, stored.Code, stored with { Used = true });
                sellerId = stored.SellerId;
                refreshToken = "Atzr|" + Token(48);
                await store.PutAsync(Channel, RefreshTokens, refreshToken, new SandboxRefreshToken(refreshToken, app.ClientId, sellerId, false));
                break;
            case "refresh_token":
                var refresh = Value("refresh_token");
                var known = refresh is null ? null : await store.GetAsync<SandboxRefreshToken>(Channel, RefreshTokens, refresh);
                if (known is null || known.Revoked || known.ClientId != app.ClientId)
                {
                    return LwaError(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
                }

                sellerId = known.SellerId;
                refreshToken = known.Token;
                break;
            default:
                return LwaError(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
        }

        var access = "Atza|" + Token(48);
        await store.PutAsync(Channel, AccessTokens, access, new SandboxAccessToken(access, sellerId, now + app.AccessTokenLifetime));
        // The refresh token does not rotate: a refresh answers with the same one.
        return Results.Json(new AmazonWireLwaToken(access, "bearer", (int)app.AccessTokenLifetime.TotalSeconds, refreshToken));
    }

    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString());
        }

        try
        {
            var json = await JsonSerializer.DeserializeAsync<Dictionary<string, JsonElement>>(request.Body);
            return json?.ToDictionary(p => p.Key, p => p.Value.ToString()) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static IResult LwaError(int status, string error, string description) =>
        Results.Json(new AmazonWireLwaError(error, description), AmazonSandboxJson.Options, statusCode: status);

    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
