using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Ebay;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>
/// Anyone may post a notification naming any key id: the outbound call it can trigger is guarded by the id's form,
/// a remembered failure and a timeout. eBay's side is a counting handler answering as eBay does (token, then 404).
/// </summary>
public sealed class EbayNotificationKeysTests
{
    private const string UnknownKid = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
    private readonly EbayAnswers ebay = new();

    [Theory]
    [InlineData("not-a-key-id")]
    [InlineData("../../identity/v1/oauth2/token")]
    [InlineData("9936261a7d7b4621a0f196ccb428af49")]
    public async Task AKeyIdNotInEbaysForm_IsRefusedWithoutAnOutboundCall(string kid)
    {
        Assert.Null(await Keys().FindAsync(kid, CancellationToken.None));

        Assert.Equal(0, ebay.Calls);
    }

    [Fact]
    public async Task AKeyIdEbayDoesNotKnow_IsAskedForOnce_ThenNotAgainUntilTheFailureIsForgotten()
    {
        var keys = Keys();

        Assert.Null(await keys.FindAsync(UnknownKid, CancellationToken.None));
        Assert.Equal(["token", "public_key"], ebay.Paths);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await keys.FindAsync(UnknownKid, CancellationToken.None));
        }

        Assert.Equal(2, ebay.Calls);

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await keys.FindAsync(UnknownKid, CancellationToken.None));
        // The application token is still good: only the key is asked for again.
        Assert.Equal(["token", "public_key", "public_key"], ebay.Paths);
    }

    [Fact]
    public async Task EbayNotAnsweringTheKeyCall_EndsAtTheTimeout_AndTenNotificationsAtOnceMakeOneCall()
    {
        ebay.HangOnKeys = true;
        var keys = Keys();

        var waiting = Enumerable.Range(0, 10).Select(_ => keys.FindAsync(UnknownKid, CancellationToken.None)).ToList();
        await ebay.KeyCallStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        clock.Advance(TimeSpan.FromSeconds(6));
        var found = await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(found, Assert.Null);
        Assert.Equal(["token", "public_key"], ebay.Paths);
    }

    private EbayNotificationKeys Keys()
    {
        var options = Options.Create(new EbayOptions
        {
            Production = new EbayEnvironmentOptions { ClientId = "app-id", ClientSecret = "app-secret", RuName = "ru" },
        });
        var clients = new SingleClientFactory(ebay);
        return new EbayNotificationKeys(clients, new EbayAuthorization(clients, options, clock), options, clock);
    }

    private sealed class EbayAnswers : HttpMessageHandler
    {
        private readonly List<string> paths = [];

        public bool HangOnKeys { get; set; }

        public TaskCompletionSource KeyCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (paths)
                {
                    return [.. paths];
                }
            }
        }

        public int Calls => Paths.Count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isToken = request.RequestUri!.AbsolutePath == "/identity/v1/oauth2/token";
            lock (paths)
            {
                paths.Add(isToken ? "token" : "public_key");
            }

            if (isToken)
            {
                return Json(HttpStatusCode.OK, """{"access_token":"v^1.1#app","expires_in":7200,"token_type":"Application Access Token"}""");
            }

            if (HangOnKeys)
            {
                KeyCallStarted.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Json(HttpStatusCode.NotFound,
                """{"errors":[{"errorId":195001,"domain":"API_NOTIFICATION","category":"REQUEST","message":"The specified key id is invalid."}]}""");
        }

        private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
