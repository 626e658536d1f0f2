using System.Collections.Concurrent;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>
/// A real <see cref="IAccessTokenSource"/> for tests: connects a sandbox seller through the emulator's consent page
/// (authorize → approve → code → token exchange through <see cref="TikTokShopAuthorization"/>) and caches its tokens.
/// </summary>
public sealed class EmulatorAccessTokenSource(IServiceProvider services, HttpClient portal) : IAccessTokenSource
{
    private readonly ConcurrentDictionary<int, TokenSet> tokens = new();
    private int nextAccountId;

    public int Refreshes { get; private set; }

    /// <summary>Runs the whole consent flow for <paramref name="seller"/> and returns the account context to call with.</summary>
    public async Task<ChannelAccountContext> ConnectAsync(string seller, CancellationToken ct = default)
    {
        var (connected, _) = await AuthorizeAsync(seller, ct);
        var shop = Assert.Single(connected.Shops);
        var account = new ChannelAccountContext(Interlocked.Increment(ref nextAccountId), ChannelKind.TikTokShop, ChannelEnvironment.Sandbox, shop.ShopId, connected.SellerId, shop.Region)
        {
            Properties = shop.Properties,
        };
        tokens[account.AccountId] = connected.Tokens;
        return account;
    }

    /// <summary>The consent flow only: approve (or deny) on the emulator's page, then complete through our authorization.</summary>
    public async Task<(ConnectedAccount Account, string State)> AuthorizeAsync(string seller, CancellationToken ct = default, bool approve = true)
    {
        var authorization = services.GetRequiredService<TikTokShopAuthorization>();
        var state = Guid.NewGuid().ToString("N");
        var redirect = new Uri("http://localhost/channels/callback/TikTokShop");
        var url = authorization.BuildAuthorizeUrl(new AuthorizeRequest(state, redirect, ChannelEnvironment.Sandbox));
        var answer = await HtmlForms.SubmitAsync(portal, url.PathAndQuery, new Dictionary<string, string>
        {
            ["seller"] = seller,
            ["decision"] = approve ? "approve" : "deny",
        }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        Assert.Equal(state, query["state"]);
        var connected = await authorization.CompleteAsync(new AuthorizationCallback(query, redirect, ChannelEnvironment.Sandbox), ct);
        return (connected, state);
    }

    public TokenSet Tokens(ChannelAccountContext account) => tokens[account.AccountId];

    /// <summary>Makes the next call present a token the emulator does not know (as after a revocation or rotation).</summary>
    public void Spoil(ChannelAccountContext account) =>
        tokens[account.AccountId] = tokens[account.AccountId] with { AccessToken = "TTP_spoiled" };

    public Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct) =>
        Task.FromResult(tokens[account.AccountId].AccessToken);

    public async Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct)
    {
        var current = tokens[account.AccountId];
        if (current.AccessToken != rejectedToken)
        {
            return current.AccessToken;
        }

        var refreshed = await services.GetRequiredService<TikTokShopAuthorization>().RefreshAsync(account, current, ct);
        tokens[account.AccountId] = refreshed;
        Refreshes++;
        return refreshed.AccessToken;
    }
}
