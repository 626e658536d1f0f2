using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Integrations.Common.Fakes;

/// <summary>
/// A channel's authorization as the tests need it: counts refreshes, rotates the refresh token on each
/// ("refresh-1", "refresh-2"…), can be told the refresh token was revoked, and completes a consent with a shop
/// named after the code ("shop-a" → shop id "shop-a", name "Shop shop-a"; "shop-a~2" → the same shop with other
/// tokens, as a second consent by the same seller gives; code "fail" → the token endpoint refuses).
/// Uses GeM, which has no public API, so no real channel's registration competes with it.
/// </summary>
public sealed class FakeChannelAuthorization(TimeProvider clock) : IChannelAuthorization
{
    public const ChannelKind Kind = ChannelKind.Gem;

    private int refreshes;
    private int completions;

    public ChannelKind Channel => Kind;

    public int RefreshCount => Volatile.Read(ref refreshes);

    public int CompleteCount => Volatile.Read(ref completions);

    public bool RefreshTokenRevoked { get; set; }

    public TimeSpan RefreshDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Runs while a refresh is with the channel (after its delay, before it answers): a race the test stages.</summary>
    public Func<Task>? WhileRefreshing { get; set; }

    public Uri BuildAuthorizeUrl(AuthorizeRequest request) =>
        new($"https://auth.example.test/authorize?state={Uri.EscapeDataString(request.State)}&redirect_uri={Uri.EscapeDataString(request.RedirectUri.ToString())}");

    public Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct)
    {
        Interlocked.Increment(ref completions);
        var code = callback.Query.GetValueOrDefault("code") ?? "";
        if (code == "fail")
        {
            throw new ChannelAuthException(Kind, "The authorization code is invalid or expired.", "invalid_grant", "req-1", 400);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = new TokenSet($"access-token-for-{code}", now + AccessTokenLifetime, $"refresh-token-for-{code}", now.AddDays(30));
        var shopId = code.Split('~')[0];
        ShopInfo shop = new(shopId, $"Shop {shopId}") { Properties = new Dictionary<string, string> { ["cipher"] = $"cipher-{shopId}" } };
        return Task.FromResult(new ConnectedAccount(tokens, [shop], "seller-1"));
    }

    public async Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref refreshes);
        await Task.Delay(RefreshDelay, ct);
        if (WhileRefreshing is { } race)
        {
            await race();
        }

        if (RefreshTokenRevoked)
        {
            throw new ChannelAuthException(Kind, "The refresh token was revoked by the seller.", "invalid_grant", httpStatus: 400,
                requiresReauthorization: true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return new TokenSet($"access-{n}", now + AccessTokenLifetime, $"refresh-{n}", now.AddDays(30));
    }
}
