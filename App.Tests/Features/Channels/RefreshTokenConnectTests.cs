using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

/// <summary>Amazon self-authorization: a private app's refresh token connects an account without the consent page.</summary>
public sealed class RefreshTokenConnectTests : IAsyncLifetime
{
    private static readonly SellerPortal.Features.Admin.Audit.Actor Admin = new("u1", "admin@example.com", IsAdmin: true);

    private readonly PortalAppFactory factory = PortalAppFactory.WithEmulators();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task AValidRefreshToken_ConnectsTheSeller_WithTheTokenStoredEncrypted()
    {
        var minted = await factory.CreateClient().PostAsync("/sandbox/amazon/_control/refresh-tokens", null);
        var body = await minted.Content.ReadFromJsonAsync<JsonElement>();
        var refreshToken = body.GetProperty("refresh_token").GetString()!;
        var seller = body.GetProperty("selling_partner_id").GetString()!;
        var flow = factory.Services.GetRequiredService<ChannelConnectFlow>();
        var amazon = factory.Services.GetRequiredService<ChannelRegistry>().RefreshTokenConnect(ChannelKind.Amazon)!;

        var (connected, message) = await flow.ConnectWithRefreshTokenAsync(amazon, ChannelEnvironment.Production, refreshToken, seller, "NA", Admin, CancellationToken.None);

        Assert.True(connected, message);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var account = await db.ChannelAccounts.SingleAsync(a => a.Channel == ChannelKind.Amazon);
        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.Equal(seller, account.SellerId);
        Assert.Equal($"{seller}/NA", account.ShopId);
        Assert.DoesNotContain(refreshToken, account.EncryptedCredentials);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "channel.connected" && a.Detail!.Contains("self-authorized")));
    }

    [Fact]
    public async Task AStaffMember_IsRefusedByTheFlowItself_BeforeTheTokenIsTried()
    {
        var flow = factory.Services.GetRequiredService<ChannelConnectFlow>();
        var amazon = factory.Services.GetRequiredService<ChannelRegistry>().RefreshTokenConnect(ChannelKind.Amazon)!;

        var refused = await Assert.ThrowsAsync<SellerPortal.Features.Admin.Audit.AdminRequiredException>(() => flow.ConnectWithRefreshTokenAsync(
            amazon, ChannelEnvironment.Production, "Atzr|anything", "A1SELLER", "NA", Admin with { IsAdmin = false }, CancellationToken.None));

        Assert.Equal("Only an Admin can connect a marketplace account.", refused.Message);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.ChannelAccounts.AnyAsync());
    }

    [Fact]
    public async Task AWrongRefreshToken_IsRefusedWithTheChannelsReason_AndStoresNothing()
    {
        var flow = factory.Services.GetRequiredService<ChannelConnectFlow>();
        var amazon = factory.Services.GetRequiredService<ChannelRegistry>().RefreshTokenConnect(ChannelKind.Amazon)!;

        var (connected, message) = await flow.ConnectWithRefreshTokenAsync(amazon, ChannelEnvironment.Production, "Atzr|not-a-real-token", "A1SELLER", "NA", Admin, CancellationToken.None);

        Assert.False(connected);
        Assert.StartsWith("Amazon did not accept that refresh token", message);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.ChannelAccounts.AnyAsync());
    }

    [Fact]
    public async Task ASellerAlreadyConnected_KeepsItsTokens_UntilAnAdminConfirmsTheReplacement()
    {
        var flow = factory.Services.GetRequiredService<ChannelConnectFlow>();
        var amazon = factory.Services.GetRequiredService<ChannelRegistry>().RefreshTokenConnect(ChannelKind.Amazon)!;
        async Task<(string Token, string Seller)> MintAsync()
        {
            var body = await (await factory.CreateClient().PostAsync("/sandbox/amazon/_control/refresh-tokens", null)).Content.ReadFromJsonAsync<JsonElement>();
            return (body.GetProperty("refresh_token").GetString()!, body.GetProperty("selling_partner_id").GetString()!);
        }

        var (first, seller) = await MintAsync();
        Assert.True((await flow.ConnectWithRefreshTokenAsync(amazon, ChannelEnvironment.Production, first, seller, "NA", Admin, CancellationToken.None)).Connected);
        var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        string Stored() { using var c = db.CreateDbContext(); return c.ChannelAccounts.Single(a => a.Channel == ChannelKind.Amazon).EncryptedCredentials!; }
        var before = Stored();
        var (second, sameSeller) = await MintAsync();

        var asked = await flow.ConnectWithRefreshTokenAsync(amazon, ChannelEnvironment.Production, second, sameSeller, "NA", Admin, CancellationToken.None);
        var unchanged = Stored();
        var confirmed = await flow.ConnectWithRefreshTokenAsync(amazon, ChannelEnvironment.Production, second, sameSeller, "NA", Admin, CancellationToken.None, replaceExisting: true);

        Assert.Equal(seller, sameSeller);
        Assert.False(asked.Connected);
        Assert.True(asked.NeedsConfirmation);
        Assert.EndsWith("is already connected. Connecting again replaces its tokens: confirm to go on.", asked.Message);
        Assert.Equal(before, unchanged);
        Assert.True(confirmed.Connected);
        Assert.NotEqual(before, Stored());
        await using var context = await db.CreateDbContextAsync();
        Assert.Equal(1, await context.ChannelAccounts.CountAsync(a => a.Channel == ChannelKind.Amazon));
        Assert.True(await context.AuditEntries.AnyAsync(a => a.Action == "channel.connected" && a.Detail!.Contains("tokens replaced, accounts ")));
    }
}
