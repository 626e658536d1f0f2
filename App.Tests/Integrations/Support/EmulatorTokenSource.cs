using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// A real <see cref="IAccessTokenSource"/> for client tests: connects once through the emulator's consent page and the
/// channel's own token exchange, caches the tokens, and refreshes with the refresh token after a rejection. Counts
/// fetches (one per attempt) and refreshes so tests can see them.
/// </summary>
public abstract class EmulatorTokenSource(PortalAppFactory factory, Uri redirectUri, ChannelEnvironment environment, string? region = null)
    : IAccessTokenSource
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private TokenSet? tokens;
    private int fetches;

    public ConnectedAccount? Connected { get; private set; }

    public TokenSet Current => tokens!;

    public int Refreshes { get; private set; }

    /// <summary>How many times a handler asked for the token (once per attempt).</summary>
    public int Fetches => fetches;

    protected abstract IChannelAuthorization Authorization { get; }

    public abstract ChannelAccountContext Account();

    public async Task<ConnectedAccount> ConnectAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (Connected is not null)
            {
                return Connected;
            }

            var state = Guid.NewGuid().ToString("N");
            var consentUrl = Authorization.BuildAuthorizeUrl(new AuthorizeRequest(state, redirectUri, environment, region));
            var consent = await ConsentFlow.DecideAsync(factory, consentUrl, approve: true);
            Assert.Equal(state, consent.Query["state"]);
            Connected = await Authorization.CompleteAsync(new AuthorizationCallback(consent.Query, redirectUri, environment, region), ct);
            tokens = Connected.Tokens;
            return Connected;
        }
        finally
        {
            gate.Release();
        }
    }

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

            tokens = await Authorization.RefreshAsync(account, tokens, ct);
            Refreshes++;
            return tokens.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
