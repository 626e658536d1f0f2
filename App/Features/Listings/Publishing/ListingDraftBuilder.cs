using SellerPortal.Features.Catalog;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.Publishing;

/// <summary>Turns a master product and its listing settings into the channel-neutral draft a connector sends.</summary>
public static class ListingDraftBuilder
{
    public static ListingDraft Build(ListingSubject s, Func<Variant, int> quantityFor)
    {
        var fields = new Dictionary<string, string>(s.Listing.ChannelFields, StringComparer.Ordinal);
        return new ListingDraft
        {
            ProductKey = $"product-{s.Product.Id}",
            ExternalId = s.Listing.ExternalId,
            Title = s.Product.Name,
            Description = s.Product.Description,
            Brand = s.Product.Brand,
            CategoryId = ListingRequirements.CategoryId(s),
            Condition = fields.TryGetValue("condition", out var condition) ? condition : s.Product.Condition.ToString(),
            ImageUrls = s.Product.ImageUrls,
            Attributes = s.Product.Attributes
                .GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase),
            ChannelFields = fields,
            Variants = s.Product.Variants
                .OrderBy(v => v.Id)
                .Select(v =>
                {
                    var price = ChannelPricing.Apply(s.Listing.PriceRule, v.Price);
                    return new ListingVariantDraft(
                        v.Sku,
                        new ChannelMoney(price.ToDecimal(), price.Currency),
                        Math.Max(0, quantityFor(v)),
                        v.Options.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase),
                        WeightGrams: v.WeightGrams ?? s.Product.WeightGrams);
                })
                .ToList(),
        };
    }
}
