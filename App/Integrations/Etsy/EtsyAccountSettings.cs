using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// What an Etsy account chooses once: the shipping profile and return policy a physical listing needs
/// (createDraftListing, etsy.md §3.2), read from the shop itself, and the shop's usual who_made and when_made. A product
/// may still override any of them in its Etsy fields.
/// </summary>
public sealed class EtsyAccountSettings(EtsyClient client) : IChannelAccountSettings
{
    /// <summary>createDraftListing's who_made values.</summary>
    public static readonly IReadOnlyList<AccountSettingChoice> WhoMade =
    [
        new("i_did", "I made it"),
        new("collective", "A member of my shop made it"),
        new("someone_else", "Another company or person made it"),
    ];

    /// <summary>createDraftListing's when_made values, as Etsy's OpenAPI schema lists them.</summary>
    public static readonly IReadOnlyList<AccountSettingChoice> WhenMade =
    [
        new("made_to_order", "Made to order"),
        .. new[] { "2020_2023", "2010_2019", "2004_2009", "before_2004", "2000_2003", "1990s", "1980s", "1970s", "1960s", "1950s",
            "1940s", "1930s", "1920s", "1910s", "1900s", "1800s", "1700s", "before_1700" }
            .Select(era => new AccountSettingChoice(era, era.Replace("before_", "Before ", StringComparison.Ordinal).Replace('_', '–'))),
    ];

    // Every listing needs these, from the product's Etsy fields or the account.
    private static readonly (string Key, string Label)[] Required =
    [
        (EtsyConnector.ShippingProfileField, "Shipping profile"),
        (EtsyConnector.ReturnPolicyField, "Return policy"),
    ];

    public ChannelKind Channel => ChannelKind.Etsy;

    public async Task<IReadOnlyList<AccountSetting>> ReadAsync(ChannelAccountContext account, CancellationToken ct)
    {
        var profiles = await ShippingProfilesAsync(account, ct);
        var policies = await client.GetReturnPoliciesAsync(account, ct);
        return
        [
            new(EtsyConnector.ShippingProfileField, "Shipping profile",
                [.. profiles.Select(p => new AccountSettingChoice(Id(p.ShippingProfileId), p.Title ?? Id(p.ShippingProfileId)))],
                account.Property(EtsyConnector.ShippingProfileField),
                profiles.Count == 0 ? "None exists yet: create one in Etsy's Shop Manager (Settings, Delivery settings), then reopen this dialog." : null),
            new(EtsyConnector.ReturnPolicyField, "Return policy",
                [.. policies.Select(p => new AccountSettingChoice(Id(p.ReturnPolicyId), Describe(p)))],
                account.Property(EtsyConnector.ReturnPolicyField),
                policies.Count == 0 ? "None exists yet: create one in Etsy's Shop Manager (Settings, Return policies), then reopen this dialog." : null),
            new(EtsyConnector.WhoMadeField, "Who made the items", WhoMade, account.Property(EtsyConnector.WhoMadeField) ?? "i_did"),
            new(EtsyConnector.WhenMadeField, "When they were made", WhenMade, account.Property(EtsyConnector.WhenMadeField) ?? "made_to_order"),
        ];
    }

    public async Task<IReadOnlyDictionary<string, string>> ApplyAsync(
        ChannelAccountContext account, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        string? Chosen(string key) => chosen.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var errors = new List<ChannelFieldError>();
        void Check(string key, string label, IEnumerable<string> known)
        {
            if (Chosen(key) is not { } value)
            {
                errors.Add(new ChannelFieldError(key, $"Choose the {label.ToLowerInvariant()}."));
            }
            else if (!known.Contains(value, StringComparer.Ordinal))
            {
                errors.Add(new ChannelFieldError(key, $"The Etsy shop has no {label.ToLowerInvariant()} {value}."));
            }
        }

        Check(EtsyConnector.ShippingProfileField, "Shipping profile", (await ShippingProfilesAsync(account, ct)).Select(p => Id(p.ShippingProfileId)));
        Check(EtsyConnector.ReturnPolicyField, "Return policy", (await client.GetReturnPoliciesAsync(account, ct)).Select(p => Id(p.ReturnPolicyId)));
        Check(EtsyConnector.WhoMadeField, "Who made the items", WhoMade.Select(c => c.Value));
        Check(EtsyConnector.WhenMadeField, "When they were made", WhenMade.Select(c => c.Value));
        if (errors.Count > 0)
        {
            throw new ChannelValidationException(ChannelKind.Etsy, "The Etsy settings were not saved: " + string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EtsyConnector.ShippingProfileField] = Chosen(EtsyConnector.ShippingProfileField)!,
            [EtsyConnector.ReturnPolicyField] = Chosen(EtsyConnector.ReturnPolicyField)!,
            [EtsyConnector.WhoMadeField] = Chosen(EtsyConnector.WhoMadeField)!,
            [EtsyConnector.WhenMadeField] = Chosen(EtsyConnector.WhenMadeField)!,
        };
    }

    /// <summary>Refuses a listing that would lack its shipping profile or return policy, before any call, saying where to set them.</summary>
    public static void RequireListingSettings(ListingDraft draft, ChannelAccountContext account)
    {
        var missing = Required.Where(r => EtsyConnector.Field(draft, account, r.Key) is null).ToList();
        if (missing.Count > 0)
        {
            throw new ChannelValidationException(ChannelKind.Etsy,
                $"Etsy cannot publish without the {string.Join(" and ", missing.Select(m => m.Label.ToLowerInvariant()))}: choose them in the Etsy account's settings on the Channels page (or on the product's Etsy fields).",
                [.. missing.Select(m => new ChannelFieldError(m.Key, $"{m.Label} is not set."))]);
        }
    }

    private async Task<IReadOnlyList<Dto.EtsyShippingProfile>> ShippingProfilesAsync(ChannelAccountContext account, CancellationToken ct) =>
        [.. (await client.GetShippingProfilesAsync(account, ct)).Where(p => !p.IsDeleted)];

    private static string Describe(Dto.EtsyReturnPolicy policy) => (policy.AcceptsReturns, policy.AcceptsExchanges) switch
    {
        (false, false) => "No returns or exchanges",
        (true, true) => $"Returns and exchanges within {policy.ReturnDeadline} days",
        (true, false) => $"Returns within {policy.ReturnDeadline} days",
        (false, true) => $"Exchanges within {policy.ReturnDeadline} days",
    };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
