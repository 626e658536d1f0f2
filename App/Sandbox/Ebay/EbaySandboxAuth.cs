using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// eBay's consent page (<c>/oauth2/authorize</c>, RuName as redirect_uri), the token endpoint with HTTP Basic client
/// credentials (authorization code, refresh without rotation, client credentials), and the notification public key.
/// </summary>
internal static class EbaySandboxAuth
{
    /// <summary>The key eBay's own event notification SDK tests verify against (https://github.com/eBay/event-notification-nodejs-sdk).</summary>
    private static readonly Dictionary<string, EbayWirePublicKey> PublicKeys = new(StringComparer.Ordinal)
    {
        ["9936261a-7d7b-4621-a0f1-96ccb428af49"] = new(
            "-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZhhxXKtR+TOvtDbgTPCkSof02qgBB7IsYOyf76ilExJ/upAa/vKIKheOoCyOpcLmi4t0b4uepb7LLjmMr90FUg==-----END PUBLIC KEY-----",
            "ECDSA", "SHA1"),
    };

    public static void Map(RouteGroupBuilder ebay)
    {
        ebay.MapGet("/oauth2/authorize", ConsentPage);
        ebay.MapPost("/oauth2/authorize", DecideAsync);
        ebay.MapPost("/identity/v1/oauth2/token", TokenAsync);
        ebay.MapGet("/commerce/identity/v1/user/", (HttpContext http) => Results.Json(EbaySandboxIdentity.For(http.User())))
            .Api("identity");
        ebay.MapGet("/commerce/notification/v1/public_key/{publicKeyId}", (string publicKeyId) =>
            PublicKeys.TryGetValue(publicKeyId, out var key)
                ? Results.Json(key, EbaySandboxJson.Options)
                : EbaySandboxGate.Error(404, 195001, "API_NOTIFICATION", "REQUEST", "The specified key id is invalid."))
            .Api("notification", userToken: false);
    }

