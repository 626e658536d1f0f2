using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// Shopify's authorization code grant for a non-embedded app (shopify.md §4.1): the consent page at
/// <c>/admin/oauth/authorize</c> checks the client id, the registered redirect URI, the scope and a state, and
/// redirects back with <c>code, hmac, host, shop, state, timestamp</c> signed with the client secret; the code is
/// exchanged once at <c>/admin/oauth/access_token</c>, for an expiring offline token with <c>expiring=1</c>. A refresh
/// token is replaced on every use; the one it replaced stays good until the replacement is first used.
/// </summary>
public static partial class ShopifySandboxAuth
{
    /// <summary>The app's allowed redirection URL: configured, else the portal's own callback.</summary>
    public static string RedirectUri(ShopifySandboxOptions app, SandboxOptions sandbox) =>
        app.RedirectUri ?? sandbox.BaseUrl + "/channels/callback/Shopify";

    /// <summary>
    /// The callback's signature: every parameter but <c>hmac</c> (and the legacy <c>signature</c>), sorted by key, joined
    /// as <c>k=v</c> with <c>&amp;</c>, then lower-hex HMAC-SHA256 with the client secret.
    /// </summary>
    public static string CallbackHmac(string clientSecret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var message = string.Join("&", parameters
            .Where(p => p.Key is not ("hmac" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>Shopify's scopes read as <c>read_x</c> or <c>write_x</c>, comma separated.</summary>
    [GeneratedRegex("^(unauthenticated_)?(read|write)_[a-z_]+$")]
    private static partial Regex ScopeName();

    internal static void Map(RouteGroupBuilder shop)
    {
        shop.MapGet("/admin/oauth/authorize", ConsentPage);
        shop.MapPost("/admin/oauth/authorize", Decide);
        shop.MapPost("/admin/oauth/access_token", TokenAsync);
    }

    private static IResult ConsentPage(string shop, HttpRequest request, IOptions<ShopifySandboxOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var query = request.Query;
        if (Invalid(query["client_id"], query["redirect_uri"], query["scope"], query["state"], options.Value, sandbox.Value) is { } problem)
        {
            return problem;
        }

        string Hidden(string name) => $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(query[name].ToString())}\" />";
        var scopes = string.Join("", query["scope"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => $"<li>{WebUtility.HtmlEncode(s)}</li>"));
        var html = $"""
            <!DOCTYPE html>
            <html><head><title>Install app - Shopify (sandbox)</title></head>
            <body>
              <h1>Install this app on {WebUtility.HtmlEncode(shop)}?</h1>
              <p>It will be able to:</p>
              <ul>{scopes}</ul>
              <form method="post">
                {Hidden("client_id")}{Hidden("redirect_uri")}{Hidden("scope")}{Hidden("state")}
                <label>Signed in as the owner of <input type="text" name="shop" value="{WebUtility.HtmlEncode(shop)}" data-testid="consent-shop" /></label>
                <button type="submit" name="decision" value="approve" data-testid="consent-approve">Install app</button>
                <button type="submit" name="decision" value="deny" data-testid="consent-deny">Cancel</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    private static async Task<IResult> Decide(string shop, HttpRequest request, ShopifySandboxShops shops, TimeProvider time,
        IOptions<ShopifySandboxOptions> options, IOptions<SandboxOptions> sandbox)
    {
        var form = await request.ReadFormAsync();
        var app = options.Value;
        if (Invalid(form["client_id"], form["redirect_uri"], form["scope"], form["state"], app, sandbox.Value) is { } problem)
        {
            return problem;
        }

        var redirect = form["redirect_uri"].ToString();
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var state = form["state"].ToString();
        if (form["decision"] != "approve")
        {
            return Results.Redirect($"{redirect}{separator}error=access_denied&state={Uri.EscapeDataString(state)}");
        }

        var owner = form["shop"].ToString().Trim() is { Length: > 0 } named ? named.ToLowerInvariant() : shop.ToLowerInvariant();
        if (!ShopifySandboxShops.ShopDomain().IsMatch(owner))
        {
            return Page("The shop must be a name.myshopify.com domain.");
        }

        var now = time.GetUtcNow();
        await shops.EnsureSavedAsync(shops.Shop(owner), now);
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        shops.PutCode(new ShopifyAuthCode(code, owner, form["scope"].ToString(), now + app.CodeLifetime));
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = code,
            // The host Shopify's admin gives an app: base64 of admin.shopify.com/store/{name}.
            ["host"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin.shopify.com/store/{owner.Split('.')[0]}")).TrimEnd('='),
            ["shop"] = owner,
            ["state"] = state,
            ["timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        parameters["hmac"] = CallbackHmac(app.ClientSecret, parameters);
        var query = string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return Results.Redirect($"{redirect}{separator}{query}");
    }

    private static async Task<IResult> TokenAsync(string shop, HttpRequest request, ShopifySandboxShops shops, TimeProvider time, IOptions<ShopifySandboxOptions> options)
    {
        var fields = await ReadFieldsAsync(request);
        if (fields is null)
        {
            return OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded or application/json.");
        }

        var app = options.Value;
        var get = (string name) => fields.GetValueOrDefault(name) ?? "";
        if (get("client_id").Length == 0 || get("client_secret").Length == 0)
        {
            return OAuthError("invalid_request", "client_id and client_secret are required.");
        }

        if (get("client_id") != app.ClientId || get("client_secret") != app.ClientSecret)
        {
            return OAuthError("invalid_client", "Client authentication failed: the client_id or client_secret is not the app's.");
        }

        var now = time.GetUtcNow();
        if (get("grant_type") == "refresh_token")
        {
            var refresh = shops.Refresh(get("refresh_token"));
            if (refresh is null || refresh.Expires <= now || !refresh.Shop.Equals(shop, StringComparison.OrdinalIgnoreCase))
            {
                return OAuthError("invalid_request", "The refresh token is invalid, expired or was replaced.");
            }

            // The replacement's first use ends the grace of the token it replaced.
            if (refresh.Replaces is { } previous)
            {
                await shops.RemoveRefreshAsync(previous);
                await shops.PutRefreshAsync(refresh with { Replaces = null });
            }

            return Results.Json(await IssueAsync(shops, app, refresh.Shop, refresh.Scope, expiring: true, now, replaces: refresh.Token), ShopifySandboxJson.Wire);
        }

        if (get("grant_type") is { Length: > 0 } grant && grant != "authorization_code")
        {
            return OAuthError("unsupported_grant_type", "grant_type is authorization_code or refresh_token.");
        }

        if (get("code").Length == 0)
        {
            return OAuthError("invalid_request", "code is required.");
        }

        var code = shops.TakeCode(get("code"));
        if (code is null || code.Expires <= now || !code.Shop.Equals(shop, StringComparison.OrdinalIgnoreCase))
        {
            return OAuthError("invalid_request", "The authorization code was not found or was already used.");
        }

        return Results.Json(await IssueAsync(shops, app, code.Shop, code.Scope, get("expiring") == "1", now, replaces: null), ShopifySandboxJson.Wire);
    }

    private static async Task<ShopifyWireAccessToken> IssueAsync(ShopifySandboxShops shops, ShopifySandboxOptions app, string shop, string scope, bool expiring,
        DateTimeOffset now, string? replaces)
    {
        var access = ShopifySandboxShops.NewToken("shpat_");
        await shops.PutTokenAsync(new ShopifyAccessToken(access, shop, scope, expiring ? now + app.AccessTokenLifetime : null));
        if (!expiring)
        {
            return new ShopifyWireAccessToken(access, scope);
        }

        var refresh = ShopifySandboxShops.NewToken("shprt_");
        await shops.PutRefreshAsync(new ShopifyRefreshToken(refresh, shop, scope, now + app.RefreshTokenLifetime, replaces));
        return new ShopifyWireAccessToken(access, scope, (int)app.AccessTokenLifetime.TotalSeconds, refresh, (int)app.RefreshTokenLifetime.TotalSeconds);
    }

    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            return (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            using var json = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            return json.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ? null : json.RootElement.EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult? Invalid(string? clientId, string? redirectUri, string? scope, string? state, ShopifySandboxOptions app, SandboxOptions sandbox)
    {
        if (clientId != app.ClientId)
        {
            return Page("Oauth error invalid_request: The client_id is not a known app.");
        }

        if (redirectUri != RedirectUri(app, sandbox))
        {
            return Page("Oauth error invalid_request: The redirect_uri is not whitelisted.");
        }

        if (string.IsNullOrEmpty(state))
        {
            return Page("Oauth error invalid_request: state is required.");
        }

        var scopes = (scope ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return scopes.Length == 0 || scopes.Any(s => !ScopeName().IsMatch(s)) ? Page("Oauth error invalid_scope: scope must name Shopify access scopes, comma separated.") : null;
    }

    private static IResult Page(string message) =>
        Results.Content($"<html><body><h1>{WebUtility.HtmlEncode(message)}</h1></body></html>", "text/html", statusCode: 400);

    private static IResult OAuthError(string error, string description) =>
        Results.Json(new ShopifyWireOAuthError(error, description), ShopifySandboxJson.Wire, statusCode: 400);
}

/// <summary>The access-token answer: <c>{access_token, scope}</c>, and for an expiring token its lifetimes and refresh token.</summary>
public sealed record ShopifyWireAccessToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("expires_in"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExpiresIn = null,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken = null,
    [property: JsonPropertyName("refresh_token_expires_in"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RefreshTokenExpiresIn = null);

public sealed record ShopifyWireOAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
