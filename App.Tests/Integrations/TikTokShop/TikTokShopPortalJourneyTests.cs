using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop as the portal wires it (AddIntegrations: shared pipeline, token service, connect endpoints, webhook
/// intake), with the portal's own outbound calls routed into its emulator.
/// </summary>
public sealed class TikTokShopPortalJourneyTests : IAsyncLifetime
{
    private readonly PortalAppFactory factory = PortalAppFactory.WithEmulators();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void App_RegistersTikTokShopUnderItsChannel()
    {
        using var scope = factory.Services.CreateScope();

        Assert.IsType<TikTokShopConnector>(scope.ServiceProvider.GetRequiredKeyedService<IChannelConnector>(ChannelKind.TikTokShop));
        Assert.IsType<TikTokShopAuthorization>(scope.ServiceProvider.GetRequiredKeyedService<IChannelAuthorization>(ChannelKind.TikTokShop));
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();
        Assert.IsType<TikTokShopConnector>(registry.Connector(ChannelKind.TikTokShop));
        Assert.IsType<TikTokShopAuthorization>(registry.Authorization(ChannelKind.TikTokShop));
        Assert.Equal("TikTok Shop", registry.Describe(ChannelKind.TikTokShop).DisplayName);
    }

    [Fact]
    public async Task Connect_Approve_StoresTheShopWithItsCipher_TestsTheConnection_AndTakesSignedWebhooks()
    {
        var admin = await PortalClient.SignedInAsync(factory, "tiktok-admin@example.com", Roles.Admin);

        var start = await admin.GetAsync("/channels/connect/TikTokShop?environment=Sandbox");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consent = await ConsentFlow.DecideAsync(factory, start.Headers.Location!, approve: true);
        var callback = await admin.GetAsync(consent.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        ChannelAccount account;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            account = await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.Channel == ChannelKind.TikTokShop);
        }

        Assert.Equal(ChannelAccountStatus.Connected, account.Status);
        Assert.Contains("shop_cipher", account.PropertiesJson, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var test = await scope.ServiceProvider.GetRequiredService<ChannelAccountsService>().TestConnectionAsync(account.Id, default);
            Assert.True(test.Ok, test.Message);
        }

        var generated = await admin.PostAsync("/sandbox/tiktok/_control/orders", JsonContent.Create(new { shop_id = account.ShopId, count = 1, seller_skus = new[] { "J-1" }, send_webhooks = true }));
        var delivery = (await generated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhooks")[0];
        Assert.EndsWith("/webhooks/TikTokShop", delivery.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, delivery.GetProperty("status_code").GetInt32());
    }

    [Fact]
    public async Task TwoRateLimitAnswers_ThenSuccess_AreOneLogicalCall_ThatWaitsForTheRetryHint()
    {
        var admin = await PortalClient.SignedInAsync(factory, "tiktok-retry@example.com", Roles.Admin);
        var start = await admin.GetAsync("/channels/connect/TikTokShop?environment=Sandbox");
        var consent = await ConsentFlow.DecideAsync(factory, start.Headers.Location!, approve: true);
        await admin.GetAsync(consent.Location.PathAndQuery);
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var callLog = factory.Services.GetRequiredService<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>();
        await callLog.FlushAsync();
        ChannelAccount account;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            account = await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.Channel == ChannelKind.TikTokShop);
            await db.ApiCallLogs.ExecuteDeleteAsync();
        }

        var faults = factory.Services.GetRequiredService<SellerPortal.Sandbox.Common.SandboxFaults>();
        faults.Set(SellerPortal.Sandbox.TikTokShop.TikTokShopSandboxStore.Channel, new SellerPortal.Sandbox.Common.FaultSettings { RetryAfterSeconds = 1 });
        faults.Queue429(SellerPortal.Sandbox.TikTokShop.TikTokShopSandboxStore.Channel, 2);
        var connector = factory.Services.GetRequiredService<ChannelRegistry>().Connector(ChannelKind.TikTokShop)!;

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var page = await connector.ListListingsAsync(SellerPortal.Features.Channels.ChannelAccountContexts.For(account), null, CancellationToken.None);
        watch.Stop();

        Assert.NotNull(page);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.8), $"two 1 s retry hints should be waited out; took {watch.Elapsed}");
        await callLog.FlushAsync();
        await using var check = await contexts.CreateDbContextAsync();
        var attempts = await check.ApiCallLogs.Where(l => l.ChannelAccountId == account.Id).OrderBy(l => l.Id).Select(l => l.HttpStatus).ToListAsync();
        Assert.Equal([429, 429, 200], attempts);
    }
}
