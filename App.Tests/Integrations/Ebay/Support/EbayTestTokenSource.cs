using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Ebay.Support;

/// <summary>
/// A real <see cref="IAccessTokenSource"/> for tests: connects once through the emulator's consent page and the token
/// endpoint (Basic client credentials), caches, and refreshes with the refresh token after a rejection.
/// </summary>
public sealed class EbayTestTokenSource(PortalAppFactory factory, IServiceProvider services) : IAccessTokenSource
{
    public static readonly Uri AcceptUrl = new("https://portal.example.test/channels/callback/Ebay");
    private readonly SemaphoreSlim gate = new(1, 1);
    private TokenSet? tokens;
    private int fetches;

    public ConnectedAccount? Connected { get; private set; }

    public int Refreshes { get; private set; }

    /// <summary>How many times a handler asked for the token (once per attempt).</summary>
    public int Fetches => fetches;

    public TokenSet Current => tokens!;

    public async Task<ConnectedAccount> ConnectAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (Connected is not null)
            {
                return Connected;
            }

            var authorization = services.GetRequiredService<EbayAuthorization>();
            var state = Guid.NewGuid().ToString("N");
            var consentUrl = authorization.BuildAuthorizeUrl(new AuthorizeRequest(state, AcceptUrl, ChannelEnvironment.Sandbox));
            var consent = await ConsentFlow.DecideAsync(factory, consentUrl, approve: true);
            Assert.Equal(state, consent.Query["state"]);
            Connected = await authorization.CompleteAsync(new AuthorizationCallback(consent.Query, AcceptUrl, ChannelEnvironment.Sandbox), ct);
            tokens = Connected.Tokens;
            return Connected;
        }
        finally
        {
            gate.Release();
        }
    }

    public ChannelAccountContext Account() => new(2, ChannelKind.Ebay, ChannelEnvironment.Sandbox, Connected!.Shops[0].ShopId)
    {
        Properties = new Dictionary<string, string>(Connected.Shops[0].Properties)
        {
            ["fulfillment_policy_id"] = "6196932000",
            ["payment_policy_id"] = "6196933000",
            ["return_policy_id"] = "6196934000",
            ["merchant_location_key"] = "warehouse-1",
        },
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

            tokens = await services.GetRequiredService<EbayAuthorization>().RefreshAsync(account, tokens, ct);
            Refreshes++;
            return tokens.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
