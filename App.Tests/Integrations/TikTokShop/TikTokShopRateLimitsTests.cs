using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>The TikTok client's budget against the limit TikTok publishes, stated here on its own.</summary>
public sealed class TikTokShopRateLimitsTests
{
    /// <summary>tiktok-shop.md: 50 requests per second per API, app and shop, in one-second windows.</summary>
    private const int TikTokPublishedPerSecond = 50;

    [Fact]
    public void TikTok_UsesAtLeastNinetyPercentOfThePublishedRate()
    {
        var limits = TikTokShopRateLimits.Client;

        Assert.True(limits.RequestsPerSecond >= 0.9 * TikTokPublishedPerSecond, $"{limits.RequestsPerSecond}/s leaves the published 50/s unused");
    }

    [Fact]
    public void TikTok_NeverPutsMoreThanThePublishedRateIntoOneSecond()
    {
        var limits = TikTokShopRateLimits.Client;

        // A full bucket plus one second of refill is the most that can go out within one second.
        Assert.True(limits.Burst + limits.RequestsPerSecond <= TikTokPublishedPerSecond, $"{limits.Burst} + {limits.RequestsPerSecond}/s can exceed 50 in a second");
    }
}
