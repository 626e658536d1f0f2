using System.Text.RegularExpressions;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Catalog;

/// <summary>
/// The catalog's rules for one product, pure so the editor, the CSV import and the tests share them. SKU uniqueness
/// across the catalog needs the database: <see cref="ProductCatalog"/> checks it on save (and the unique index backs it).
/// </summary>
public static partial class ProductValidator
{
    public const int NameMaxLength = 200;
    public const int SkuMaxLength = 64;

    public static IReadOnlyList<ValidationProblem> Validate(ProductEditModel product)
    {
        var problems = new List<ValidationProblem>();
        void Add(string field, string? message)
        {
            if (message is not null)
            {
                problems.Add(new ValidationProblem(field, message));
            }
        }

        Add("Name", Name(product.Name));
        Add("WeightGrams", Weight(product.WeightGrams));
        for (var i = 0; i < product.ImageUrls.Count; i++)
        {
            Add($"ImageUrls[{i}]", ImageUrl(product.ImageUrls[i]));
        }

        for (var i = 0; i < product.Attributes.Count; i++)
        {
            Add($"Attributes[{i}].Key", AttributeKey(product.Attributes[i].Key, product.Attributes.Select(a => a.Key), i));
        }

        for (var i = 0; i < product.OptionNames.Count; i++)
        {
            Add($"OptionNames[{i}]", OptionName(product.OptionNames[i], product.OptionNames, i));
        }

        if (product.Variants.Count == 0)
        {
            Add("Variants", "Add at least one variant: a simple product has one.");
        }

        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < product.Variants.Count; i++)
        {
            var v = product.Variants[i];
            var prefix = $"Variants[{i}]";
            Add($"{prefix}.Sku", Sku(v.Sku));
            if (!string.IsNullOrWhiteSpace(v.Sku) && !skus.Add(v.Sku.Trim()))
            {
                Add($"{prefix}.Sku", $"SKU {v.Sku.Trim()} is used by another variant of this product.");
            }

            Add($"{prefix}.Price", Price(v.Price));
            Add($"{prefix}.Currency", Currency(v.Currency));
            Add($"{prefix}.Cost", Cost(v.Cost));
            Add($"{prefix}.Stock", Stock(v.Stock));
            Add($"{prefix}.WeightGrams", Weight(v.WeightGrams));
            if (v.OptionValues.Count(x => !string.IsNullOrWhiteSpace(x)) < product.OptionNames.Count)
            {
                Add($"{prefix}.OptionValues", $"Give a value for each option ({string.Join(", ", product.OptionNames)}).");
            }
        }

        return problems;
    }

    public static string? Name(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter a product name."
        : name.Trim().Length > NameMaxLength ? $"Keep the name to {NameMaxLength} characters (it has {name.Trim().Length})."
        : null;

    public static string? Sku(string? sku) =>
        string.IsNullOrWhiteSpace(sku) ? "Enter a SKU."
        : sku.Trim().Length > SkuMaxLength ? $"A SKU has at most {SkuMaxLength} characters."
        : !SkuPattern().IsMatch(sku.Trim()) ? $"SKU {sku.Trim()} may only use letters, digits and - _ . /"
        : null;

    public static string? Price(decimal price) => price <= 0 ? "The price must be more than zero." : null;

    public static string? Cost(decimal? cost) => cost < 0 ? "The cost cannot be negative." : null;

    public static string? Currency(string? currency) =>
        currency is not null && CurrencyPattern().IsMatch(currency) ? null : "Use a three-letter ISO currency code such as USD.";

    public static string? Stock(int stock) => stock < 0 ? "Stock cannot be negative." : null;

    public static string? Weight(int? grams) => grams < 0 ? "Weight cannot be negative." : null;

    public static string? ImageUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : "Use a full http:// or https:// address.";

    public static string? AttributeKey(string? key, IEnumerable<string> allKeys, int index) =>
        string.IsNullOrWhiteSpace(key) ? "Give the attribute a name."
        : allKeys.Take(index).Any(k => string.Equals(k?.Trim(), key.Trim(), StringComparison.OrdinalIgnoreCase))
            ? $"Attribute {key.Trim()} is already listed."
            : null;

    public static string? OptionName(string? name, IEnumerable<string> allNames, int index) =>
        string.IsNullOrWhiteSpace(name) ? "Give the option a name, such as Size."
        : allNames.Take(index).Any(n => string.Equals(n?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
            ? $"Option {name.Trim()} is already listed."
            : null;

    /// <summary>
    /// The channels whose title limit the name passes. Hints, not errors: the merchant may keep a long master title and
    /// shorten it per channel.
    /// </summary>
    public static IReadOnlyList<TitleHint> TitleHints(string? name, IEnumerable<ChannelDescriptor> channels)
    {
        var length = name?.Trim().Length ?? 0;
        return channels
            .Where(c => c.TitleMaxLength is { } max && length > max)
            .Select(c => new TitleHint(c.Kind, $"{c.DisplayName} accepts {c.TitleMaxLength} characters; this title has {length} and will need a shorter one there."))
            .ToList();
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_./]{1,64}$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}

/// <summary>A channel whose title limit the product's name passes; shown beside the name field.</summary>
public sealed record TitleHint(ChannelKind Channel, string Message);
