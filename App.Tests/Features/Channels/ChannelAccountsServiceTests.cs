using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Common.Fakes;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

public sealed class ChannelAccountsServiceTests(ChannelsAppFactory factory) : IClassFixture<ChannelsAppFactory>
{
    private ChannelAccountsService Service => factory.Services.GetRequiredService<ChannelAccountsService>();

    [Fact]
    public async Task Cards_ListEveryMarketplace_InOrder_WithOnlyRegisteredOnesAvailable()
    {
        var cards = await Service.GetCardsAsync(CancellationToken.None);

        Assert.Equal(ChannelNames.InDisplayOrder, cards.Select(c => c.Channel));
        Assert.True(cards.Single(c => c.Channel == FakeChannelAuthorization.Kind).Available);
        Assert.False(cards.Single(c => c.Channel == ChannelKind.IndiaMart).Available);
    }

    [Fact]
    public void AccountView_CarriesNoSecrets()
    {
        var names = typeof(ChannelAccountView).GetProperties().Select(p => p.Name).ToList();

        Assert.DoesNotContain(names, n => n.Contains("Credential", StringComparison.OrdinalIgnoreCase)
            || n.Contains("Token", StringComparison.OrdinalIgnoreCase) && !n.Contains("Expires", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disconnect_ByAStaffMember_IsRefusedByTheServiceItself_AndChangesNothing()
    {
        var id = await AddAccountAsync("staff-cannot-disconnect");

        var refused = await Assert.ThrowsAsync<AdminRequiredException>(() =>
            Service.DisconnectAsync(id, new Actor("user-2", "staff@example.com"), CancellationToken.None));

        Assert.Equal("Only an Admin can disconnect a marketplace account.", refused.Message);
        await using var db = Db();
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == id);
        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.NotNull(account.EncryptedCredentials);
    }

    [Fact]
    public async Task Disconnect_ClearsCredentials_SetsDisconnected_AndAudits()
    {
        var id = await AddAccountAsync("disconnect-me");

        Assert.True(await Service.DisconnectAsync(id, new Actor("user-1", "admin@example.com", IsAdmin: true), CancellationToken.None));

        await using var db = Db();
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == id);
        Assert.Equal(ChannelAccountStatus.Disconnected, account.Status);
        Assert.Null(account.EncryptedCredentials);
        Assert.Null(account.AccessTokenExpiresUtc);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "channel.disconnected" && e.Detail == $"account {id}"));
    }

    [Fact]
    public async Task TestConnection_Success_ReturnsTheConnectorsResult()
    {
        var id = await AddAccountAsync("healthy-shop");

        var result = await Service.TestConnectionAsync(id, CancellationToken.None);

        Assert.True(result.Ok);
        Assert.Equal("healthy-shop", result.ShopName);
    }

    [Fact]
    public async Task TestConnection_ChannelError_IsItsSentence()
    {
        var id = await AddAccountAsync("broken-shop");

        var result = await Service.TestConnectionAsync(id, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("GeM had a problem on its side (503). Try again later.", result.Message);
    }

    [Fact]
    public async Task TestConnection_UnexpectedError_ShowsNoDetail()
    {
        var id = await AddAccountAsync("crash-shop");

        var result = await Service.TestConnectionAsync(id, CancellationToken.None);

        Assert.False(result.Ok);
        Assert.DoesNotContain("stack trace", result.Message);
        Assert.Contains("application log", result.Message);
    }

    [Fact]
    public async Task ChannelsPage_RendersACardPerMarketplace_ForASignedInUser()
    {
        var client = await PortalClient.SignedInAsync(factory, "page@example.com", SellerPortal.Data.Roles.Staff);

        var response = await client.GetAsync("/channels");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var channel in ChannelNames.InDisplayOrder)
        {
            Assert.Contains($"data-testid=\"channel-card-{channel}\"", html);
        }

        Assert.Contains("data-testid=\"coming-soon-IndiaMart\"", html);
    }

    private AppDbContext Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<int> AddAccountAsync(string shopId)
    {
        await using var db = Db();
        var account = new ChannelAccount { Channel = FakeChannelAuthorization.Kind, DisplayName = shopId, ShopId = shopId, CreatedUtc = DateTime.UtcNow };
        factory.Services.GetRequiredService<ChannelCredentialStore>()
            .Write(account, ChannelCredentials.FromTokens(new TokenSet("a", DateTime.UtcNow.AddHours(1), "r", null)));
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }
}
