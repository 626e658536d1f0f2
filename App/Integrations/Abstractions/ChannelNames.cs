using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// Each marketplace's name as merchants write it, in the order the Channels page shows them, read once from the
/// <see cref="DisplayAttribute"/> on each <see cref="ChannelKind"/> member.
/// </summary>
public static class ChannelNames
{
    private static readonly IReadOnlyDictionary<ChannelKind, DisplayAttribute> Displays = Enum.GetValues<ChannelKind>()
        .ToDictionary(k => k, k => typeof(ChannelKind).GetField(k.ToString())!.GetCustomAttribute<DisplayAttribute>()
            ?? throw new InvalidOperationException($"ChannelKind.{k} has no [Display] name."));

    public static IReadOnlyList<ChannelKind> InDisplayOrder { get; } =
        [.. Enum.GetValues<ChannelKind>().OrderBy(k => Displays[k].GetOrder() ?? int.MaxValue)];

    public static string Display(ChannelKind channel) =>
        Displays.TryGetValue(channel, out var display) ? display.GetName() ?? channel.ToString() : channel.ToString();

    public static int DisplayOrder(ChannelKind channel) =>
        Displays.TryGetValue(channel, out var display) ? display.GetOrder() ?? int.MaxValue : int.MaxValue;

    /// <summary>
    /// An account as sentences name it: its display name, followed by the marketplace only when the name does not
    /// already say it ("Amazon seller A1 (NA)", not "Amazon seller A1 (NA) (Amazon)").
    /// </summary>
    public static string AccountName(string displayName, ChannelKind channel) =>
        displayName.Contains(Display(channel), StringComparison.OrdinalIgnoreCase)
            ? displayName
            : $"{displayName} ({Display(channel)})";

    public static bool TryParse(string? value, out ChannelKind channel) =>
        Enum.TryParse(value, ignoreCase: true, out channel) && Enum.IsDefined(channel);
}
