using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.Publishing;

/// <summary>Everything a listing check needs, loaded once.</summary>
public sealed record ListingSubject(
    Product Product, ChannelListing Listing, ChannelAccount Account, CategoryMapping? Mapping, ChannelCapabilities Capabilities, ChannelDescriptor Channel);

/// <summary>
/// The channel's rules that can be known before any call: required fields and aspects, category mapped, title length,
/// prices and quantities sane, and the margin guard. Each problem is a sentence that names what is missing.
/// </summary>
public static class ListingRequirements
{
    public static IReadOnlyList<string> Check(ListingSubject s, int minimumMarginBasisPoints)
    {
        var problems = new List<string>();
        var channel = s.Channel.DisplayName;
        if (s.Product.Variants.Count == 0)
        {
            problems.Add("Add at least one variant (SKU, price, stock) before publishing.");
        }

        if (s.Channel.TitleMaxLength is { } max && s.Product.Name.Length > max)
        {
            problems.Add($"The title has {s.Product.Name.Length} characters; {channel} accepts at most {max}.");
        }

        if (s.Capabilities.RequiresCategory && CategoryId(s) is null)
        {
            problems.Add(string.IsNullOrWhiteSpace(s.Product.Category)
                ? $"{channel} needs a category: give the product a category and map it, or set a {channel} category id on this listing."
                : $"No {channel} category is mapped for \"{s.Product.Category}\"{MarketplaceSuffix(s)}: map it, or set a {channel} category id on this listing.");
        }

        if (s.Mapping is { RequiredAspects.Count: > 0 } mapping)
        {
            var present = s.Product.Attributes.Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => a.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var missing = mapping.RequiredAspects.Where(a => !present.Contains(a)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{channel} category {mapping.ExternalCategoryId} requires item specifics that are missing: {string.Join(", ", missing)}.");
            }
        }

        foreach (var alternatives in s.Capabilities.RequiredListingFields)
        {
            if (!alternatives.Any(f => s.Listing.ChannelFields.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v)))
            {
                problems.Add(alternatives.Count == 1
                    ? $"Set {alternatives[0]} for {channel}."
                    : $"Set one of {string.Join(" or ", alternatives)} for {channel}.");
            }
        }

        foreach (var variant in s.Product.Variants)
        {
            var price = ChannelPricing.Apply(s.Listing.PriceRule, variant.Price);
            if (price.AmountMinor <= 0)
            {
                problems.Add($"SKU {variant.Sku} would be listed at {price} on {channel}; a price must be above zero.");
            }
            else if (variant.CostMinor is { } cost)
            {
                var check = ChannelPricing.CheckMargin(price.AmountMinor, cost, new ChannelFees(s.Account.FeePercentBasisPoints, s.Account.FixedFeeMinor), minimumMarginBasisPoints, price.Currency);
                if (check.BelowFloor)
                {
                    problems.Add($"SKU {variant.Sku} on {channel}: {check.Message}");
                }
            }

            if (variant.StockOnHand < 0)
            {
                problems.Add($"SKU {variant.Sku} has negative stock; correct it before publishing.");
            }
        }

        return problems;
    }

    public static string? CategoryId(ListingSubject s) =>
        s.Listing.ChannelFields.TryGetValue("category_id", out var id) && !string.IsNullOrWhiteSpace(id) ? id : s.Mapping?.ExternalCategoryId;

    private static string MarketplaceSuffix(ListingSubject s) =>
        string.IsNullOrEmpty(s.Account.Region) ? "" : $" on {s.Account.Region}";
}
