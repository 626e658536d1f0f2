using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// The TikTok Shop Partner app's credentials and hosts. Defaults are the production hosts from TikTok's Partner API
/// docs (docs/shared api notes: tiktok-shop.md); with Sandbox:Enabled the emulator points them at itself.
/// </summary>
public sealed class TikTokShopOptions
{
    public const string SectionName = "Channels:TikTokShop";

    [Required]
    public string AppKey { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>
    /// Webhook events further than this from now (by their own <c>timestamp</c>) are refused; TikTok retries a delivery
    /// within minutes, and webhook dedupe rows only need keeping this long.
    /// </summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The Partner Center service id that the seller authorization page takes.</summary>
    [Required]
    public string ServiceId { get; set; } = "";

    /// <summary>Token exchange and refresh host (GET /api/v2/token/get, /api/v2/token/refresh).</summary>
    [Required, Url]
    public string AuthBaseUrl { get; set; } = "https://auth.tiktok-shops.com";

    /// <summary>The signed API host; the sign covers the path after this base.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://open-api.tiktokglobalshop.com";

    /// <summary>The seller authorization (consent) page, global sellers.</summary>
    [Required, Url]
    public string AuthorizePageUrl { get; set; } = "https://services.tiktokshop.com/open/authorize";

    /// <summary>US sellers consent on a separate host.</summary>
    [Required, Url]
    public string UsAuthorizePageUrl { get; set; } = "https://services.tiktokshops.us/open/authorize";

    internal Uri ApiBase => WithTrailingSlash(ApiBaseUrl);

    internal Uri AuthBase => WithTrailingSlash(AuthBaseUrl);

    /// <summary>The path prefix of <see cref="ApiBaseUrl"/> (empty for the real host) that the sign leaves out.</summary>
    internal string ApiBasePath => new Uri(ApiBaseUrl).AbsolutePath.TrimEnd('/');

    private static Uri WithTrailingSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
