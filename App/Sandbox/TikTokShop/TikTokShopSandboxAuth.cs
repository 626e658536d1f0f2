using System.Net;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// The seller consent page (services.tiktokshop.com/open/authorize), the token host (auth.tiktok-shops.com
/// /api/v2/token/get and /refresh, with refresh-token rotation) and GET /authorization/202309/shops.
/// </summary>
internal sealed class TikTokShopSandboxAuth(
    TikTokShopSandboxStore store,
    TikTokShopSandboxGate gate,
    IOptionsMonitor<TikTokShopSandboxOptions> options,
    IOptions<SandboxOptions> sandbox,
    TimeProvider time)
{
    /// <summary>The seller the consent page signs in as unless another is typed.</summary>
    public const string DefaultSeller = "Sandbox Seller";

    /// <summary>The auth code is single use and lives 30 minutes.</summary>
    private const int AuthCodeLifetimeSeconds = 30 * 60;

    private static readonly string[] Scopes = ["seller.authorization.info", "seller.product.basic", "seller.order.info", "seller.fulfillment.basic", "seller.logistics"];

    public IResult ConsentPage(HttpContext http)
    {
        var settings = options.CurrentValue;
        var q = http.Request.Query;
        var known = q["service_id"].ToString() == settings.ServiceId || q["app_key"].ToString() == settings.AppKey;
        if (!known)
        {
            return Results.Content("<!doctype html><p>Unknown service_id or app_key.</p>", "text/html", statusCode: 400);
        }

        string Hidden(string name) => q.TryGetValue(name, out var v)
            ? $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(v.ToString())}\" />"
            : "";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>TikTok Shop sandbox: authorize</title></head>
            <body>
              <h1>Authorize this app?</h1>
              <p>The app <strong>{WebUtility.HtmlEncode(settings.ServiceId)}</strong> asks to manage products, orders and fulfilment of your shop.</p>
              <form method="post">
                {Hidden("service_id")}{Hidden("app_key")}{Hidden("state")}{Hidden("redirect_uri")}
                <label>Seller <input name="seller" value="{DefaultSeller}" data-testid="consent-seller" /></label>
                <label>Region <input name="region" value="US" data-testid="consent-region" /></label>
                <button type="submit" name="decision" value="approve" data-testid="consent-approve">Approve</button>
                <button type="submit" name="decision" value="deny" data-testid="consent-deny">Deny</button>
              </form>
            </body></html>
            """;
        return Results.Content(html, "text/html");
    }

    public async Task<IResult> DecideAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var state = form["state"].ToString();
        var redirect = form["redirect_uri"].ToString() is { Length: > 0 } given ? given : RegisteredRedirect(http);
        var separator = redirect.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        if (form["decision"].ToString() != "approve")
        {
            return Results.Redirect($"{redirect}{separator}code=null&error=auth_denied&state={Uri.EscapeDataString(state)}");
        }

        var seller = form["seller"].ToString() is { Length: > 0 } s ? s : DefaultSeller;
        var region = form["region"].ToString() is { Length: > 0 } r ? r.ToUpperInvariant() : "US";
        var shop = await store.EnsureSellerAsync(seller, region, http.RequestAborted);
        var code = "TTP_" + TikTokShopSandboxStore.Token(18);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await store.PutAsync("auth_codes", code, new SandboxAuthCode(code, shop.OpenId, now + AuthCodeLifetimeSeconds, false), 0, http.RequestAborted);
        return Results.Redirect($"{redirect}{separator}code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    public async Task<IResult> GetTokenAsync(HttpContext http)
    {
        if (await CheckAppAsync(http) is { } refused)
        {
            return refused;
        }

        var q = http.Request.Query;
        if (q["grant_type"].ToString() != "authorized_code")
        {
            return TikTokShopSandboxResults.Error(200, SandboxCodes.InvalidParameter, "grant_type must be authorized_code.");
        }

        var codeValue = q["auth_code"].ToString();
        return await store.SerializedAsync(async () =>
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var code = codeValue.Length == 0 ? null : await store.GetAsync<SandboxAuthCode>("auth_codes", codeValue, http.RequestAborted);
            if (code is null || code.Used || code.ExpiresAt <= now)
            {
                return TikTokShopSandboxResults.Error(200, SandboxCodes.AuthRecordNotFound, "Invalid auth_code: it is unknown, used or expired.");
            }

            await store.PutAsync("auth_codes", code.Code, code with { Used = true }, 0, http.RequestAborted);
            return await IssueAsync(code.OpenId, now, http.RequestAborted);
        }, http.RequestAborted);
    }

    public async Task<IResult> RefreshTokenAsync(HttpContext http)
    {
        if (await CheckAppAsync(http) is { } refused)
        {
            return refused;
        }

        var q = http.Request.Query;
        if (q["grant_type"].ToString() != "refresh_token")
        {
            return TikTokShopSandboxResults.Error(200, SandboxCodes.InvalidParameter, "grant_type must be refresh_token.");
        }

        var value = q["refresh_token"].ToString();
        return await store.SerializedAsync(async () =>
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var token = value.Length == 0 ? null : await store.GetAsync<SandboxRefreshToken>("refresh_tokens", value, http.RequestAborted);
            if (token is null || token.Used || token.Revoked)
            {
                return TikTokShopSandboxResults.Error(200, SandboxCodes.AuthRecordNotFound, "can not find related auth record");
            }

            if (token.ExpiresAt <= now)
            {
                return TikTokShopSandboxResults.Error(200, SandboxCodes.RefreshTokenExpired, "rt has expired");
            }

            // Rotation: the old refresh token is spent; only the new one works from now on.
            await store.PutAsync("refresh_tokens", token.Token, token with { Used = true }, 0, http.RequestAborted);
            return await IssueAsync(token.OpenId, now, http.RequestAborted);
        }, http.RequestAborted);
    }

    public async Task<IResult> AuthorizedShopsAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Authorization);
        if (call is null)
        {
            return error!;
        }

        var shop = call.Shop;
        return TikTokShopSandboxResults.Ok(new TikTokWireShops([new TikTokWireShop(shop.Id, shop.Name, shop.Region, shop.SellerType, shop.Cipher, shop.Code)]));
    }

    /// <summary>Revokes every token of the seller behind a shop (a seller deauthorizing the app).</summary>
    public async Task<int> RevokeAsync(string openId, CancellationToken ct) =>
        await store.SerializedAsync(async () =>
        {
            var count = 0;
            foreach (var token in (await store.AllAsync<SandboxRefreshToken>("refresh_tokens", ct)).Where(t => t.OpenId == openId && !t.Revoked))
            {
                await store.PutAsync("refresh_tokens", token.Token, token with { Revoked = true }, 0, ct);
                count++;
            }

            foreach (var token in (await store.AllAsync<SandboxAccessToken>("access_tokens", ct)).Where(t => t.OpenId == openId && !t.Revoked))
            {
                await store.PutAsync("access_tokens", token.Token, token with { Revoked = true }, 0, ct);
            }

            return count;
        }, ct);

    private async Task<IResult?> CheckAppAsync(HttpContext http)
    {
        if (await gate.FaultAsync(http) is { } fault)
        {
            return fault;
        }

        var settings = options.CurrentValue;
        var q = http.Request.Query;
        return q["app_key"].ToString() == settings.AppKey && q["app_secret"].ToString() == settings.AppSecret
            ? null
            : TikTokShopSandboxResults.Error(200, SandboxCodes.InvalidCommonParameter, "Invalid app_key or app_secret.");
    }

    private async Task<IResult> IssueAsync(string openId, long now, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var shop = await store.ShopByOpenIdAsync(openId, ct);
        var access = new SandboxAccessToken("TTP_" + TikTokShopSandboxStore.Token(48), openId, now + settings.AccessTokenLifetimeSeconds, false);
        var refresh = new SandboxRefreshToken("TTP_" + TikTokShopSandboxStore.Token(36), openId, now + settings.RefreshTokenLifetimeSeconds, false, false);
        await store.PutAsync("access_tokens", access.Token, access, 0, ct);
        await store.PutAsync("refresh_tokens", refresh.Token, refresh, 0, ct);
        return TikTokShopSandboxResults.Ok(new TikTokWireToken(
            access.Token, access.ExpiresAt, refresh.Token, refresh.ExpiresAt, openId, shop?.SellerName, shop?.Region, UserType: 0, Scopes));
    }

    private string RegisteredRedirect(HttpContext http) =>
        options.CurrentValue.RedirectUri ?? $"{TikTokShopSandboxExtensions.PortalBase(http, sandbox.Value)}/channels/callback/TikTokShop";
}
