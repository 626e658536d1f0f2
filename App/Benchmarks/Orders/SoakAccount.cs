using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// One connected account the soak drives: its marketplace, the emulator that stands in for it (its path and what its
/// control contract says about it), and the seller it signed in as (null: the emulator's default seller, whose
/// partition is the whole emulator).
/// </summary>
internal sealed record SoakAccount(ChannelKind Channel, int Id, string? Seller, string Path, SandboxControlAbout Emulator)
{
    public string Name => Seller is null ? ChannelNames.Display(Channel) : $"{ChannelNames.Display(Channel)} {Seller}";

    /// <summary>The account's emulator, in the current host.</summary>
    public ISandboxControl Control(IServiceProvider services) => services.Control(Path);
}

/// <summary>
/// The accounts the soak connects: one on every marketplace that has an emulator, and two stores with the same SKUs
/// on the last of them (in the Channels page's order) whose emulator signs in named sellers, so a stock push meets
/// two stores' own decrements. One channel with two stores is enough for that; two on every such channel would
/// multiply the soak's time and find nothing the one does not.
/// </summary>
internal static class SoakAccounts
{
    public const string FirstStore = "soak_store_a";
    public const string SecondStore = "soak_store_b";

    /// <summary>
    /// Connects each planned account through <paramref name="connect"/> (the channel and the consent page's extra
    /// fields; it returns the new account's id).
    /// </summary>
    public static async Task<IReadOnlyList<SoakAccount>> ConnectAsync(
        IServiceProvider services, Func<ChannelKind, IReadOnlyDictionary<string, string>?, Task<int>> connect, CancellationToken ct)
    {
        var emulators = services.GetRequiredService<EmulatedChannels>();
        var plan = emulators.InDisplayOrder.Select(c => (Channel: c, Path: emulators.PathOf(c), services.Control(emulators.PathOf(c)).About)).ToList();
        var twoStores = plan.LastOrDefault(p => p.About.SellerField is not null).Channel;
        var accounts = new List<SoakAccount>();
        foreach (var (channel, path, about) in plan)
        {
            foreach (var seller in channel == twoStores && about.SellerField is not null ? [FirstStore, SecondStore] : new string?[] { null })
            {
                var fields = seller is null ? null : new Dictionary<string, string> { [about.SellerField!] = seller };
                accounts.Add(new SoakAccount(channel, await connect(channel, fields), seller, path, about));
            }
        }

        return accounts;
    }

    /// <summary>The two stores that share an emulator and list the same SKUs.</summary>
    public static IReadOnlyList<SoakAccount> SharedStores(this IReadOnlyList<SoakAccount> accounts) => [.. accounts.Where(a => a.Seller is not null)];
}
