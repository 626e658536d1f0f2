using System.Diagnostics;
using System.Net;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Tests.Integrations.Common;

public sealed class ChannelErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(ChannelAuthException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(ChannelAuthException))]
    [InlineData(HttpStatusCode.NotFound, typeof(ChannelNotFoundException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(ChannelRateLimitException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(ChannelValidationException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, typeof(ChannelValidationException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(ChannelServerException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(ChannelServerException))]
    public void FromStatus_PicksTheSubtype(HttpStatusCode status, Type expected)
    {
        var error = ChannelErrors.FromStatus(ChannelKind.TikTokShop, status, "36009002", null, "req-7");

        Assert.IsType(expected, error);
        Assert.Equal("36009002", error.ErrorCode);
        Assert.Equal("req-7", error.RequestId);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void FromResponse_ReadsRetryAfterAndRequestIdHeaders()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        response.Headers.Add("x-amzn-RequestId", "amzn-1");

        var error = Assert.IsType<ChannelRateLimitException>(ChannelErrors.FromResponse(ChannelKind.Amazon, response, "QuotaExceeded", "slow down"));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Equal("amzn-1", error.RequestId);
        Assert.Equal("slow down", error.Message);
    }
}

public sealed class ChannelRateLimitersTests
{
    [Fact]
    public async Task OverTheBurst_CallersWaitForAPermit_RatherThanFail()
    {
        using var limiters = new ChannelRateLimiters(TimeProvider.System);
        var limits = new ChannelRateLimits(RequestsPerSecond: 4, Burst: 1);
        var account = new ChannelAccountContext(1, ChannelKind.Gem, ChannelEnvironment.Sandbox);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiters.AcquireAsync(ChannelKind.Gem, limits, account, CancellationToken.None);
            Assert.True(lease.IsAcquired);
        }

        // One immediately, then one per 250 ms.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task DailyQuota_WhenUsedUp_FailsWithChannelRateLimitException()
    {
        using var limiters = new ChannelRateLimiters(TimeProvider.System);
        var limits = new ChannelRateLimits(RequestsPerSecond: 1000, Burst: 1000, DailyQuota: 2);
        var account = new ChannelAccountContext(2, ChannelKind.Gem, ChannelEnvironment.Sandbox);

        (await limiters.AcquireAsync(ChannelKind.Gem, limits, account, CancellationToken.None)).Dispose();
        (await limiters.AcquireAsync(ChannelKind.Gem, limits, account, CancellationToken.None)).Dispose();

        await Assert.ThrowsAsync<ChannelRateLimitException>(async () => await limiters.AcquireAsync(ChannelKind.Gem, limits, account, CancellationToken.None));
    }

    [Fact]
    public void AccountProperties_OverrideTheChannelDefaults()
    {
        var account = new ChannelAccountContext(3, ChannelKind.TikTokShop, ChannelEnvironment.Production)
        {
            Properties = new Dictionary<string, string> { [ChannelRateLimits.RequestsPerSecondProperty] = "20" },
        };

        var limits = TikTokShopRateLimits.Client.ForAccount(account);

        Assert.Equal(20, limits.RequestsPerSecond);
        Assert.Equal(TikTokShopRateLimits.Client.Burst, limits.Burst);
    }
}
