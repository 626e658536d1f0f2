using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// The emulator's shops and the app's grants: each <c>X.myshopify.com</c> is created with one location the first time
/// anything names it. Shops and tokens are worked on in memory and written through to the sandbox store
/// (<see cref="ShopifySandboxPersistence"/>), read back once when the emulator starts, so they survive a restart.
/// Authorization codes (good for a minute) and each shop's cost bucket are memory only.
/// </summary>
public sealed partial class ShopifySandboxShops
{
    private const string Channel = ShopifySandboxServiceCollectionExtensions.Channel;
    private readonly SandboxStore store;
    private readonly ConcurrentDictionary<string, ShopifySandboxShop> shops = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ShopifyAuthCode> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyAccessToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyRefreshToken> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyCostBucket> buckets = new(StringComparer.OrdinalIgnoreCase);
    private long nextShopId = 60_000_000;

    public ShopifySandboxShops(SandboxStore store)
    {
        this.store = store;
        // Once, as the emulator starts (a singleton's first use); the store is a local SQLite file.
        foreach (var shop in ShopifySandboxPersistence.LoadAsync(store, CancellationToken.None).GetAwaiter().GetResult())
        {
            shops[shop.Domain] = shop;
            nextShopId = Math.Max(nextShopId, shop.ShopId);
        }

        foreach (var token in store.ListAsync<ShopifyAccessToken>(Channel, ShopifySandboxPersistence.AccessTokens).GetAwaiter().GetResult())
        {
            tokens[token.Id] = token.Document;
        }

        foreach (var token in store.ListAsync<ShopifyRefreshToken>(Channel, ShopifySandboxPersistence.RefreshTokens).GetAwaiter().GetResult())
        {
            refreshTokens[token.Id] = token.Document;
        }
    }

    /// <summary>Shopify's rule for a shop's domain.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$")]
    public static partial Regex ShopDomain();

    internal ShopifySandboxShop Shop(string domain) => shops.GetOrAdd(domain.ToLowerInvariant(), d =>
    {
        var shop = new ShopifySandboxShop(d, Interlocked.Increment(ref nextShopId));
        shop.Locations.Add(new ShopifyLocation(shop.NextId(), "Shop location"));
        return shop;
    });

    /// <summary>Writes the shop a consent signed in to, so its id is the same after a restart.</summary>
    internal async Task EnsureSavedAsync(ShopifySandboxShop shop, DateTimeOffset now)
    {
        await shop.Gate.WaitAsync();
        try
        {
            await SaveAsync(shop, now, CancellationToken.None);
        }
        finally
        {
            shop.Gate.Release();
        }
    }

    /// <summary>Writes what a change of the shop touched since <paramref name="since"/>; called with the shop's lock held.</summary>
    internal Task SaveAsync(ShopifySandboxShop shop, DateTimeOffset since, CancellationToken ct) =>
        ShopifySandboxPersistence.SaveAsync(store, shop, since, ct);

    internal IEnumerable<ShopifySandboxShop> All => shops.Values;

    internal ShopifyCostBucket Bucket(string domain) => buckets.GetOrAdd(domain, _ => new ShopifyCostBucket());

    /// <summary>Every shop's bucket full again (a fault reset starts from a quiet API).</summary>
    public void RefillBuckets() => buckets.Clear();

    internal void PutCode(ShopifyAuthCode code) => codes[code.Code] = code;

    /// <summary>The code, taken: a code is good once.</summary>
    internal ShopifyAuthCode? TakeCode(string code) => codes.TryRemove(code, out var found) ? found : null;

    internal async Task PutTokenAsync(ShopifyAccessToken token)
    {
        tokens[token.Token] = token;
        await store.PutAsync(Channel, ShopifySandboxPersistence.AccessTokens, token.Token, token);
    }

    internal ShopifyAccessToken? Token(string token) => tokens.GetValueOrDefault(token);

    internal async Task PutRefreshAsync(ShopifyRefreshToken token)
    {
        refreshTokens[token.Token] = token;
        await store.PutAsync(Channel, ShopifySandboxPersistence.RefreshTokens, token.Token, token);
    }

    internal ShopifyRefreshToken? Refresh(string token) => refreshTokens.GetValueOrDefault(token);

    internal async Task RemoveRefreshAsync(string token)
    {
        refreshTokens.TryRemove(token, out _);
        await store.DeleteAsync(Channel, ShopifySandboxPersistence.RefreshTokens, token);
    }

    /// <summary>The app is uninstalled from the shop: every token it holds there stops working.</summary>
    internal async Task RevokeAsync(string domain)
    {
        foreach (var token in tokens.Values.Where(t => t.Shop.Equals(domain, StringComparison.OrdinalIgnoreCase)))
        {
            tokens.TryRemove(token.Token, out _);
            await store.DeleteAsync(Channel, ShopifySandboxPersistence.AccessTokens, token.Token);
        }

        foreach (var token in refreshTokens.Values.Where(t => t.Shop.Equals(domain, StringComparison.OrdinalIgnoreCase)))
        {
            await RemoveRefreshAsync(token.Token);
        }
    }

    public static string NewToken(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

internal sealed record ShopifyAuthCode(string Code, string Shop, string Scope, DateTimeOffset Expires);

internal sealed record ShopifyAccessToken(string Token, string Shop, string Scope, DateTimeOffset? Expires);

/// <param name="Replaces">The refresh token this one replaced: it stays good until this one is first used.</param>
internal sealed record ShopifyRefreshToken(string Token, string Shop, string Scope, DateTimeOffset Expires, string? Replaces);

/// <summary>The leaky bucket of one shop and app: points drain by each query's cost and refill at the restore rate.</summary>
internal sealed class ShopifyCostBucket
{
    public Lock Gate { get; } = new();

    public double? Available { get; set; }

    public DateTimeOffset Last { get; set; }
}
