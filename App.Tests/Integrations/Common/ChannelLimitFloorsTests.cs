using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Tests.Integrations.Common;

/// <summary>
/// The floors the benches print their figures against, as each marketplace's descriptor states them from its
/// published limits, and the limits an account shows before its first call.
/// </summary>
public sealed class ChannelLimitFloorsTests
{
    [Fact]
    public void PriceUpdateFloors_FollowEachChannelsBatchEndpointAndPublishedRate()
    {
        // TikTok: one call per product at 50/s. eBay: 25 SKUs a call, 2,000,000 calls a day. Amazon: one feed of five
        // calls for up to 25,000 SKUs, all within the buckets' bursts.
        Assert.Equal(new ChannelWorkFloor(1_000, 20, "N ÷ 50/s"), TikTokShopDescriptor.Descriptor.Floors.PriceUpdates(1_000));
        var ebay = EbayDescriptor.Descriptor.Floors.PriceUpdates(1_000);
        Assert.Equal((40, 1.728), (ebay.Calls, Math.Round(ebay.Seconds, 3)));
        Assert.Equal(new ChannelWorkFloor(5, 0, "5 calls/feed, token buckets"), AmazonDescriptor.Descriptor.Floors.PriceUpdates(1_000));
        Assert.Equal(10, AmazonDescriptor.Descriptor.Floors.PriceUpdates(50_000).Calls);
    }

    [Fact]
    public void OrderPageFloors_AmazonsSearchOrdersAfterItsBurst_TikToksFiftyASecond_NoneOnEbay()
    {
        // searchOrders: 0.0056/s after a burst of 20, so 80 pages past the burst take 80 / 0.0056 s.
        Assert.Equal(80 / 0.0056, AmazonDescriptor.Descriptor.Floors.OrderPages(100), 6);
        Assert.Equal(0, AmazonDescriptor.Descriptor.Floors.OrderPages(20));
        Assert.Equal(2.0, TikTokShopDescriptor.Descriptor.Floors.OrderPages(100));
        Assert.Equal(0, EbayDescriptor.Descriptor.Floors.OrderPages(100));
        Assert.Equal(TimeSpan.FromSeconds(1 / 0.0056), AmazonDescriptor.Descriptor.Floors.LongestRefill);
        Assert.Equal(TimeSpan.Zero, EbayDescriptor.Descriptor.Floors.LongestRefill);
    }

    [Fact]
    public void BeforeItsFirstCall_AnAccountShowsTheLimitsItsChannelsPipelineRegistered()
    {
        using var limiters = new ChannelRateLimiters(TimeProvider.System, [new ChannelPipelineLimits(ChannelKind.Ebay, EbayRateLimits.Client)]);

        var ebay = limiters.For(new ChannelAccountContext(7, ChannelKind.Ebay, ChannelEnvironment.Sandbox));
        var unregistered = limiters.For(new ChannelAccountContext(8, ChannelKind.Etsy, ChannelEnvironment.Sandbox));

        Assert.Equal(new RateBucketSnapshot(ChannelRateLimiters.AccountBucket, 10, 20, 20, 0), Assert.Single(ebay.Buckets));
        Assert.Equal(new DailyQuotaSnapshot(0, 2_000_000, null), ebay.DailyQuota);
        Assert.Equal(new RateBucketSnapshot(ChannelRateLimiters.AccountBucket, 1, 1, 1, 0), Assert.Single(unregistered.Buckets));
        Assert.Null(unregistered.DailyQuota);
    }
}
