
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// Choices an account needs once, made from what the channel itself holds (eBay's business policies and inventory
/// location, TikTok Shop's warehouse), instead of typing ids on every product. Optional: the Channels page offers an
/// account's settings where one is registered for its channel. Chosen values are stored on the account's properties
/// (<see cref="ChannelAccountContext.Properties"/>), where the connector reads them when it publishes.
/// </summary>
public interface IChannelAccountSettings
{
    ChannelKind Channel { get; }

    /// <summary>Reads the choices the channel offers this account, each with the account's current value.</summary>
    Task<IReadOnlyList<AccountSetting>> ReadAsync(ChannelAccountContext account, CancellationToken ct);

    /// <summary>
    /// Checks the chosen values against the channel (and may create what the channel lacks, such as eBay's first
    /// inventory location) and returns the properties to store on the account. Throws
    /// <see cref="ChannelValidationException"/> with a sentence staff can act on when a value does not fit.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ApplyAsync(ChannelAccountContext account, IReadOnlyDictionary<string, string> chosen, CancellationToken ct);
}

/// <param name="Key">The property key the value is stored under.</param>
/// <param name="Label">What staff see ("Return policy").</param>
/// <param name="Choices">What the channel offers; empty when nothing exists yet (then <paramref name="Help"/> says what to do).</param>
/// <param name="Value">The account's current value, or null.</param>
/// <param name="Help">A sentence under the field.</param>
public sealed record AccountSetting(string Key, string Label, IReadOnlyList<AccountSettingChoice> Choices, string? Value, string? Help = null);

public sealed record AccountSettingChoice(string Value, string Label);
