using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// One connected account the soak drives, with the emulator partition that holds its orders and listings: the TikTok
/// shop id, the eBay username (two eBay stores share one emulator, each with its own listings, stock and orders),
/// none on Amazon (one seller per emulator).
/// </summary>
internal sealed record SoakAccount(ChannelKind Channel, int Id, string? Partition)
{
    public string Name => Channel == ChannelKind.Ebay && Partition is not null ? $"{Channel} {Partition}" : Channel.ToString();
}

/// <summary>The accounts the soak connects: TikTok Shop, Amazon and two eBay stores with the same SKUs.</summary>
internal static class SoakAccounts
{
    public const string FirstEbayStore = "soak_store_a";
    public const string SecondEbayStore = "soak_store_b";

    private static readonly (ChannelKind Channel, string? EbayUsername)[] Plan =
        [(ChannelKind.TikTokShop, null), (ChannelKind.Amazon, null), (ChannelKind.Ebay, FirstEbayStore), (ChannelKind.Ebay, SecondEbayStore)];

    /// <summary>
    /// Connects each planned account through <paramref name="connect"/> (the channel and the consent page's extra
    /// fields; it returns the new account's id) and reads the TikTok shop id the connect stored.
    /// </summary>
    public static async Task<IReadOnlyList<SoakAccount>> ConnectAsync(
        IServiceProvider services, Func<ChannelKind, IReadOnlyDictionary<string, string>?, Task<int>> connect, CancellationToken ct)
    {
        var accounts = new List<SoakAccount>();
        foreach (var (channel, username) in Plan)
        {
            var id = await connect(channel, ConsentFields(username));
            var partition = username;
            if (channel == ChannelKind.TikTokShop)
            {
                await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
                partition = (await db.ChannelAccounts.SingleAsync(a => a.Id == id, ct)).ShopId;
            }

            accounts.Add(new SoakAccount(channel, id, partition));
        }

        return accounts;
    }

    public static SoakAccount Amazon(this IReadOnlyList<SoakAccount> accounts) => accounts.Single(a => a.Channel == ChannelKind.Amazon);

    public static IEnumerable<SoakAccount> Ebay(this IReadOnlyList<SoakAccount> accounts) => accounts.Where(a => a.Channel == ChannelKind.Ebay);

    /// <summary>The emulator's consent-page field that signs in as an eBay store (its username), or none.</summary>
    private static IReadOnlyDictionary<string, string>? ConsentFields(string? ebayUsername) =>
        ebayUsername is null ? null : new Dictionary<string, string> { ["username"] = ebayUsername };
}
