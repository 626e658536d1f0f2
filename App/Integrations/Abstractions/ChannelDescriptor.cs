namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// How one marketplace looks and reads in the portal, registered by the marketplace's own <c>Add&lt;Channel&gt;()</c>
/// and read by features through <see cref="ChannelRegistry"/>. What it can do is on its connector's
/// <see cref="ChannelCapabilities"/>; who it is (name, place on the Channels page) is on <see cref="ChannelKind"/>.
/// </summary>
public sealed record ChannelDescriptor
{
    public required ChannelKind Kind { get; init; }

    public string DisplayName => ChannelNames.Display(Kind);

    public int DisplayOrder => ChannelNames.DisplayOrder(Kind);

    /// <summary>The badge's colour in the portal's palette.</summary>
    public ChannelTone Tone { get; init; } = ChannelTone.Default;

    /// <summary>Longest title the channel accepts: a hint in the editor, a refusal before publishing.</summary>
    public int? TitleMaxLength { get; init; }

    /// <summary>The channel's own listing fields the product channels page offers (stored in ChannelListing.ChannelFields).</summary>
    public IReadOnlyList<ListingFieldSpec> ListingFields { get; init; } = [];

    /// <summary>Reads the channel's own listing status word as active or not.</summary>
    public Func<string?, ChannelListingActivity> ReadListingStatus { get; init; } = ChannelStatusWords.Common;

    /// <summary>The least time the channel's published limits allow for the benches' work.</summary>
    public ChannelLimitFloors Floors { get; init; } = new();

    /// <summary>
    /// Set where the channel's hosts are per shop (Shopify): Connect first asks staff which shop, and the connect flow
    /// refuses a name that does not fit before anything leaves the portal.
    /// </summary>
    public ConnectShopPrompt? ConnectAsksForShop { get; init; }

    /// <summary>What the registry answers for a kind no marketplace registered: its name, nothing more.</summary>
    public static ChannelDescriptor Unregistered(ChannelKind kind) => new() { Kind = kind };
}

/// <summary>The question Connect asks first where a channel's hosts are per shop, and the rule a typed answer must fit.</summary>
/// <param name="Label">What the field is called (Shopify: "Shop domain").</param>
/// <param name="Example">A name that fits, shown as the placeholder.</param>
/// <param name="Pattern">The whole answer must match it.</param>
/// <param name="Refusal">The sentence staff read when it does not.</param>
public sealed record ConnectShopPrompt(string Label, string Example, System.Text.RegularExpressions.Regex Pattern, string Refusal)
{
    /// <summary>Null when <paramref name="shop"/> fits (trimmed, lower-cased by <see cref="Normalise"/>), else the refusal.</summary>
    public string? Check(string? shop) => Normalise(shop) is { Length: > 0 and <= 255 } name && Pattern.IsMatch(name) ? null : Refusal;

    public static string Normalise(string? shop) => (shop ?? "").Trim().ToLowerInvariant();
}

/// <summary>The portal palette's names, so a descriptor chooses a colour without knowing the UI library.</summary>
public enum ChannelTone
{
    Default,
    Dark,
    Warning,
    Info,
    Success,
    Secondary,
}

/// <summary>
/// One of a channel's own listing fields: its key in ChannelListing.ChannelFields, label, help and default.
/// <paramref name="FromCatalogSearch"/> marks the field the channel's catalog search fills (Amazon's ASIN).
/// </summary>
public sealed record ListingFieldSpec(string Key, string Label, string? Help = null, string? Default = null, bool FromCatalogSearch = false);

public enum ChannelListingActivity
{
    Active,
    Inactive,
    /// <summary>A status we cannot judge (under review, or a word we do not know): never flagged.</summary>
    Unknown,
}

/// <summary>Status words most channels share; a marketplace with its own words gives its own reader.</summary>
public static class ChannelStatusWords
{
    public static ChannelListingActivity Common(string? status) => Normalise(status) switch
    {
        "ACTIVE" or "LIVE" or "PUBLISHED" => ChannelListingActivity.Active,
        "INACTIVE" or "ENDED" or "DELETED" or "UNPUBLISHED" => ChannelListingActivity.Inactive,
        _ => ChannelListingActivity.Unknown,
    };

    public static string Normalise(string? status) => (status ?? "").Trim().ToUpperInvariant();
}
