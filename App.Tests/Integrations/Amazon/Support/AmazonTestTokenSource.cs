using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Amazon.Support;

/// <summary>
/// A real <see cref="IAccessTokenSource"/> for tests: connects through the emulator's consent page and LWA exchange
/// once, caches the tokens, refreshes with the refresh token when asked. Counts refreshes so tests can see them.
/// </summary>
public sealed class AmazonTestTokenSource(PortalAppFactory factory, IServiceProvider services) : IAccessTokenSource
{
    public static readonly Uri RedirectUri = new("https://portal.example.test/channels/callback/Amazon");
    private readonly SemaphoreSlim gate = new(1, 1);
    private TokenSet? tokens;
    private int fetches;

    public ConnectedAccount? Connected { get; private set; }

    public int Refreshes { get; private set; }

    /// <summary>How many times a handler asked for the token (once per attempt).</summary>
    public int Fetches => fetches;

    public async Task<ConnectedAccount> ConnectAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (Connected is not null)
            {
                return Connected;
            }

            var authorization = services.GetRequiredService<AmazonAuthorization>();
            var state = Guid.NewGuid().ToString("N");
            var consentUrl = authorization.BuildAuthorizeUrl(new AuthorizeRequest(state, RedirectUri, ChannelEnvironment.Production, "NA"));
            var consent = await ConsentFlow.DecideAsync(factory, consentUrl, approve: true);
            Assert.Equal(state, consent.Query["state"]);
            Connected = await authorization.CompleteAsync(
                new AuthorizationCallback(consent.Query, RedirectUri, ChannelEnvironment.Production, "NA"), ct);
            tokens = Connected.Tokens;
            return Connected;
        }
        finally
        {
            gate.Release();
        }
    }

    public ChannelAccountContext Account() => new(1, ChannelKind.Amazon, ChannelEnvironment.Production, Connected!.Shops[0].ShopId, Connected.SellerId, "NA")
    {
        Properties = Connected.Shops[0].Properties,
    };

    public async Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct)
    {
        Interlocked.Increment(ref fetches);
        await ConnectAsync(ct);
        return tokens!.AccessToken;
    }

    public async Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (tokens!.AccessToken != rejectedToken)
            {
                return tokens.AccessToken;
            }

            tokens = await services.GetRequiredService<AmazonAuthorization>().RefreshAsync(account, tokens, ct);
            Refreshes++;
            return tokens.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
