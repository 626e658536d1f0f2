using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Common.Fakes;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

/// <summary>The OAuth connect flow end to end over HTTP: state first, then consent, then tokens, all or nothing.</summary>
public sealed class ChannelConnectEndpointsTests(ChannelsAppFactory factory) : IClassFixture<ChannelsAppFactory>
{
    private const string UserA = "alice@example.com";
    private const string UserB = "bob@example.com";

    [Fact]
    public async Task Connect_RedirectsToTheChannelsConsentPage_WithAStateAndOurCallback()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);

        var response = await client.GetAsync("/channels/connect/Gem");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("auth.example.test", location.Host);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.EndsWith("/channels/callback/Gem", query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task ConnectAndCallback_AreForAdmins_AStaffMemberGets403_AndNoStateIsIssued()
    {
        var client = await PortalClient.SignedInAsync(factory, "carol.staff@example.com", Roles.Staff);
        await using var before = Db();
        var states = await before.OAuthStates.CountAsync();

        var connect = await client.GetAsync("/channels/connect/Gem");
        var callback = await client.GetAsync("/channels/callback/Gem?code=staff-shop&state=anything");

        Assert.Equal(HttpStatusCode.Forbidden, connect.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        await using var db = Db();
        Assert.Equal(states, await db.OAuthStates.CountAsync());
        Assert.False(await AccountExistsAsync("staff-shop"));
    }

    [Fact]
    public async Task Reconnect_OnceConfirmed_ReplacesTheTokensAndWhatTheChannelReports_AndKeepsTheAccountsSettings()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        await client.GetAsync($"/channels/callback/Gem?code=keep-settings&state={Uri.EscapeDataString(await StartAsync(client))}");
        await using (var db = Db())
        {
            var account = await db.ChannelAccounts.SingleAsync(a => a.ShopId == "keep-settings");
            account.PropertiesJson = ChannelAccountContexts.MergeProperties(account.PropertiesJson, new Dictionary<string, string>
            {
                ["cipher"] = "stale-cipher",
                ["fulfillment_policy_id"] = "6196932000",
            });
            await db.SaveChangesAsync();
        }

        var held = await client.GetAsync($"/channels/callback/Gem?code=keep-settings~2&state={Uri.EscapeDataString(await StartAsync(client))}");
        var answer = await Flow.AnswerPendingAsync(Confirmation(held), replace: true, await AdminAsync(UserA), CancellationToken.None);

        Assert.Equal(new ConnectResult(true, "Connected Shop keep-settings."), answer);
        await using var check = Db();
        var reconnected = await check.ChannelAccounts.SingleAsync(a => a.ShopId == "keep-settings");
        var properties = ChannelAccountContexts.ReadProperties(reconnected.PropertiesJson);
        Assert.Equal("cipher-keep-settings", properties["cipher"]);
        Assert.Equal("6196932000", properties["fulfillment_policy_id"]);
        Assert.Equal(2, properties.Count);
        Assert.Equal("refresh-token-for-keep-settings~2", StoredRefreshToken(reconnected));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "channel.connected" && e.Detail!.Contains("tokens replaced")));
    }

    [Fact]
    public async Task ASecondConsentForAConnectedSeller_IsHeldEncrypted_AndTheAccountKeepsItsTokens_WhenTheAdminSaysNo()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        await client.GetAsync($"/channels/callback/Gem?code=held-shop&state={Uri.EscapeDataString(await StartAsync(client))}");

        var held = await client.GetAsync($"/channels/callback/Gem?code=held-shop~2&state={Uri.EscapeDataString(await StartAsync(client))}");

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.StartsWith("/channels?confirm=", held.Headers.Location!.OriginalString);
        await using (var db = Db())
        {
            Assert.Equal("refresh-token-for-held-shop", StoredRefreshToken(await db.ChannelAccounts.SingleAsync(a => a.ShopId == "held-shop")));
            var pending = await db.PendingConnections.SingleAsync(p => p.Replaces == "Shop held-shop");
            Assert.DoesNotContain("token-for-held-shop~2", pending.ProtectedConnection);
            Assert.Equal(OAuthStateService.Hash(Confirmation(held)), pending.TokenHash);
        }

        var admin = await AdminAsync(UserA);
        Assert.Equal(new PendingConnectionQuestion(ChannelKind.Gem, "Shop held-shop"), await Flow.PendingAsync(Confirmation(held), admin, CancellationToken.None));
        var no = await Flow.AnswerPendingAsync(Confirmation(held), replace: false, admin, CancellationToken.None);
        var yesTooLate = await Flow.AnswerPendingAsync(Confirmation(held), replace: true, admin, CancellationToken.None);

        Assert.Equal("Nothing was replaced: the account keeps the tokens it had.", no.Message);
        Assert.Equal(new ConnectResult(false, "That confirmation has expired or was already answered. Start the connection again from the Channels page."), yesTooLate);
        await using var check = Db();
        Assert.Equal("refresh-token-for-held-shop", StoredRefreshToken(await check.ChannelAccounts.SingleAsync(a => a.ShopId == "held-shop")));
        Assert.False(await check.PendingConnections.AnyAsync(p => p.Replaces == "Shop held-shop"));
        // The no is audited once: the late yes found nothing to answer.
        Assert.Equal(["GeM: Shop held-shop"], await check.AuditEntries.Where(e => e.Action == "channel.connect-declined").Select(e => e.Subject).ToListAsync());
    }

    [Fact]
    public async Task AHeldConsent_IsOnlyItsAdminsToAnswer_AndNotAStaffMembers()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        await PortalClient.EnsureUserAsync(factory, UserB, Roles.Admin);
        await client.GetAsync($"/channels/callback/Gem?code=bound-shop&state={Uri.EscapeDataString(await StartAsync(client))}");
        var held = await client.GetAsync($"/channels/callback/Gem?code=bound-shop~2&state={Uri.EscapeDataString(await StartAsync(client))}");
        var otherAdmin = await AdminAsync(UserB);
        var staffMember = (await AdminAsync(UserA)) with { IsAdmin = false };

        var question = await Flow.PendingAsync(Confirmation(held), otherAdmin, CancellationToken.None);
        var answer = await Flow.AnswerPendingAsync(Confirmation(held), replace: true, otherAdmin, CancellationToken.None);
        var staff = await Assert.ThrowsAsync<AdminRequiredException>(() =>
            Flow.AnswerPendingAsync(Confirmation(held), replace: true, staffMember, CancellationToken.None));

        Assert.Null(question);
        Assert.False(answer.Connected);
        Assert.Equal("Only an Admin can connect a marketplace account.", staff.Message);
        await using var db = Db();
        Assert.Equal("refresh-token-for-bound-shop", StoredRefreshToken(await db.ChannelAccounts.SingleAsync(a => a.ShopId == "bound-shop")));
        Assert.Equal(new PendingConnectionQuestion(ChannelKind.Gem, "Shop bound-shop"), await Flow.PendingAsync(Confirmation(held), await AdminAsync(UserA), CancellationToken.None));
    }

    [Fact]
    public async Task AnAccountThatNeedsReauthorization_IsReconnectedWithoutAQuestion()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        await client.GetAsync($"/channels/callback/Gem?code=expired-shop&state={Uri.EscapeDataString(await StartAsync(client))}");
        await using (var db = Db())
        {
            await db.ChannelAccounts.Where(a => a.ShopId == "expired-shop").ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ChannelAccountStatus.NeedsReauth));
        }

        var response = await client.GetAsync($"/channels/callback/Gem?code=expired-shop~2&state={Uri.EscapeDataString(await StartAsync(client))}");

        Assert.Equal("/channels?connected=Shop%20expired-shop", response.Headers.Location!.OriginalString);
        await using var check = Db();
        var account = await check.ChannelAccounts.SingleAsync(a => a.ShopId == "expired-shop");
        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.Equal("refresh-token-for-expired-shop~2", StoredRefreshToken(account));
    }

    [Fact]
    public async Task Connect_RequiresSignIn()
    {
        // With nobody set up yet, every door leads to first-run setup instead: someone exists here, as in the other tests.
        await PortalClient.EnsureUserAsync(factory, UserA, Roles.Admin);
        var response = await PortalClient.Anonymous(factory).GetAsync("/channels/connect/Gem");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Callback_WithItsState_CreatesTheAccountWithEncryptedTokens_AndAudits()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var state = await StartAsync(client);

        var response = await client.GetAsync($"/channels/callback/Gem?code=good-shop&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/channels?connected=Shop%20good-shop", response.Headers.Location!.OriginalString);
        await using var db = Db();
        var account = await db.ChannelAccounts.SingleAsync(a => a.ShopId == "good-shop");
        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.DoesNotContain("access-token-for-good-shop", account.EncryptedCredentials);
        Assert.DoesNotContain("refresh-token-for-good-shop", account.EncryptedCredentials);
        Assert.Contains("cipher-good-shop", account.PropertiesJson);
        var stored = factory.Services.GetRequiredService<ChannelCredentialStore>().Read(account);
        Assert.Equal("refresh-token-for-good-shop", stored!.Tokens!.RefreshToken);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "channel.connected" && e.Subject!.Contains("Shop good-shop")));
    }

    [Fact]
    public async Task Callback_ReplayedState_IsRefused_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var state = await StartAsync(client);
        await client.GetAsync($"/channels/callback/Gem?code=replay-first&state={Uri.EscapeDataString(state)}");

        var replay = await client.GetAsync($"/channels/callback/Gem?code=replay-second&state={Uri.EscapeDataString(state)}");

        AssertRefused(replay, "already used");
        Assert.False(await AccountExistsAsync("replay-second"));
    }

    [Fact]
    public async Task Callback_UnknownState_IsRefused_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var completesBefore = Fake.CompleteCount;

        var response = await client.GetAsync("/channels/callback/Gem?code=forged&state=made-up-state");

        AssertRefused(response, "did not match");
        Assert.False(await AccountExistsAsync("forged"));
        Assert.Equal(completesBefore, Fake.CompleteCount);
    }

    [Fact]
    public async Task Callback_WithoutState_IsRefused_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);

        var response = await client.GetAsync("/channels/callback/Gem?code=no-state");

        AssertRefused(response, "valid sign-in check");
        Assert.False(await AccountExistsAsync("no-state"));
    }

    [Fact]
    public async Task Callback_AnotherUsersState_IsRefused_AndStoresNothing()
    {
        var alice = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var bob = await PortalClient.SignedInAsync(factory, UserB, Roles.Admin);
        var aliceState = await StartAsync(alice);

        var response = await bob.GetAsync($"/channels/callback/Gem?code=hijack&state={Uri.EscapeDataString(aliceState)}");

        AssertRefused(response, "another user");
        Assert.False(await AccountExistsAsync("hijack"));
    }

    [Fact]
    public async Task Callback_StateOlderThanTenMinutes_IsRefused_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        const string state = "an-old-state-value";
        await using (var db = Db())
        {
            var userId = (await db.Users.SingleAsync(u => u.Email == UserA)).Id;
            db.OAuthStates.Add(new OAuthState
            {
                StateHash = OAuthStateService.Hash(state),
                UserId = userId,
                Channel = FakeChannelAuthorization.Kind,
                CreatedUtc = DateTime.UtcNow.AddMinutes(-11),
                ExpiresUtc = DateTime.UtcNow.AddMinutes(-1),
            });
            await db.SaveChangesAsync();
        }

        var response = await client.GetAsync($"/channels/callback/Gem?code=too-late&state={state}");

        AssertRefused(response, "expired");
        Assert.False(await AccountExistsAsync("too-late"));
    }

    [Fact]
    public async Task Callback_ConsentDenied_SaysSo_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var state = await StartAsync(client);

        var response = await client.GetAsync($"/channels/callback/Gem?error=access_denied&code=denied&state={Uri.EscapeDataString(state)}");

        AssertRefused(response, "not granted");
        Assert.False(await AccountExistsAsync("denied"));
    }

    [Fact]
    public async Task Callback_TokenEndpointRefuses_ShowsItsMessage_AndStoresNothing()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);
        var state = await StartAsync(client);

        var response = await client.GetAsync($"/channels/callback/Gem?code=fail&state={Uri.EscapeDataString(state)}");

        AssertRefused(response, "authorization code is invalid");
        Assert.False(await AccountExistsAsync("fail"));
    }

    [Fact]
    public async Task Connect_ChannelWithoutAuthorization_ReturnsToChannelsWithAMessage()
    {
        var client = await PortalClient.SignedInAsync(factory, UserA, Roles.Admin);

        var response = await client.GetAsync("/channels/connect/IndiaMart");

        AssertRefused(response, "cannot be connected yet");
    }

    private FakeChannelAuthorization Fake => factory.Services.GetRequiredService<FakeChannelAuthorization>();

    private ChannelConnectFlow Flow => factory.Services.GetRequiredService<ChannelConnectFlow>();

    private async Task<Actor> AdminAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        return new Actor(user!.Id, email, IsAdmin: true);
    }

    private static string Confirmation(HttpResponseMessage held) =>
        QueryHelpers.ParseQuery(new Uri("http://portal" + held.Headers.Location!.OriginalString).Query)["confirm"].ToString();

    private string? StoredRefreshToken(ChannelAccount account) =>
        factory.Services.GetRequiredService<ChannelCredentialStore>().Read(account)?.Tokens?.RefreshToken;

    private AppDbContext Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<bool> AccountExistsAsync(string shopId)
    {
        await using var db = Db();
        return await db.ChannelAccounts.AnyAsync(a => a.ShopId == shopId);
    }

    private static async Task<string> StartAsync(HttpClient client)
    {
        var response = await client.GetAsync("/channels/connect/Gem");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"].ToString();
    }

    private static void AssertRefused(HttpResponseMessage response, string expected)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/channels?error=", location);
        Assert.Contains(expected, Uri.UnescapeDataString(location["/channels?error=".Length..]));
    }
}
