using System.Security.Cryptography;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>The emulator's typed view of <see cref="SandboxStore"/> (channel "TikTokShop"); everything survives a restart.</summary>
public sealed class TikTokShopSandboxStore(SandboxStore store)
{
    public const string Channel = "TikTokShop";
    private static readonly SemaphoreSlim WriteLock = new(1, 1);

    public Task<T?> GetAsync<T>(string collection, string id, CancellationToken ct) => store.GetAsync<T>(Channel, collection, id, ct);

    public Task PutAsync<T>(string collection, string id, T document, long sortKey, CancellationToken ct) =>
        store.PutAsync(Channel, collection, id, document, sortKey, ct);

    public Task PutManyAsync<T>(string collection, IEnumerable<(string Id, T Document, long SortKey)> documents, CancellationToken ct) =>
        store.PutManyAsync(Channel, collection, documents, ct);

    public async Task<IReadOnlyList<T>> ListAsync<T>(string collection, DocumentRange range, (long Sort, string Id)? after, int limit, bool descending, CancellationToken ct) =>
        [.. (await store.ListAsync<T>(Channel, collection, range, after, limit, descending, ct: ct)).Select(d => d.Document)];

    public Task<int> CountAsync(string collection, DocumentRange range, CancellationToken ct) => store.CountAsync(Channel, collection, range, ct);

    public async Task<IReadOnlyList<T>> AllAsync<T>(string collection, CancellationToken ct) =>
        [.. (await store.ListAsync<T>(Channel, collection, ct: ct)).Select(d => d.Document)];

    /// <summary>Read-modify-write steps (refresh rotation, code use, stock) run one at a time, so a token is used once.</summary>
    public async Task<T> SerializedAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await WriteLock.WaitAsync(ct);
        try
        {
            return await work();
        }
        finally
        {
            WriteLock.Release();
        }
    }

    public async Task<SandboxTikTokShop?> ShopByCipherAsync(string cipher, CancellationToken ct)
    {
        var shopId = await GetAsync<string>("shop_ciphers", cipher, ct);
        return shopId is null ? null : await GetAsync<SandboxTikTokShop>("shops", shopId, ct);
    }

    /// <summary>A seller by name, with a new shop the first time it consents.</summary>
    public async Task<SandboxTikTokShop> EnsureSellerAsync(string sellerName, string region, CancellationToken ct)
    {
        var existingId = await GetAsync<string>("sellers", sellerName, ct);
        if (existingId is not null && await GetAsync<SandboxTikTokShop>("shops", existingId, ct) is { } existing)
        {
            return existing;
        }

        var shop = new SandboxTikTokShop(
            NumericId(19), $"{sellerName} Shop", region, "ROW_" + Token(24), "SBX" + Token(8).ToUpperInvariant(),
            "LOCAL", NumericId(19), sellerName, NumericId(19), NumericId(19));
        await PutAsync("shops", shop.Id, shop, 0, ct);
        await PutAsync("shop_ciphers", shop.Cipher, shop.Id, 0, ct);
        await PutAsync("sellers", sellerName, shop.Id, 0, ct);
        return shop;
    }

    public async Task<SandboxTikTokShop?> ShopByOpenIdAsync(string openId, CancellationToken ct) =>
        (await AllAsync<SandboxTikTokShop>("shops", ct)).FirstOrDefault(s => s.OpenId == openId);

    public static string NumericId(int digits)
    {
        var chars = new char[digits];
        chars[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
        for (var i = 1; i < digits; i++)
        {
            chars[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        return new string(chars);
    }

    public static string Token(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
