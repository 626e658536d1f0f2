using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// What an eBay account chooses once: the fulfillment, payment and return policies (Account API) and the inventory
/// location (Inventory API) every offer names unless a product overrides them. publishOffer refuses an offer without
/// them (https://developer.ebay.com/api-docs/sell/inventory/resources/offer/methods/publishOffer). When the seller has
/// no location yet, staff may give a postal code and country and one is created
/// (https://developer.ebay.com/api-docs/sell/inventory/resources/location/methods/createInventoryLocation).
/// </summary>
public sealed class EbayAccountSettings(EbayClient client) : IChannelAccountSettings
{
    public const string FulfillmentPolicy = "fulfillment_policy_id";
    public const string PaymentPolicy = "payment_policy_id";
    public const string ReturnPolicy = "return_policy_id";
    public const string Location = "merchant_location_key";
    public const string NewLocationPostalCode = "new_location_postal_code";
    public const string NewLocationCountry = "new_location_country";

    /// <summary>The key a location created here gets, unless staff typed one.</summary>
    public const string CreatedLocationKey = "seller-portal-default";

    private static readonly (string Key, string Label)[] Required =
    [
        (FulfillmentPolicy, "Fulfillment (shipping) policy"),
        (PaymentPolicy, "Payment policy"),
        (ReturnPolicy, "Return policy"),
        (Location, "Inventory location"),
    ];

    public ChannelKind Channel => ChannelKind.Ebay;

    public async Task<IReadOnlyList<AccountSetting>> ReadAsync(ChannelAccountContext account, CancellationToken ct)
    {
        var fulfillment = await client.GetFulfillmentPoliciesAsync(account, ct);
        var payment = await client.GetPaymentPoliciesAsync(account, ct);
        var returns = await client.GetReturnPoliciesAsync(account, ct);
        var locations = await client.GetInventoryLocationsAsync(account, ct);
        const string noPolicy = "None exists yet: create one in eBay Seller Hub (Account, Business policies), then reopen this dialog.";
        List<AccountSetting> settings =
        [
            new(FulfillmentPolicy, "Fulfillment (shipping) policy",
                [.. fulfillment.Select(p => new AccountSettingChoice(p.FulfillmentPolicyId, p.Name ?? p.FulfillmentPolicyId))],
                account.Property(FulfillmentPolicy), fulfillment.Count == 0 ? noPolicy : null),
            new(PaymentPolicy, "Payment policy",
                [.. payment.Select(p => new AccountSettingChoice(p.PaymentPolicyId, p.Name ?? p.PaymentPolicyId))],
                account.Property(PaymentPolicy), payment.Count == 0 ? noPolicy : null),
            new(ReturnPolicy, "Return policy",
                [.. returns.Select(p => new AccountSettingChoice(p.ReturnPolicyId, p.Name ?? p.ReturnPolicyId))],
                account.Property(ReturnPolicy), returns.Count == 0 ? noPolicy : null),
            new(Location, "Inventory location",
                [.. locations.Select(l => new AccountSettingChoice(l.MerchantLocationKey, l.Name ?? l.MerchantLocationKey))],
                account.Property(Location),
                locations.Count == 0 ? "None exists yet: give the postal code and country items ship from, and one is created." : null),
        ];
        if (locations.Count == 0)
        {
            settings.Add(new(NewLocationPostalCode, "Ships from postal code", [], null, "For the location created on save."));
            settings.Add(new(NewLocationCountry, "Ships from country (two letters, e.g. US)", [], null, "For the location created on save."));
        }

        return settings;
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
                errors.Add(new ChannelFieldError(key, $"eBay has no {label.ToLowerInvariant()} {value} for this account."));
            }
        }

        Check(FulfillmentPolicy, "Fulfillment policy", (await client.GetFulfillmentPoliciesAsync(account, ct)).Select(p => p.FulfillmentPolicyId));
        Check(PaymentPolicy, "Payment policy", (await client.GetPaymentPoliciesAsync(account, ct)).Select(p => p.PaymentPolicyId));
        Check(ReturnPolicy, "Return policy", (await client.GetReturnPoliciesAsync(account, ct)).Select(p => p.ReturnPolicyId));

        var locations = await client.GetInventoryLocationsAsync(account, ct);
        var location = Chosen(Location);
        var create = locations.Count == 0 && Chosen(NewLocationPostalCode) is not null && Chosen(NewLocationCountry) is not null;
        if (!create)
        {
            Check(Location, "Inventory location", locations.Select(l => l.MerchantLocationKey));
        }

        if (errors.Count > 0)
        {
            throw new ChannelValidationException(ChannelKind.Ebay,
                "The eBay settings were not saved: " + string.Join(" ", errors.Select(e => e.Message)), errors);
        }

        if (create)
        {
            location ??= CreatedLocationKey;
            await client.CreateInventoryLocationAsync(account, location, new EbayInventoryLocation(
                new EbayLocation(new EbayLocationAddress { PostalCode = Chosen(NewLocationPostalCode), Country = Chosen(NewLocationCountry)!.ToUpperInvariant() }),
                ["WAREHOUSE"], "Seller Portal warehouse", "ENABLED"), ct);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FulfillmentPolicy] = Chosen(FulfillmentPolicy)!,
            [PaymentPolicy] = Chosen(PaymentPolicy)!,
            [ReturnPolicy] = Chosen(ReturnPolicy)!,
            [Location] = location!,
        };
    }

    /// <summary>
    /// Refuses a listing whose offer would lack a policy or the location, on the product (channel fields) and on the
    /// account alike, with a sentence that says where to set them.
    /// </summary>
    public static void RequireListingSettings(ListingDraft draft, ChannelAccountContext account)
    {
        var missing = Required
            .Where(r => string.IsNullOrWhiteSpace(draft.ChannelFields.GetValueOrDefault(r.Key)) && string.IsNullOrWhiteSpace(account.Property(r.Key)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ChannelValidationException(ChannelKind.Ebay,
                $"eBay cannot publish without {string.Join(", ", missing.Select(m => m.Label.ToLowerInvariant()))}: choose them in the eBay account's settings on the Channels page (or on the product's eBay fields).",
                [.. missing.Select(m => new ChannelFieldError(m.Key, $"{m.Label} is not set."))]);
        }
    }
}
