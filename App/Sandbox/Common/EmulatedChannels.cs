using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// A marketplace the portal can drive through its emulator: its kind and the emulator's path under /sandbox.
/// Registered by the client side (<c>Integrations/&lt;Channel&gt;/&lt;Channel&gt;EmulatorTarget</c>), which knows both, so
/// no emulator names a channel kind.
/// </summary>
public sealed record EmulatedChannel(ChannelKind Channel, string Path);

/// <summary>Every emulated marketplace, in the Channels page's order: what the benches and the soak connect and drive.</summary>
public sealed class EmulatedChannels(IEnumerable<EmulatedChannel> registered)
{
    private readonly IReadOnlyDictionary<ChannelKind, EmulatedChannel> byKind = registered
        .GroupBy(c => c.Channel).ToDictionary(g => g.Key, g => g.Last());

    public IReadOnlyList<ChannelKind> InDisplayOrder => [.. byKind.Keys.OrderBy(ChannelNames.DisplayOrder)];

    /// <summary>The emulator's path segment under /sandbox ("tiktok", "amazon", "ebay").</summary>
    public string PathOf(ChannelKind channel) => byKind.TryGetValue(channel, out var emulated)
        ? emulated.Path
        : throw new ArgumentOutOfRangeException(nameof(channel), channel, $"No emulator is registered for {ChannelNames.Display(channel)}.");

    /// <summary>The registration a client's emulator target adds: the kind and the emulator's mount path ("/sandbox/ebay").</summary>
    public static EmulatedChannel At(ChannelKind channel, string mountPath) => new(channel, mountPath["/sandbox/".Length..]);
}
