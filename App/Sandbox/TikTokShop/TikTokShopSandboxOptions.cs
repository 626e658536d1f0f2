using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// The TikTok Shop emulator's app registration and clocks. The credentials are fixed sandbox values, never real
/// ones; the portal's Channels:TikTokShop must carry the same key and secret.
/// </summary>
public sealed class TikTokShopSandboxOptions
{
    public const string SectionName = "Sandbox:TikTokShop";

    [Required]
    public string AppKey { get; set; } = "sandbox-tiktok-app-key";

    [Required]
    public string AppSecret { get; set; } = "sandbox-tiktok-app-secret-not-real";

    [Required]
    public string ServiceId { get; set; } = "sandbox-tiktok-service";

    /// <summary>Access tokens last about 7 days at TikTok; tests shorten it.</summary>
    [Range(1, int.MaxValue)]
    public int AccessTokenLifetimeSeconds { get; set; } = 7 * 24 * 3600;

    [Range(1, int.MaxValue)]
    public int RefreshTokenLifetimeSeconds { get; set; } = 365 * 24 * 3600;

    /// <summary>TikTok's published default: 50 requests per second per API, app and shop.</summary>
    [Range(1, 10_000)]
    public int RateLimitPerSecond { get; set; } = 50;

    /// <summary>The registered redirect URL; default: the portal's /channels/callback/TikTokShop.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Where generated webhooks go; default: the portal's /webhooks/TikTokShop.</summary>
    public string? WebhookUrl { get; set; }
}
