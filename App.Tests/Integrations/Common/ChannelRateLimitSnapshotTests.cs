using System.Net;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay;

namespace SellerPortal.Tests.Integrations.Common;

public sealed class ChannelRateLimitSnapshotTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private readonly ChannelRateLimiters limiters;

    // eBay's pace and quota turned down on the account, so no token comes back during the test: one every ~17 minutes.
    private readonly ChannelAccountContext account = new(5, ChannelKind.Ebay, ChannelEnvironment.Sandbox)
    {
        Properties = new Dictionary<string, string>
        {
            [ChannelRateLimits.RequestsPerSecondProperty] = "0.001",
            [ChannelRateLimits.BurstProperty] = "10",
            [ChannelRateLimits.DailyQuotaProperty] = "100",
        },
    };

    public ChannelRateLimitSnapshotTests() => limiters = new ChannelRateLimiters(clock, [new ChannelPipelineLimits(ChannelKind.Ebay, EbayRateLimits.Client)]);

    public void Dispose() => limiters.Dispose();

    [Fact]
    public void BeforeAnyCall_TheSnapshotShowsTheConfiguredLimits_FullAndUnused()
    {
        var snapshot = limiters.For(account);

        Assert.False(snapshot.CalledSinceStart);
        Assert.Equal(new RateBucketSnapshot(ChannelRateLimiters.AccountBucket, 0.001, 10, 10, 0), Assert.Single(snapshot.Buckets));
        Assert.Equal(new DailyQuotaSnapshot(0, 100, null), snapshot.DailyQuota);
    }

    [Fact]
    public async Task TheChannelsOwnRemainingFigure_SpendsWhatOurWindowStillHeld_AndALargerOneChangesNothing()
    {
        using (await limiters.AcquireAsync(ChannelKind.Ebay, EbayRateLimits.Client, account, CancellationToken.None))
        {
        }

        limiters.ReportRemainingToday(ChannelKind.Ebay, account, 40);
        var reported = limiters.For(account).DailyQuota;
        limiters.ReportRemainingToday(ChannelKind.Ebay, account, 90);
        var larger = limiters.For(account).DailyQuota;
        limiters.ReportRemainingToday(ChannelKind.Ebay, account, -3);

        Assert.Equal(new DailyQuotaSnapshot(60, 100, Start.UtcDateTime.AddDays(1)), reported);
        Assert.Equal(reported, larger);
        Assert.Equal(100, limiters.For(account).DailyQuota!.Used);
    }

    [Fact]
    public async Task ThreeCallsThroughThePipelinesLimiter_LeaveThreeFewerTokens_AndThreeUsed()
    {
        using var http = new HttpClient(new ChannelRateLimitMessageHandler(limiters, ChannelKind.Ebay, EbayRateLimits.Client)
        {
            InnerHandler = new Answering(),
        });

        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.ebay.example/sell/inventory/v1/offer").For(account, "getOffers");
            using var response = await http.SendAsync(request);
        }

        var snapshot = limiters.For(account);
        Assert.True(snapshot.CalledSinceStart);
        Assert.Equal((7, 10), (Assert.Single(snapshot.Buckets).TokensAvailable, snapshot.Buckets[0].Burst));
        Assert.Equal(new DailyQuotaSnapshot(3, 100, Start.UtcDateTime.AddDays(1)), snapshot.DailyQuota);
    }

    [Fact]
    public async Task TheQuotaWindow_ResetsADayAfterTheFirstCall_AndEveryDayFromThen()
    {
        (await limiters.AcquireAsync(ChannelKind.Ebay, EbayRateLimits.Client, account, CancellationToken.None)).Dispose();

        clock.Advance(TimeSpan.FromHours(30));

        Assert.Equal(Start.UtcDateTime.AddDays(2), limiters.For(account).DailyQuota!.ResetsUtc);
    }

    [Fact]
    public async Task AnotherAccountsCalls_DoNotShowOnThisOne()
    {
        var other = account with { AccountId = 6 };
        (await limiters.AcquireAsync(ChannelKind.Ebay, EbayRateLimits.Client, other, CancellationToken.None)).Dispose();

        Assert.False(limiters.For(account).CalledSinceStart);
        Assert.Equal(9, limiters.For(other).Buckets[0].TokensAvailable);
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
