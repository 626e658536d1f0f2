using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Tests.Integrations.Common;

public sealed class ChannelRateLimitsTests
{
    /// <summary>tiktok-shop.md: 50 requests per second per API, app and shop, in one-second windows.</summary>
    private const int TikTokPublishedPerSecond = 50;

    [Fact]
    public void TikTok_UsesAtLeastNinetyPercentOfThePublishedRate()
    {
        var limits = ChannelRateLimits.For(ChannelKind.TikTokShop);

        Assert.True(limits.RequestsPerSecond >= 0.9 * TikTokPublishedPerSecond, $"{limits.RequestsPerSecond}/s leaves the published 50/s unused");
    }

    [Fact]
    public void TikTok_NeverPutsMoreThanThePublishedRateIntoOneSecond()
    {
        var limits = ChannelRateLimits.For(ChannelKind.TikTokShop);

        // A full bucket plus one second of refill is the most that can go out within one second.
        Assert.True(limits.Burst + limits.RequestsPerSecond <= TikTokPublishedPerSecond, $"{limits.Burst} + {limits.RequestsPerSecond}/s can exceed 50 in a second");
    }
}
