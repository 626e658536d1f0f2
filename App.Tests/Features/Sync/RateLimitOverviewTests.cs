using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

public sealed class RateLimitOverviewTests
{
    [Fact]
    public async Task EachAccountStillConnected_GetsItsLiveLimits_DisconnectedOnesAreLeftOut()
    {
        var db = new TestDatabase();
        using var limiters = new ChannelRateLimiters(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
        ChannelAccount ebay, tiktok;
        await using (var context = db.CreateDbContext())
        {
            ebay = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", Status = ChannelAccountStatus.Connected };
            tiktok = new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "TikTok UK", Status = ChannelAccountStatus.NeedsReauth };
            context.ChannelAccounts.AddRange(ebay, tiktok,
                new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "Amazon old", Status = ChannelAccountStatus.Disconnected });
            await context.SaveChangesAsync();
        }

        for (var i = 0; i < 4; i++)
        {
            (await limiters.AcquireAsync(ChannelKind.Ebay, EbayRateLimits.Client, ChannelAccountContexts.For(ebay), CancellationToken.None)).Dispose();
        }

        var rows = await new RateLimitOverview(db, limiters).PerAccountAsync(CancellationToken.None);

        Assert.Equal(["eBay US", "TikTok UK"], rows.Select(r => r.Account));
        Assert.Equal((4, 2_000_000), (rows[0].Limits.DailyQuota!.Used, rows[0].Limits.DailyQuota!.Limit));
        Assert.Null(rows[1].Limits.DailyQuota);
        Assert.False(rows[1].Limits.CalledSinceStart);
    }

    [Fact]
    public async Task TheApp_ReadsTheSameLimitersItsChannelClientsUse_AndAddsEachChannelsOwnBuckets()
    {
        using var factory = new PortalAppFactory();
        var account = new ChannelAccountContext(7, ChannelKind.Shopify, ChannelEnvironment.Production, ShopId: "maker.myshopify.com");
        var snapshots = factory.Services.GetRequiredService<IRateLimitSnapshots>();
        var before = snapshots.For(account);

        // A call the client makes through the app's limiters is what the Sync page's reader then sees.
        using (await factory.Services.GetRequiredService<ChannelRateLimiters>().AcquireAsync(ChannelKind.Shopify, ChannelRateLimits.Unregistered, account, CancellationToken.None))
        {
        }

        var after = snapshots.For(account);
        Assert.False(before.CalledSinceStart);
        Assert.True(after.CalledSinceStart);
        Assert.Equal([ChannelRateLimiters.AccountBucket, SellerPortal.Integrations.Shopify.ShopifyCostBuckets.BucketName], after.Buckets.Select(b => b.Name));
        Assert.NotNull(factory.Services.GetRequiredService<RateLimitOverview>());
    }
}
