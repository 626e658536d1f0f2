using System.Net;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Tests.Integrations.Common;

/// <summary>The one token handler with the placements eBay (the default) and Amazon use.</summary>
public sealed class ChannelBearerTokenMessageHandlerTests
{
    private static readonly ChannelAccountContext Account = new(7, ChannelKind.Amazon, ChannelEnvironment.Sandbox);

    [Fact]
    public async Task Default_A401_RefreshesOnce_AndResendsWithTheFreshBearer()
    {
        var (client, inner, tokens) = Client(new AccessTokenPlacement(), Answer(HttpStatusCode.Unauthorized), Answer(HttpStatusCode.OK));

        using var response = await client.SendAsync(Tagged());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer old", "Bearer fresh"], inner.Seen.Select(h => h["Authorization"]));
        Assert.Equal(["old"], tokens.Rejected);
    }

    [Fact]
    public async Task Amazon_A403NamingTheToken_Refreshes_WithADateOnEachAttempt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero));
        var (client, inner, tokens) = Client(AmazonAccessToken.Placement(clock),
            Answer(HttpStatusCode.Forbidden, """{"errors":[{"code":"Unauthorized","message":"The access token you provided has expired."}]}"""),
            Answer(HttpStatusCode.OK));

        using var response = await client.SendAsync(Tagged());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["old", "fresh"], inner.Seen.Select(h => h[AmazonAccessToken.HeaderName]));
        Assert.Equal(["20261207T093000Z", "20261207T093000Z"], inner.Seen.Select(h => h["x-amz-date"]));
        Assert.Equal(["old"], tokens.Rejected);
    }

    [Fact]
    public async Task Amazon_A403ForAMissingRole_IsReturned_WithoutARefresh()
    {
        var (client, inner, tokens) = Client(AmazonAccessToken.Placement(TimeProvider.System),
            Answer(HttpStatusCode.Forbidden, """{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied."}]}"""));

        using var response = await client.SendAsync(Tagged());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(inner.Seen);
        Assert.Empty(tokens.Rejected);
    }

    [Fact]
    public async Task AnUntaggedRequest_PassesWithoutAToken_OrIsRefusedWhereThePlacementSaysSo()
    {
        var (open, inner, _) = Client(new AccessTokenPlacement(), Answer(HttpStatusCode.OK));
        using (var response = await open.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://channel.test/token")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.False(inner.Seen.Single().ContainsKey("Authorization"));
        var (strict, _, _) = Client(new AccessTokenPlacement { UntaggedRequestError = "tag it" }, Answer(HttpStatusCode.OK));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => strict.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://channel.test/x")));
        Assert.Equal("tag it", error.Message);
    }

    private static HttpRequestMessage Tagged() => new HttpRequestMessage(HttpMethod.Get, "https://channel.test/orders").For(Account, "listOrders");

    private static HttpResponseMessage Answer(HttpStatusCode status, string body = "{}") => new(status) { Content = new StringContent(body) };

    private static (HttpClient Client, Recorder Inner, Tokens Tokens) Client(AccessTokenPlacement placement, params HttpResponseMessage[] answers)
    {
        var inner = new Recorder(new Queue<HttpResponseMessage>(answers));
        var tokens = new Tokens();
        return (new HttpClient(new ChannelBearerTokenMessageHandler(tokens, placement) { InnerHandler = inner }), inner, tokens);
    }

    private sealed class Recorder(Queue<HttpResponseMessage> answers) : HttpMessageHandler
    {
        public List<Dictionary<string, string>> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
            return Task.FromResult(answers.Dequeue());
        }
    }

    private sealed class Tokens : IAccessTokenSource
    {
        public List<string> Rejected { get; } = [];

        public Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult("old");

        public Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct)
        {
            Rejected.Add(rejectedToken);
            return Task.FromResult("fresh");
        }
    }
}