    private static IResult ConsentPage(HttpRequest request, IOptions<EbaySandboxOptions> options)
    {
        if (InvalidRequest(request.Query["client_id"], request.Query["redirect_uri"], request.Query["response_type"], options.Value) is { } problem)
        {
            return problem;
        }

        string Hidden(string name) =>
            $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(request.Query[name].ToString())}\" />";
        var scopes = string.Join("", request.Query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => $"<li>{WebUtility.HtmlEncode(s)}</li>"));
        var html = $"""
            <!DOCTYPE html>
            <html><head><title>Grant application access - eBay (sandbox)</title></head>
            <body>
              <h1>{WebUtility.HtmlEncode(options.Value.Username)}, grant this application access to your eBay account?</h1>
              <ul>{scopes}</ul>
              <form method="post">
                {Hidden("client_id")}{Hidden("redirect_uri")}{Hidden("response_type")}{Hidden("scope")}{Hidden("state")}
                <label>Signed in to eBay as <input type="text" name="username" value="{WebUtility.HtmlEncode(options.Value.Username)}" data-testid="consent-username" /></label>
                <button type="submit" name="decision" value="approve" data-testid="consent-approve">Agree</button>
                <button type="submit" name="decision" value="deny" data-testid="consent-deny">Decline</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> DecideAsync(HttpRequest request, SandboxStore store, TimeProvider time,
        IOptions<EbaySandboxOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var form = await request.ReadFormAsync();
        var app = options.Value;
        if (InvalidRequest(form["client_id"], form["redirect_uri"], form["response_type"], app) is { } problem)
        {
            return problem;
        }

        var accept = app.AcceptUrl ?? sandbox.Value.BaseUrl + "/channels/callback/Ebay";
        var separator = accept.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var state = Uri.EscapeDataString(form["state"].ToString());
        if (form["decision"] != "approve")
        {
            // eBay sends a declined consent to the RuName's declined URL; this emulator uses the accept URL with an error.
            return Results.Redirect($"{accept}{separator}error=access_denied&state={state}");
        }

        var code = "v^1.1#i^1#p^3#r^1#I^3#f^0#t^" + Token(32);
        var scopes = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The sandbox's sign-in: whichever test user is named (another one is another eBay store).
        var username = form["username"].ToString().Trim() is { Length: > 0 } named ? named : app.Username;
        await store.PutAsync(Channel, AuthCodes, code, new EbaySandboxAuthCode(code, username, scopes, time.GetUtcNow().UtcDateTime.AddMinutes(5), false));
        return Results.Redirect($"{accept}{separator}state={state}&code={Uri.EscapeDataString(code)}&expires_in=299");
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, SandboxStore store, TimeProvider time, IOptions<EbaySandboxOptions> options)
    {
        var app = options.Value;
        if (!ClientAuthenticated(request.Headers.Authorization.ToString(), app))
        {
            return OAuthError(401, "invalid_client", "client authentication failed");
        }

        if (!request.HasFormContentType)
        {
            return OAuthError(400, "invalid_request", "request is missing a required parameter or malformed.");
        }

        var form = await request.ReadFormAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var access = "v^1.1#i^1#r^0#f^0#p^3#I^3#t^" + Token(48);
        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                var code = form["code"].ToString();
                var stored = code.Length == 0 ? null : await store.GetAsync<EbaySandboxAuthCode>(Channel, AuthCodes, code);
                if (form["redirect_uri"] != app.RuName)
                {
                    return OAuthError(400, "invalid_request", "redirect_uri is invalid");
                }

                if (stored is null || stored.Used || stored.ExpiresUtc <= now)
                {
                    return OAuthError(400, "invalid_grant", "the provided authorization grant code is invalid or was issued to another client");
                }

                await store.PutAsync(Channel, AuthCodes, code, stored with { Used = true });
                var refresh = "v^1.1#i^1#I^3#r^1#f^0#p^3#t^" + Token(48);
                await store.PutAsync(Channel, RefreshTokens, refresh, new EbaySandboxRefreshToken(refresh, stored.Username, stored.Scopes, now + app.RefreshTokenLifetime));
                await store.PutAsync(Channel, AccessTokens, access, new EbaySandboxAccessToken(access, stored.Username, now + app.AccessTokenLifetime));
                return Results.Json(new EbayWireTokenResponse(access, (int)app.AccessTokenLifetime.TotalSeconds, refresh,
                    (int)app.RefreshTokenLifetime.TotalSeconds, "User Access Token"));
            case "refresh_token":
                var token = form["refresh_token"].ToString();
                var known = token.Length == 0 ? null : await store.GetAsync<EbaySandboxRefreshToken>(Channel, RefreshTokens, token);
                if (known is null || known.ExpiresUtc <= now)
                {
                    return OAuthError(400, "invalid_grant", "the provided authorization refresh token is invalid or was issued to another client");
                }

                var asked = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (asked.Except(known.Scopes).Any())
                {
                    return OAuthError(400, "invalid_scope", "the requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client");
                }

                await store.PutAsync(Channel, AccessTokens, access, new EbaySandboxAccessToken(access, known.Username, now + app.AccessTokenLifetime));
                // No refresh_token in the answer: eBay does not rotate it.
                return Results.Json(new EbayWireTokenResponse(access, (int)app.AccessTokenLifetime.TotalSeconds, null, null, "User Access Token"));
            case "client_credentials":
                await store.PutAsync(Channel, AccessTokens, access, new EbaySandboxAccessToken(access, null, now + app.AccessTokenLifetime));
                return Results.Json(new EbayWireTokenResponse(access, (int)app.AccessTokenLifetime.TotalSeconds, null, null, "Application Access Token"));
            default:
                return OAuthError(400, "unsupported_grant_type", "grant type in request is not supported by the authorization server");
        }
    }

    private static IResult? InvalidRequest(string? clientId, string? redirectUri, string? responseType, EbaySandboxOptions app)
    {
        if (clientId != app.ClientId)
        {
            return Results.Content("<html><body><h1>The client_id is invalid.</h1></body></html>", "text/html", statusCode: 400);
        }

        // redirect_uri must be the RuName, never a URL.
        if (redirectUri != app.RuName)
        {
            return Results.Content("<html><body><h1>The redirect_uri (RuName) is invalid.</h1></body></html>", "text/html", statusCode: 400);
        }

        return responseType == "code" ? null
            : Results.Content("<html><body><h1>response_type must be code.</h1></body></html>", "text/html", statusCode: 400);
    }

    private static bool ClientAuthenticated(string header, EbaySandboxOptions app)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            return decoded == $"{app.ClientId}:{app.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static IResult OAuthError(int status, string error, string description) =>
        Results.Json(new EbayWireOAuthError(error, description), statusCode: status);

    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
