using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Tests.Features.Channels;
using SellerPortal.Tests.Integrations.Common.Fakes;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Webhooks;

/// <summary>POST /webhooks/{channel}: signature before anything, one stored event per channel event id, work queued with it.</summary>
public sealed class WebhookEndpointTests(ChannelsAppFactory factory) : IClassFixture<ChannelsAppFactory>
{
    [Fact]
    public async Task ValidWebhook_IsAcceptedOnce_AndARedeliveryChangesNothing()
    {
        var accountId = await AddAccountAsync("hook-shop");
        var body = """{"id":"evt-100","shop_id":"hook-shop","order_id":"order-9","type":"order"}""";
        var client = PortalClient.Anonymous(factory);

        var first = await PostAsync(client, body, FakeWebhookVerifier.Sign(body));
        var again = await PostAsync(client, body, FakeWebhookVerifier.Sign(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Processed", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Duplicate", await again.Content.ReadAsStringAsync());
        await using var db = Db();
        var stored = await db.WebhookEvents.Where(e => e.EventId == "evt-100").ToListAsync();
        var evt = Assert.Single(stored);
        Assert.Equal(accountId, evt.ChannelAccountId);
        Assert.Equal(WebhookOutcome.Processed, evt.Outcome);
        var job = Assert.Single(await db.SyncJobs.Where(j => j.Target == "order-9").ToListAsync());
        Assert.Equal(SyncJobKind.RefreshOrder, job.Kind);
        Assert.Equal(accountId, job.ChannelAccountId);
        Assert.Equal($"order:{accountId}:order-9", job.DedupeKey);
        Assert.Equal(SyncLanes.Orders, job.Priority);
    }

    [Fact]
    public async Task AnErasureNotice_IsLoggedAsItsIdAndADigest_NeverTheBuyer_AndCannotBeReplayed()
    {
        await AddAccountAsync("erase-shop");
        var body = """{"id":"evt-erase-1","shop_id":"erase-shop","type":"erase","buyer":"jdoe_private_user"}""";

        var response = await PostAsync(PortalClient.Anonymous(factory), body, FakeWebhookVerifier.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var stored = await db.WebhookEvents.SingleAsync(e => e.EventId == "evt-erase-1");
        Assert.Null(stored.Payload);
        Assert.Null(stored.Headers);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
        Assert.EndsWith($"only its digest is kept: sha256:{digest}.", stored.Error);
        Assert.DoesNotContain("jdoe_private_user", stored.Error);
        var replay = await factory.Services.GetRequiredService<IWebhookReplayer>().ReplayAsync(stored.Id, CancellationToken.None);
        Assert.Equal("That webhook named a person, so its body was not kept and it cannot be replayed.", replay.Message);
    }

    [Fact]
    public async Task ReplayingAStoredWebhook_ChangesNothingTheSecondTime()
    {
        var accountId = await AddAccountAsync("replay-shop");
        var body = """{"id":"evt-replay","shop_id":"replay-shop","order_id":"order-r","type":"order"}""";
        await PostAsync(PortalClient.Anonymous(factory), body, FakeWebhookVerifier.Sign(body));
        long eventId;
        await using (var db = Db())
        {
            eventId = (await db.WebhookEvents.SingleAsync(e => e.EventId == "evt-replay")).Id;
        }

        var replayer = factory.Services.GetRequiredService<IWebhookReplayer>();
        var first = await replayer.ReplayAsync(eventId, CancellationToken.None);
        var second = await replayer.ReplayAsync(eventId, CancellationToken.None);

        Assert.True(first.Succeeded, first.Message);
        Assert.True(second.Succeeded, second.Message);
        await using var check = Db();
        Assert.Single(await check.WebhookEvents.Where(e => e.EventId == "evt-replay").ToListAsync());
        var job = Assert.Single(await check.SyncJobs.Where(j => j.Target == "order-r").ToListAsync());
        Assert.Equal(accountId, job.ChannelAccountId);
    }

    [Fact]
    public async Task ForgedSignature_Gets401_AndWritesNothing()
    {
        await AddAccountAsync("forged-shop");
        var body = """{"id":"evt-forged","shop_id":"forged-shop","order_id":"order-forged","type":"order"}""";
        await using var before = Db();
        var events = await before.WebhookEvents.CountAsync();
        var jobs = await before.SyncJobs.CountAsync();

        var response = await PostAsync(PortalClient.Anonymous(factory), body, FakeWebhookVerifier.Sign(body + " "));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = Db();
        Assert.Equal(events, await db.WebhookEvents.CountAsync());
        Assert.Equal(jobs, await db.SyncJobs.CountAsync());
    }

    [Fact]
    public async Task MissingSignature_Gets401()
    {
        var body = """{"id":"evt-unsigned","shop_id":"x","order_id":"o","type":"order"}""";

        var response = await PostAsync(PortalClient.Anonymous(factory), body, signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = Db();
        Assert.False(await db.WebhookEvents.AnyAsync(e => e.EventId == "evt-unsigned"));
    }

    [Fact]
    public async Task RevokedAuthorization_MarksTheAccountNeedsReauth()
    {
        var accountId = await AddAccountAsync("revoked-shop");
        var body = """{"id":"evt-revoke","shop_id":"revoked-shop","type":"revoked"}""";

        var response = await PostAsync(PortalClient.Anonymous(factory), body, FakeWebhookVerifier.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        Assert.Equal(ChannelAccountStatus.NeedsReauth, (await db.ChannelAccounts.SingleAsync(a => a.Id == accountId)).Status);
    }

    [Fact]
    public async Task ChannelWithoutVerifier_Gets404()
    {
        var response = await PostAsync(PortalClient.Anonymous(factory), "{}", "x", channel: "IndiaMart");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private AppDbContext Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    private async Task<int> AddAccountAsync(string shopId)
    {
        await using var db = Db();
        var account = new ChannelAccount
        {
            Channel = FakeChannelAuthorization.Kind,
            DisplayName = shopId,
            ShopId = shopId,
            CreatedUtc = DateTime.UtcNow,
        };
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature, string channel = "Gem")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{channel}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add(FakeWebhookVerifier.Header, signature);
        }

        return await client.SendAsync(request);
    }
}
