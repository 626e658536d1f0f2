using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// Etsy's consent page (<c>www.etsy.com/oauth/connect</c>) and token endpoint (<c>/v3/public/oauth/token</c>):
/// the authorization code grant with PKCE (S256 only) and a required state, the code bound to its redirect URI and
/// challenge, usable once; refresh tokens rotate (the old one stops working). Tokens are "&lt;user_id&gt;.&lt;opaque&gt;".
/// </summary>
internal static class EtsySandboxAuth
{
    /// <summary>The scopes Etsy knows (etsy.md §3.1).</summary>
    public static readonly IReadOnlySet<string> Scopes = new HashSet<string>(StringComparer.Ordinal)
    {
        "address_r", "address_w", "billing_r", "cart_r", "cart_w", "email_r", "favorites_r", "favorites_w", "feedback_r",
        "listings_d", "listings_r", "listings_w", "profile_r", "profile_w", "recommend_r", "recommend_w", "shops_r", "shops_w",
        "transactions_r", "transactions_w",
    };

    public static void Map(RouteGroupBuilder etsy)
    {
        etsy.MapGet("/oauth/connect", ConsentPage);
        etsy.MapPost("/oauth/connect", DecideAsync);
        etsy.MapPost("/v3/public/oauth/token", TokenAsync);
        // getMe: who the token is for. The user id is also the prefix of every token Etsy issues.
        etsy.MapGet("/v3/application/users/me", (HttpContext http) => Results.Json(new EtsyWireSelf(http.Seller().UserId, http.Seller().ShopId), EtsySandboxJson.Options))
            .Api(scope: null);
    }

    /// <summary>The redirect URI the app registered: configured, else the portal's own callback.</summary>
    public static string RedirectUri(EtsySandboxOptions app, SandboxOptions sandbox) => app.RedirectUri ?? sandbox.BaseUrl + "/channels/callback/Etsy";

