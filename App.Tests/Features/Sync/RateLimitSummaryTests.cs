using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Sync;

public sealed class RateLimitSummaryTests : MudTestContext
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    public RateLimitSummaryTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        RenderProviders();
    }

    [Fact]
    public void AnAccountWithADailyQuota_ShowsItsPace_TokensLeft_AndQuotaUse()
    {
        var ebay = new AccountRateLimitRow(4, "eBay US", ChannelKind.Ebay, new AccountRateLimitSnapshot(4, ChannelKind.Ebay,
            [new RateBucketSnapshot("All calls", 10, 20, 7, 2)], new DailyQuotaSnapshot(1_500_000, 2_000_000, Now.AddHours(5)), CalledSinceStart: true));

        var cut = Render<RateLimitSummary>(p => p.Add(c => c.Rows, [ebay]));

        Assert.Equal("All calls: 10/s, burst 20", Text(cut, "rate-4"));
        Assert.Equal("7 of 20, 2 waiting", Text(cut, "tokens-4"));
        Assert.Equal("1,500,000 of 2,000,000 used", Text(cut, "quota-4"));
        Assert.Equal("resets in 5 hours", Text(cut, "quota-resets-4"));
        Assert.Equal("75", cut.Find("[data-testid=quota-bar-4]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void AnAccountWithoutAQuota_OrWithoutCallsYet_SaysSo()
    {
        var tiktok = new AccountRateLimitRow(1, "TikTok UK", ChannelKind.TikTokShop, new AccountRateLimitSnapshot(1, ChannelKind.TikTokShop,
            [new RateBucketSnapshot("All calls", 48, 1, 1, 0)], null, CalledSinceStart: false));
        var slow = new AccountRateLimitRow(2, "IndiaMART", ChannelKind.IndiaMart, new AccountRateLimitSnapshot(2, ChannelKind.IndiaMart,
            [new RateBucketSnapshot("All calls", 1.0 / 300, 1, 0, 0)], new DailyQuotaSnapshot(0, 10_000, null), CalledSinceStart: true));

        var cut = Render<RateLimitSummary>(p => p.Add(c => c.Rows, [tiktok, slow]));

        Assert.Equal("No daily quota", Text(cut, "quota-1"));
        Assert.Equal("1 of 1", Text(cut, "tokens-1"));
        Assert.Contains("no calls since start", cut.Find("[data-testid=rate-limits]").TextContent);
        Assert.Equal("All calls: 12/h, burst 1", Text(cut, "rate-2"));
        Assert.Equal("the window opens with the first call", Text(cut, "quota-resets-2"));
    }

    [Fact]
    public void NoAccounts_SaysWhatWillShowHere()
    {
        var cut = Render<RateLimitSummary>(p => p.Add(c => c.Rows, []));

        Assert.Empty(cut.FindAll("[data-testid=rate-limits]"));
        Assert.NotNull(cut.Find("[data-testid=rate-limits-empty]"));
    }

    [Theory]
    [InlineData(48, "48/s")]
    [InlineData(0.5, "30/min")]
    [InlineData(0.0167, "1/min")]
    [InlineData(1.0 / 300, "12/h")]
    public void Pace_ReadsInTheUnitThatGivesAWholeFigure(double perSecond, string expected) =>
        Assert.Equal(expected, RateLimitOverview.Pace(perSecond));

    private static string Text(IRenderedComponent<RateLimitSummary> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").TextContent.Trim();
}
