using SellerPortal.Features.Channels;
using SellerPortal.Features.Dashboard;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Dashboard;

public sealed class ChannelHealthSummaryTests
{
    [Fact]
    public void TheLastCallFailing_IsError() =>
        Assert.Equal(ChannelHealth.Error, Classify(ChannelAccountStatus.Connected, 500, 200, 200).Health);

    [Fact]
    public void ANoAnswerLastCall_IsError() =>
        Assert.Equal(ChannelHealth.Error, Classify(ChannelAccountStatus.Connected, null, 200).Health);

    [Fact]
    public void AnEarlierFailure_IsDegraded_WithTheCount()
    {
        var row = Classify(ChannelAccountStatus.Connected, 200, 429, 200, 503);

        Assert.Equal(ChannelHealth.Degraded, row.Health);
        Assert.Equal("2 of the last 4 calls failed", row.Reason);
    }

    [Fact]
    public void OnlySuccesses_AreHealthy() =>
        Assert.Equal(ChannelHealth.Healthy, Classify(ChannelAccountStatus.Connected, 200, 201, 204).Health);

    [Fact]
    public void AnAccountWaitingToBeReconnected_IsError_EvenAfterGoodCalls() =>
        Assert.Equal(ChannelHealth.Error, Classify(ChannelAccountStatus.NeedsReauth, 200).Health);

    [Fact]
    public void NoCalls_IsIdle() =>
        Assert.Equal(ChannelHealth.Idle, Classify(ChannelAccountStatus.Connected).Health);

    private static ChannelHealthRow Classify(ChannelAccountStatus status, params int?[] latestFirst) =>
        ChannelHealthSummary.Classify(1, "Shop", ChannelKind.TikTokShop, status, null, latestFirst);
}
