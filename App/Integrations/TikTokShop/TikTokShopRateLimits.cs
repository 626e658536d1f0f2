using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>TikTok Shop's published limit (tiktok-shop.md): 50 requests a second per API, per app and shop, counted per second.</summary>
public static class TikTokShopRateLimits
{
    public const double PublishedPerSecond = 50;

    /// <summary>
    /// The client's budget: a bucket of B at rate R can let B + R through in one second, so 48/s with a bucket of 1
    /// stays under 50 in every window (the seeds' 10/s left four fifths of it unused: a price wave, one call per
    /// product, took five times its floor).
    /// </summary>
    public static ChannelRateLimits Client { get; } = new(48, 1);
}
