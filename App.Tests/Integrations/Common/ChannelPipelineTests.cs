using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Tests.Integrations.Common;

/// <summary>The shared pipeline against a tiny in-test server (TestServer): retries, Retry-After, the breaker, the call log.</summary>
public sealed class ChannelPipelineTests : IAsyncLifetime
{
    private const string ClientName = "pipeline-test";
    private readonly ConcurrentDictionary<string, int> hits = new();
    private readonly ConcurrentQueue<string> signatures = new();
    private WebApplication server = default!;
    private CommonTestHost host = default!;

    private static ChannelAccountContext Account(int id) => new(id, ChannelKind.Gem, ChannelEnvironment.Sandbox);

    [Fact]
    public async Task Get_AnsweredTwiceWith429AndRetryAfter_SucceedsOnTheThirdAttempt_WithThreeLogRows()
    {
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/throttled?cursor=secret-cursor-value").For(Account(1), "orders.list");
        var started = DateTime.UtcNow;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, hits["throttled"]);
        // Retry-After: 1 was honoured twice (the configured backoff is 10 ms).
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.9));
        await host.FlushCallLogAsync();
        await using var db = host.Db();
        var rows = await db.ApiCallLogs.OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([429, 429, 200], rows.Select(r => r.HttpStatus));
        Assert.All(rows, r =>
        {
            Assert.Equal("orders.list", r.Operation);
            Assert.Equal(1, r.ChannelAccountId);
            Assert.Equal("Gem", r.Channel);
            Assert.Equal("GET", r.Method);
            Assert.Equal("/throttled?cursor=***", r.Path);
        });
        Assert.Equal("rid-429", rows[0].RequestId);
        Assert.Equal("RATE_LIMITED", rows[0].ErrorCode);
    }

    [Fact]
    public async Task HandlerAddedAfterThePipeline_RunsOnEveryAttempt_SoEachRetryIsSignedAfresh()
    {
        var client = host.Get<IHttpClientFactory>().CreateClient(ClientName + "-signed");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/throttled").For(Account(6), "orders.list");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, signatures.Count);
        Assert.Equal(3, signatures.Distinct().Count());
    }

    [Fact]
    public async Task Post_NotMarkedRetrySafe_IsNotRetried()
    {
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/unavailable").For(Account(2), "listing.create");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, hits["unavailable"]);
        await host.FlushCallLogAsync();
        await using var db = host.Db();
        Assert.Equal(1, await db.ApiCallLogs.CountAsync());
    }

    [Fact]
    public async Task Post_MarkedRetrySafe_IsRetried()
    {
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/unavailable").For(Account(3), "stock.update", retrySafe: true);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, hits["unavailable"]); // first attempt + MaxRetries (2)
    }

    [Fact]
    public async Task FiveConsecutive5xx_OpenTheAccountsCircuit_TheNextCallFailsFastAsChannelPausedException()
    {
        var client = Client();
        for (var i = 0; i < 5; i++)
        {
            using var failing = new HttpRequestMessage(HttpMethod.Post, "/broken").For(Account(4), "stock.update");
            using var response = await client.SendAsync(failing);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        using var next = new HttpRequestMessage(HttpMethod.Post, "/broken").For(Account(4), "stock.update");
        var error = await Assert.ThrowsAsync<ChannelPausedException>(() => client.SendAsync(next));
        Assert.NotNull(error.RetryAfter);

        Assert.IsType<BrokenCircuitException>(error.InnerException);
        Assert.Equal(5, hits["broken"]);

        // The circuit is per account: another account of the same channel still reaches the server.
        using var other = new HttpRequestMessage(HttpMethod.Post, "/broken").For(Account(5), "stock.update");
        using var otherResponse = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.InternalServerError, otherResponse.StatusCode);
        Assert.Equal(6, hits["broken"]);
    }

    [Fact]
    public async Task SuccessfulCall_StampsTheAccountsLastSuccessfulCall()
    {
        var account = await host.AddAccountAsync(new TokenSet("a", DateTime.UtcNow.AddHours(1), "r", null));
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ok").For(account, "ping");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.FlushCallLogAsync();
        await using var db = host.Db();
        Assert.NotNull((await db.ChannelAccounts.SingleAsync(a => a.Id == account.AccountId)).LastSuccessfulCallUtc);
    }

    [Fact]
    public async Task BearerHandler_After401_RefreshesOnce_AndTheRetryCarriesTheNewToken()
    {
        var account = await host.AddAccountAsync(new TokenSet("stale-token", DateTime.UtcNow.AddHours(1), "refresh-0", null));
        var client = host.Get<IHttpClientFactory>().CreateClient(ClientName + "-bearer");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/needs-token").For(account, "ping");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer access-1", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, host.Get<Fakes.FakeChannelAuthorization>().RefreshCount);
        Assert.Equal(2, hits["needs-token"]);
    }

    [Theory]
    [InlineData("https://api.example.test/orders?ids=1,2&access_token=abc", "/orders?ids=***&access_token=***")]
    [InlineData("https://api.example.test/orders", "/orders")]
    public void RedactedPath_KeepsQueryKeysAndDropsValues(string url, string expected) =>
        Assert.Equal(expected, ApiCallLogMessageHandler.RedactedPath(new Uri(url)));

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        server = builder.Build();
        server.MapGet("/throttled", (HttpContext http) =>
        {
            if (http.Request.Headers.TryGetValue("X-Test-Sign", out var sign))
            {
                signatures.Enqueue(sign.ToString());
            }

            if (Hit("throttled") <= 2)
            {
                http.Response.Headers.RetryAfter = "1";
                http.Response.Headers["X-Request-Id"] = "rid-429";
                http.Response.Headers["X-Error-Code"] = "RATE_LIMITED";
                return Results.StatusCode(429);
            }

            return Results.Ok(new { ok = true });
        });
        server.MapPost("/unavailable", () => { Hit("unavailable"); return Results.StatusCode(503); });
        server.MapPost("/broken", () => { Hit("broken"); return Results.StatusCode(500); });
        server.MapGet("/ok", () => Results.Ok());
        server.MapGet("/needs-token", (HttpContext http) =>
        {
            Hit("needs-token");
            var auth = http.Request.Headers.Authorization.ToString();
            return auth == "Bearer stale-token" ? Results.Unauthorized() : Results.Text(auth);
        });
        await server.StartAsync();
        var handler = server.GetTestServer().CreateHandler();

        host = new CommonTestHost(services =>
        {
            services.AddHttpClient(ClientName, c => c.BaseAddress = new Uri("http://channel.test"))
                .AddChannelPipeline(ChannelKind.Gem, new ChannelRateLimits(1000, 1000))
                .ConfigurePrimaryHttpMessageHandler(() => handler);
            services.AddHttpClient(ClientName + "-bearer", c => c.BaseAddress = new Uri("http://channel.test"))
                .AddChannelPipeline(ChannelKind.Gem, new ChannelRateLimits(1000, 1000))
                .AddChannelBearerToken()
                .ConfigurePrimaryHttpMessageHandler(() => handler);
            services.AddHttpClient(ClientName + "-signed", c => c.BaseAddress = new Uri("http://channel.test"))
                .AddChannelPipeline(ChannelKind.Gem, new ChannelRateLimits(1000, 1000))
                .AddHttpMessageHandler(() => new StampingMessageHandler())
                .ConfigurePrimaryHttpMessageHandler(() => handler);
            services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<ChannelTokenService>());
            services.Configure<ChannelResilienceOptions>(nameof(ChannelKind.Gem), o =>
            {
                o.MaxRetries = 2;
                o.BaseDelay = TimeSpan.FromMilliseconds(10);
                o.MaxDelay = TimeSpan.FromMilliseconds(50);
            });
        }, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    private HttpClient Client() => host.Get<IHttpClientFactory>().CreateClient(ClientName);

    /// <summary>Stands in for a channel's signing handler: a fresh value per attempt.</summary>
    private sealed class StampingMessageHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Test-Sign");
            request.Headers.Add("X-Test-Sign", Guid.NewGuid().ToString("N"));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private int Hit(string key) => hits.AddOrUpdate(key, 1, (_, n) => n + 1);
}