    /// <summary>RFC 7636 S256: BASE64URL-NOPAD(SHA256(ASCII(code_verifier))).</summary>
    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IResult ConsentPage(HttpRequest request, IOptions<EtsySandboxOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var query = request.Query;
        if (InvalidRequest(query["response_type"], query["client_id"], query["redirect_uri"], query["scope"], query["state"],
                query["code_challenge"], query["code_challenge_method"], options.Value, sandbox.Value) is { } problem)
        {
            return problem;
        }

        string Hidden(string name) => $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(query[name].ToString())}\" />";
        var scopes = string.Join("", query["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => $"<li>{WebUtility.HtmlEncode(s)}</li>"));
        var html = $"""
            <!DOCTYPE html>
            <html><head><title>Allow access - Etsy (sandbox)</title></head>
            <body>
              <h1>An app would like to connect to your Etsy account</h1>
              <ul>{scopes}</ul>
              <form method="post">
                {Hidden("response_type")}{Hidden("client_id")}{Hidden("redirect_uri")}{Hidden("scope")}{Hidden("state")}{Hidden("code_challenge")}{Hidden("code_challenge_method")}
                <label>Signed in to Etsy as <input type="text" name="seller" value="{WebUtility.HtmlEncode(options.Value.Seller)}" data-testid="consent-seller" /></label>
                <button type="submit" name="decision" value="approve" data-testid="consent-approve">Allow Access</button>
                <button type="submit" name="decision" value="deny" data-testid="consent-deny">Deny</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> DecideAsync(HttpRequest request, SandboxStore store, TimeProvider time,
        IOptions<EtsySandboxOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var form = await request.ReadFormAsync();
        var app = options.Value;
        if (InvalidRequest(form["response_type"], form["client_id"], form["redirect_uri"], form["scope"], form["state"],
                form["code_challenge"], form["code_challenge_method"], app, sandbox.Value) is { } problem)
        {
            return problem;
        }

        var redirect = form["redirect_uri"].ToString();
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var state = Uri.EscapeDataString(form["state"].ToString());
        if (form["decision"] != "approve")
        {
            return Results.Redirect($"{redirect}{separator}error=access_denied&error_description={Uri.EscapeDataString("The user denied the request")}&state={state}");
        }

        var seller = await EnsureSellerAsync(store, form["seller"].ToString().Trim() is { Length: > 0 } named ? named : app.Seller);
        var code = Token(32);
        await store.PutAsync(Channel, AuthCodes, code, new EtsySandboxAuthCode(code, seller.UserId,
            form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries), redirect, form["code_challenge"].ToString(),
            time.GetUtcNow().UtcDateTime.AddMinutes(5), Used: false));
        return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={state}");
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, SandboxStore store, TimeProvider time, IOptions<EtsySandboxOptions> options)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("invalid_request", "The request body must be application/x-www-form-urlencoded.");
        }

        var app = options.Value;
        var form = await request.ReadFormAsync();
        if (form["client_id"] != app.Keystring)
        {
            return OAuthError("invalid_client", "client_id is not a known app keystring.", 401);
        }

        var now = time.GetUtcNow().UtcDateTime;
        return await store.SerializedAsync(Channel, async () =>
        {
            switch (form["grant_type"].ToString())
            {
                case "authorization_code":
                    var code = form["code"].ToString();
                    var stored = code.Length == 0 ? null : await store.GetAsync<EtsySandboxAuthCode>(Channel, AuthCodes, code);
                    if (stored is null || stored.Used || stored.ExpiresUtc <= now)
                    {
                        return OAuthError("invalid_grant", "The authorization code is invalid, expired or already used.");
                    }

                    if (form["redirect_uri"] != stored.RedirectUri)
                    {
                        return OAuthError("invalid_grant", "redirect_uri does not match the one the code was issued for.");
                    }

                    if (form["code_verifier"].ToString() is not { Length: >= 43 and <= 128 } verifier || Challenge(verifier) != stored.CodeChallenge)
                    {
                        return OAuthError("invalid_grant", "code_verifier does not match the code_challenge.");
                    }

                    await store.PutAsync(Channel, AuthCodes, code, stored with { Used = true });
                    return Results.Json(await IssueAsync(store, app, stored.UserId, stored.Scopes, now), EtsySandboxJson.Options);
                case "refresh_token":
                    var token = form["refresh_token"].ToString();
                    var known = token.Length == 0 ? null : await store.GetAsync<EtsySandboxRefreshToken>(Channel, RefreshTokens, token);
                    if (known is null || known.Used || known.ExpiresUtc <= now)
                    {
                        return OAuthError("invalid_grant", "The refresh token is invalid, expired or already used.");
                    }

                    // Rotation: the refresh token is good once.
                    await store.PutAsync(Channel, RefreshTokens, token, known with { Used = true });
                    return Results.Json(await IssueAsync(store, app, known.UserId, known.Scopes, now), EtsySandboxJson.Options);
                default:
                    return OAuthError("unsupported_grant_type", "grant_type is authorization_code or refresh_token.");
            }
        });
    }

    private static async Task<EtsyWireToken> IssueAsync(SandboxStore store, EtsySandboxOptions app, long userId, IReadOnlyList<string> scopes, DateTime now)
    {
        var access = $"{userId}.{Token(32)}";
        var refresh = $"{userId}.{Token(32)}";
        await store.PutAsync(Channel, AccessTokens, access, new EtsySandboxAccessToken(access, userId, scopes, now + app.AccessTokenLifetime));
        await store.PutAsync(Channel, RefreshTokens, refresh, new EtsySandboxRefreshToken(refresh, userId, scopes, now + app.RefreshTokenLifetime, Used: false));
        return new EtsyWireToken(access, "Bearer", (int)app.AccessTokenLifetime.TotalSeconds, refresh);
    }

    /// <summary>A seller by name, with a user id and a shop the first time it signs in.</summary>
    public static async Task<EtsySandboxSeller> EnsureSellerAsync(SandboxStore store, string name)
    {
        if (await store.GetAsync<EtsySandboxSeller>(Channel, Sellers, name) is { } known)
        {
            return known;
        }

        var seller = new EtsySandboxSeller(name, NextId(), NextId());
        await store.PutAsync(Channel, Sellers, name, seller);
        await store.PutAsync(Channel, Users, seller.UserId.ToString(CultureInfo.InvariantCulture), seller);
        return seller;
    }

    /// <summary>The seller a token's user is: one read by the user id, on every API call.</summary>
    public static Task<EtsySandboxSeller?> SellerByUserAsync(SandboxStore store, long userId, CancellationToken ct) =>
        store.GetAsync<EtsySandboxSeller>(Channel, Users, userId.ToString(CultureInfo.InvariantCulture), ct);

    private static IResult? InvalidRequest(string? responseType, string? clientId, string? redirectUri, string? scope, string? state,
        string? challenge, string? method, EtsySandboxOptions app, SandboxOptions sandbox)
    {
        static IResult Page(string message) => Results.Content($"<html><body><h1>{WebUtility.HtmlEncode(message)}</h1></body></html>", "text/html", statusCode: 400);
        if (clientId != app.Keystring)
        {
            return Page("The client_id is not a known app keystring.");
        }

        if (redirectUri != RedirectUri(app, sandbox))
        {
            return Page("The redirect_uri is not registered for this app.");
        }

        if (responseType != "code")
        {
            return Page("response_type must be code.");
        }

        if (string.IsNullOrEmpty(state))
        {
            return Page("state is required.");
        }

        if (method != "S256" || string.IsNullOrEmpty(challenge))
        {
            return Page("code_challenge is required, with code_challenge_method S256.");
        }

        var scopes = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Length == 0 || scopes.Any(s => !Scopes.Contains(s)) ? Page("scope must name Etsy scopes, space separated.") : null;
    }

    private static IResult OAuthError(string error, string description, int status = 400) =>
        Results.Json(new EtsyWireOAuthError(error, description), EtsySandboxJson.Options, statusCode: status);

    public static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>A positive id of Etsy's size (eight to ten digits).</summary>
    public static long NextId() => RandomNumberGenerator.GetInt32(10_000_000, int.MaxValue);
}
