using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>
/// Two eBay stores on one marketplace are two accounts: the portal asks Commerce Identity whose token it got and keys
/// the account by that user id, so connecting store B never runs store A's listings, stock and orders against B.
/// </summary>
public sealed class EbayStoresTests : IAsyncLifetime
{
    private readonly PortalAppFactory factory = PortalAppFactory.WithEmulators();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ASecondStore_BecomesASecondAccount_AndReconnectingTheFirstUpdatesOnlyIt()
    {
        var admin = await PortalClient.SignedInAsync(factory, "ebay-admin@example.com", Roles.Admin);

        await ConnectAsync(admin, "north_store");
        var north = await AccountAsync("north_store");
        await ConnectAsync(admin, "south_store");
        // north_store is connected: its new consent waits for the Admin's yes.
        var held = await ConnectAsync(admin, "north_store", expect: "/channels?confirm=");
        var confirmation = QueryHelpers.ParseQuery(new Uri("http://portal" + held).Query)["confirm"].ToString();
        var answer = await factory.Services.GetRequiredService<ChannelConnectFlow>()
            .AnswerPendingAsync(confirmation, replace: true, await ActorAsync("ebay-admin@example.com"), CancellationToken.None);
        Assert.Equal("Connected north_store (eBay EBAY_US).", answer.Message);

        await using var db = Db();
        var accounts = await db.ChannelAccounts.AsNoTracking().Where(a => a.Channel == ChannelKind.Ebay).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["north_store (eBay EBAY_US)", "south_store (eBay EBAY_US)"], accounts.Select(a => a.ShopName));
        Assert.Equal(north.Id, accounts[0].Id);
        Assert.NotEqual(accounts[0].ShopId, accounts[1].ShopId);
        Assert.Equal(accounts[0].ShopId, accounts[0].SellerId);
        Assert.Equal("EBAY_US", ChannelAccountContexts.ReadProperties(accounts[1].PropertiesJson)["marketplace_id"]);
        // The reconnect replaced north's tokens and left south's alone.
        var store = factory.Services.GetRequiredService<ChannelCredentialStore>();
        Assert.NotEqual(store.Read(north)!.Tokens!.AccessToken, store.Read(accounts[0])!.Tokens!.AccessToken);
    }

    [Fact]
    public async Task AnAccountStoredUnderTheMarketplaceId_IsTakenOverByItsStore_NotDuplicated()
    {
        var admin = await PortalClient.SignedInAsync(factory, "ebay-admin@example.com", Roles.Admin);
        int legacyId;
        await using (var db = Db())
        {
            var legacy = new ChannelAccount
            {
                Channel = ChannelKind.Ebay, DisplayName = "eBay seller (EBAY_US)", ShopId = "EBAY_US", Environment = ChannelEnvironment.Sandbox,
                Status = ChannelAccountStatus.NeedsReauth, CreatedUtc = DateTime.UtcNow,
                PropertiesJson = ChannelAccountContexts.WriteProperties(new Dictionary<string, string> { ["fulfillment_policy_id"] = "6196932000" }),
            };
            db.ChannelAccounts.Add(legacy);
            await db.SaveChangesAsync();
            legacyId = legacy.Id;
        }

        await ConnectAsync(admin, "legacy_store");

        await using var check = Db();
        var account = await check.ChannelAccounts.AsNoTracking().SingleAsync(a => a.Channel == ChannelKind.Ebay);
        Assert.Equal(legacyId, account.Id);
        Assert.Equal("legacy_store (eBay EBAY_US)", account.ShopName);
        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.Equal("6196932000", ChannelAccountContexts.ReadProperties(account.PropertiesJson)["fulfillment_policy_id"]);
    }

    [Fact]
    public async Task TheDatabase_RefusesASecondAccountForTheSameShopAndEnvironment()
    {
        await using var db = Db();
        db.ChannelAccounts.AddRange(
            new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "a", ShopId = "same-user", Environment = ChannelEnvironment.Production },
            new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "b", ShopId = "same-user", Environment = ChannelEnvironment.Production });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private async Task<string> ConnectAsync(HttpClient admin, string username, string expect = "/channels?connected=")
    {
        var start = await admin.GetAsync("/channels/connect/Ebay?environment=Sandbox");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consent = await ConsentFlow.DecideAsync(factory, start.Headers.Location!, approve: true, new Dictionary<string, string> { ["username"] = username });
        var callback = await admin.GetAsync(consent.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.StartsWith(expect, callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return callback.Headers.Location!.OriginalString;
    }

    private async Task<SellerPortal.Features.Admin.Audit.Actor> ActorAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return new SellerPortal.Features.Admin.Audit.Actor(user!.Id, email, IsAdmin: true);
    }

    private async Task<ChannelAccount> AccountAsync(string username)
    {
        await using var db = Db();
        return await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.ShopName == $"{username} (eBay EBAY_US)");
    }

    private AppDbContext Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
}
