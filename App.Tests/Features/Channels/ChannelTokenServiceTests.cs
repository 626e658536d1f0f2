using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Common;
using SellerPortal.Tests.Integrations.Common.Fakes;

namespace SellerPortal.Tests.Features.Channels;

public sealed class ChannelTokenServiceTests : IAsyncLifetime
{
    private readonly CommonTestHost host = new();

    private DateTime Now => host.Clock.GetUtcNow().UtcDateTime;

    private FakeChannelAuthorization Authorization => host.Get<FakeChannelAuthorization>();

    private ChannelTokenService Tokens => host.Get<ChannelTokenService>();

    [Fact]
    public async Task ExpiredToken_TwentyParallelCallers_RefreshOnce_AndPersistTheRotatedRefreshToken()
    {
        var account = await host.AddAccountAsync(new TokenSet("access-0", Now.AddMinutes(-1), "refresh-0", Now.AddDays(10)));
        Authorization.RefreshDelay = TimeSpan.FromMilliseconds(200);

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => Tokens.GetAccessTokenAsync(account, CancellationToken.None))));

        Assert.Equal(1, Authorization.RefreshCount);
        Assert.All(results, token => Assert.Equal("access-1", token));
        var stored = await host.Get<ChannelCredentialStore>().LoadAsync(account.AccountId, CancellationToken.None);
        Assert.Equal("refresh-1", stored!.Tokens!.RefreshToken);
        Assert.Equal("access-1", stored.Tokens.AccessToken);
        await using var db = host.Db();
        var row = await db.ChannelAccounts.SingleAsync(a => a.Id == account.AccountId);
        Assert.Equal(Now + Authorization.AccessTokenLifetime, row.AccessTokenExpiresUtc);
    }

    [Fact]
    public async Task ARefreshInFlightWhenStaffDisconnect_WritesNothingBack_AndTheCallerIsToldToReconnect()
    {
        await using var local = new CommonTestHost(services =>
        {
            services.AddSingleton<SellerPortal.Features.Admin.Audit.AuditLog>();
            services.AddSingleton<ChannelAccountsService>();
        });
        var now = local.Clock.GetUtcNow().UtcDateTime;
        var account = await local.AddAccountAsync(new TokenSet("access-0", now.AddMinutes(-1), "refresh-0", now.AddDays(10)));
        local.Get<FakeChannelAuthorization>().WhileRefreshing = () =>
            local.Get<ChannelAccountsService>().DisconnectAsync(account.AccountId, new SellerPortal.Features.Admin.Audit.Actor("u1", "admin@example.test", IsAdmin: true), CancellationToken.None);

        var error = await Assert.ThrowsAsync<ChannelAuthException>(() => local.Get<ChannelTokenService>().GetAccessTokenAsync(account, CancellationToken.None));

        Assert.True(error.RequiresReauthorization);
        Assert.Contains("disconnected", error.Message);
        await using var db = local.Db();
        var row = await db.ChannelAccounts.SingleAsync(a => a.Id == account.AccountId);
        Assert.Equal(ChannelAccountStatus.Disconnected, row.Status);
        Assert.Null(row.EncryptedCredentials);
        Assert.Null(row.AccessTokenExpiresUtc);
        Assert.Null(await local.Get<ChannelCredentialStore>().LoadAsync(account.AccountId, CancellationToken.None));
    }

    [Fact]
    public async Task RevokedRefreshToken_MarksAccountNeedsReauth_AndRethrows()
    {
        var account = await host.AddAccountAsync(new TokenSet("access-0", Now.AddMinutes(-1), "refresh-0", Now.AddDays(10)));
        Authorization.RefreshTokenRevoked = true;

        var error = await Assert.ThrowsAsync<ChannelAuthException>(() => Tokens.GetAccessTokenAsync(account, CancellationToken.None));

        Assert.True(error.RequiresReauthorization);
        await using var db = host.Db();
        var row = await db.ChannelAccounts.SingleAsync(a => a.Id == account.AccountId);
        Assert.Equal(ChannelAccountStatus.NeedsReauth, row.Status);
        Assert.Contains("revoked", row.LastError);
    }

    [Fact]
    public async Task TokenFourMinutesFromExpiry_IsRefreshed()
    {
        var account = await host.AddAccountAsync(new TokenSet("access-0", Now.AddMinutes(4), "refresh-0", Now.AddDays(10)));

        var token = await Tokens.GetAccessTokenAsync(account, CancellationToken.None);

        Assert.Equal("access-1", token);
        Assert.Equal(1, Authorization.RefreshCount);
    }

    [Fact]
    public async Task TokenTenMinutesFromExpiry_IsNotRefreshed_UntilTheClockReachesTheRefreshWindow()
    {
        var account = await host.AddAccountAsync(new TokenSet("access-0", Now.AddMinutes(10), "refresh-0", Now.AddDays(10)));

        var first = await Tokens.GetAccessTokenAsync(account, CancellationToken.None);
        Assert.Equal("access-0", first);
        Assert.Equal(0, Authorization.RefreshCount);

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        var later = await Tokens.GetAccessTokenAsync(account, CancellationToken.None);

        Assert.Equal("access-1", later);
        Assert.Equal(1, Authorization.RefreshCount);
    }

    [Fact]
    public async Task RefreshAfterRejection_RefreshesOnce_ThenAnotherCallerWithTheSameRejectedTokenGetsTheNewOne()
    {
        var account = await host.AddAccountAsync(new TokenSet("access-0", Now.AddHours(2), "refresh-0", Now.AddDays(10)));

        var first = await Tokens.RefreshAfterRejectionAsync(account, "access-0", CancellationToken.None);
        var second = await Tokens.RefreshAfterRejectionAsync(account, "access-0", CancellationToken.None);

        Assert.Equal("access-1", first);
        Assert.Equal("access-1", second);
        Assert.Equal(1, Authorization.RefreshCount);
    }

    [Fact]
    public async Task EncryptedCredentialsColumn_DoesNotContainTheTokenText_ButReadsBack()
    {
        var account = await host.AddAccountAsync(new TokenSet("plain-access-token-123", Now.AddHours(2), "plain-refresh-token-456", Now.AddDays(10)));

        await using var db = host.Db();
        var column = await db.ChannelAccounts.Where(a => a.Id == account.AccountId).Select(a => a.EncryptedCredentials).SingleAsync();

        Assert.False(string.IsNullOrEmpty(column));
        Assert.DoesNotContain("plain-access-token-123", column);
        Assert.DoesNotContain("plain-refresh-token-456", column);
        var stored = await host.Get<ChannelCredentialStore>().LoadAsync(account.AccountId, CancellationToken.None);
        Assert.Equal("plain-access-token-123", stored!.Tokens!.AccessToken);
    }

    [Fact]
    public void Credentials_ToString_HidesTokensAndSecrets()
    {
        var credentials = new ChannelCredentials(
            new TokenSet("secret-access", Now, "secret-refresh", null), new Dictionary<string, string> { ["apiKey"] = "secret-key" });

        var text = credentials.ToString();

        Assert.DoesNotContain("secret-", text);
        Assert.Contains("apiKey", text);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await host.DisposeAsync();
}
