using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// The emulator's shops and the app's grants, in memory: each <c>X.myshopify.com</c> is created with one location the
/// first time anything names it. Codes, tokens and each shop's cost bucket live here too.
/// </summary>
public sealed partial class ShopifySandboxShops
{
    private readonly ConcurrentDictionary<string, ShopifySandboxShop> shops = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ShopifyAuthCode> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyAccessToken> tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyRefreshToken> refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ShopifyCostBucket> buckets = new(StringComparer.OrdinalIgnoreCase);
    private long nextShopId = 60_000_000;

    /// <summary>Shopify's rule for a shop's domain.</summary>
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$")]
    public static partial Regex ShopDomain();

    internal ShopifySandboxShop Shop(string domain) => shops.GetOrAdd(domain.ToLowerInvariant(), d =>
    {
        var shop = new ShopifySandboxShop(d, Interlocked.Increment(ref nextShopId));
        shop.Locations.Add(new ShopifyLocation(shop.NextId(), "Shop location"));
        return shop;
    });

    internal IEnumerable<ShopifySandboxShop> All => shops.Values;

    internal ShopifyCostBucket Bucket(string domain) => buckets.GetOrAdd(domain, _ => new ShopifyCostBucket());

    internal void PutCode(ShopifyAuthCode code) => codes[code.Code] = code;

    /// <summary>The code, taken: a code is good once.</summary>
    internal ShopifyAuthCode? TakeCode(string code) => codes.TryRemove(code, out var found) ? found : null;

    internal void PutToken(ShopifyAccessToken token) => tokens[token.Token] = token;

    internal ShopifyAccessToken? Token(string token) => tokens.GetValueOrDefault(token);

    internal void PutRefresh(ShopifyRefreshToken token) => refreshTokens[token.Token] = token;

    internal ShopifyRefreshToken? Refresh(string token) => refreshTokens.GetValueOrDefault(token);

    internal void RemoveRefresh(string token) => refreshTokens.TryRemove(token, out _);

    /// <summary>The app is uninstalled from the shop: every token it holds there stops working.</summary>
    internal void Revoke(string domain)
    {
        foreach (var token in tokens.Values.Where(t => t.Shop.Equals(domain, StringComparison.OrdinalIgnoreCase)))
        {
            tokens.TryRemove(token.Token, out _);
        }

        foreach (var token in refreshTokens.Values.Where(t => t.Shop.Equals(domain, StringComparison.OrdinalIgnoreCase)))
        {
            refreshTokens.TryRemove(token.Token, out _);
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
