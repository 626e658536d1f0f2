using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Integrations.TikTokShop.Dto;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>The emulator's own behaviour: faults, published rate limits, persistence, and re-signing per attempt.</summary>
public sealed class TikTokShopEmulatorTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => emulator.ResetFaultsAsync();

    [Fact]
    public async Task Injected5xx_SurfacesAsServerErrorWithTikToksInternalErrorCode()
    {
        var account = await emulator.Tokens.ConnectAsync("Flaky Seller");
        (await emulator.ControlAsync("faults?queue5xx=1", new { })).EnsureSuccessStatusCode();

        var ex = await Assert.ThrowsAsync<ChannelServerException>(() => emulator.Client.GetWarehousesAsync(account, default));

        Assert.Equal("36009003", ex.ErrorCode);
        Assert.True(ex.HttpStatus is 500 or 503);
    }

    [Fact]
    public async Task DroppedConnection_SurfacesAsNetworkError()
    {
        var account = await emulator.Tokens.ConnectAsync("Dropped Seller");
        (await emulator.ControlAsync("faults", new { dropConnectionRate = 1.0 })).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<ChannelNetworkException>(() => emulator.Client.GetWarehousesAsync(account, default));
    }

    [Fact]
    public async Task Hang_KeepsTheCallOpenUntilTheCallerGivesUp()
    {
        var account = await emulator.Tokens.ConnectAsync("Hanging Seller");
        (await emulator.ControlAsync("faults", new { hang = true })).EnsureSuccessStatusCode();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulator.Client.GetWarehousesAsync(account, timeout.Token));
    }

    [Fact]
    public async Task Latency_DelaysEveryCall()
    {
        var account = await emulator.Tokens.ConnectAsync("Slow Seller");
        (await emulator.ControlAsync("faults", new { latencyMs = 300 })).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();

        await emulator.Client.GetWarehousesAsync(account, default);

        Assert.True(watch.ElapsedMilliseconds >= 280, $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task PublishedRateLimit_ExceededWithinASecond_Answers429With36009002()
    {
        var account = await emulator.Tokens.ConnectAsync("Burst Seller");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 120).Select(async _ =>
        {
            try
            {
                await emulator.Client.GetWarehousesAsync(account, default);
                return null;
            }
            catch (ChannelRateLimitException ex)
            {
                return ex;
            }
        }));

        var limited = outcomes.OfType<ChannelRateLimitException>().ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, ex => Assert.Equal("36009002", ex.ErrorCode));
        Assert.True(outcomes.Count(o => o is null) >= 50);
    }

    [Fact]
    public async Task EveryAttempt_IsSignedAgainWithAFreshTimestamp()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        ResendOnceMessageHandler? resender = null;
        var services = emulator.BuildClientServices(TikTokShopEmulatorFixture.AppSecret, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Services.AddHttpClient<TikTokShopClient>(TikTokShopClient.HttpClientName)
                .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Insert(0, resender = new ResendOnceMessageHandler(clock)));
        });
        var account = await emulator.Tokens.ConnectAsync("Retry Seller");
        var token = emulator.Tokens.Tokens(account).AccessToken;

        var shops = await services.GetRequiredService<TikTokShopClient>().GetAuthorizedShopsAsync(account, token, default);

        Assert.Equal(account.ShopId, Assert.Single(shops.Shops).Id);
        Assert.NotNull(resender);
        Assert.Equal(2, resender.Attempts.Count);
        Assert.NotEqual(resender.Attempts[0].Timestamp, resender.Attempts[1].Timestamp);
        Assert.NotEqual(resender.Attempts[0].Sign, resender.Attempts[1].Sign);
    }

    [Fact]
    public async Task Restart_KeepsShopsTokensProductsAndOrders()
    {
        var account = await emulator.Tokens.ConnectAsync("Durable Seller");
        var token = emulator.Tokens.Tokens(account).AccessToken;
        var image = await emulator.Client.UploadProductImageAsync(account, MerchantImageHost.Png(600, 600), "durable.png", "image/png", "MAIN_IMAGE", default);
        var created = await emulator.Client.CreateProductAsync(account, new TikTokProductRequest
        {
            Title = "Durable product",
            Description = "<p>Kept.</p>",
            CategoryId = "600001",
            MainImages = [new TikTokImage(image.Uri)],
            PackageWeight = new TikTokWeight("0.4", "KILOGRAM"),
            Skus = [new TikTokSku { SellerSku = "DUR-1", Price = new TikTokPrice { Amount = "3.00", Currency = "USD" } }],
        }, default);

        var restarted = TikTokShopEmulatorFixture.Reopen(emulator.Factory.DataDirectory);
        TikTokAuthorizedShops shops;
        JsonElement stored;
        try
        {
            await restarted.InitializeAsync();
            var client = restarted.BuildClientServices(TikTokShopEmulatorFixture.AppSecret).GetRequiredService<TikTokShopClient>();
            shops = await client.GetAuthorizedShopsAsync(account, token, default);
            stored = await restarted.Portal.GetFromJsonAsync<JsonElement>($"/sandbox/tiktok/_control/products/{created.ProductId}");
        }
        finally
        {
            await restarted.DisposeAsync();
        }

        Assert.Equal(account.ShopId, Assert.Single(shops.Shops).Id);
        Assert.Equal("Durable product", stored.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ExpiredAccessToken_IsAnswered105002_AndTheHandlerRefreshesOnce()
    {
        var shortLived = TikTokShopEmulatorFixture.WithEmulatorSettings(new Dictionary<string, string?> { ["Sandbox:TikTokShop:AccessTokenLifetimeSeconds"] = "2" });
        try
        {
            await shortLived.InitializeAsync();
            var account = await shortLived.Tokens.ConnectAsync("Expiring Seller");
            var expiredToken = shortLived.Tokens.Tokens(account).AccessToken;
            await Task.Delay(TimeSpan.FromSeconds(3.2));

            var expired = await Assert.ThrowsAsync<ChannelAuthException>(() => shortLived.Client.GetAuthorizedShopsAsync(account, expiredToken, default));
            var shops = await shortLived.Client.GetAuthorizedShopsAsync(account, default);

            Assert.Equal("105002", expired.ErrorCode);
            Assert.Equal(account.ShopId, Assert.Single(shops.Shops).Id);
            Assert.Equal(1, shortLived.Tokens.Refreshes);
            Assert.NotEqual(expiredToken, shortLived.Tokens.Tokens(account).AccessToken);
        }
        finally
        {
            await shortLived.DisposeAsync();
        }
    }

    [Fact]
    public async Task ControlOrders_UnknownShop_IsABadRequest()
    {
        var response = await emulator.ControlAsync("orders", new { shop_id = "nope", count = 1, seller_skus = new[] { "X" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
