using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Common;

namespace SellerPortal.Tests.Features.Channels;

public sealed class OAuthStateServiceTests : IAsyncLifetime
{
    private readonly CommonTestHost host = new();

    private OAuthStateService States => host.Get<OAuthStateService>();

    [Fact]
    public async Task IssuedState_IsAcceptedOnce_ForTheSameUserAndChannel()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Sandbox, "US", CancellationToken.None);

        var first = await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None);
        var replay = await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None);

        Assert.True(first.Ok);
        Assert.Equal(ChannelEnvironment.Sandbox, first.Environment);
        Assert.Equal("US", first.Region);
        Assert.False(replay.Ok);
        Assert.Contains("already used", replay.Error);
    }

    [Fact]
    public async Task TheShopAConnectionWasStartedFor_ComesBackWithItsState()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.Shopify, ChannelEnvironment.Production, null, CancellationToken.None, "acme-goods.myshopify.com");
        var other = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);

        Assert.Equal("acme-goods.myshopify.com", (await States.ConsumeAsync(state, "user-a", ChannelKind.Shopify, CancellationToken.None)).Shop);
        Assert.Null((await States.ConsumeAsync(other, "user-a", ChannelKind.TikTokShop, CancellationToken.None)).Shop);
    }

    [Fact]
    public async Task State_IsStoredOnlyAsAHash()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);

        await using var db = host.Db();
        var stored = await db.OAuthStates.SingleAsync();

        Assert.NotEqual(state, stored.StateHash);
        Assert.Equal(OAuthStateService.Hash(state), stored.StateHash);
    }

    [Fact]
    public async Task StateOlderThanTenMinutes_IsRefused()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var check = await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None);

        Assert.False(check.Ok);
        Assert.Contains("expired", check.Error);
    }

    [Fact]
    public async Task StateNineMinutesOld_IsAccepted()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(9));

        Assert.True((await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task AnotherUsersState_IsRefused_AndStaysUsableByItsOwner()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);

        var stolen = await States.ConsumeAsync(state, "user-b", ChannelKind.TikTokShop, CancellationToken.None);
        var owner = await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None);

        Assert.False(stolen.Ok);
        Assert.Contains("another user", stolen.Error);
        Assert.True(owner.Ok);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-state-we-issued")]
    public async Task MissingOrUnknownState_IsRefused(string? state)
    {
        await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);

        Assert.False((await States.ConsumeAsync(state, "user-a", ChannelKind.TikTokShop, CancellationToken.None)).Ok);
    }

    [Fact]
    public async Task StateForAnotherChannel_IsRefused()
    {
        var state = await States.IssueAsync("user-a", ChannelKind.TikTokShop, ChannelEnvironment.Production, null, CancellationToken.None);

        Assert.False((await States.ConsumeAsync(state, "user-a", ChannelKind.Ebay, CancellationToken.None)).Ok);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();
}
