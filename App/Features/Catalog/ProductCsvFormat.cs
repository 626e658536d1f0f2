using System.Globalization;

namespace SellerPortal.Features.Catalog;

/// <summary>
/// The catalog's CSV columns: one row per variant, the product's fields repeated on each of its rows.
/// <list type="bullet">
/// <item><c>ProductId</c>: the product's id; empty for a new product (its rows are grouped by <c>Name</c>).</item>
/// <item><c>Name</c>, <c>Description</c>, <c>Brand</c>, <c>Category</c>: as in the editor.</item>
/// <item><c>Condition</c>: New, Used or Refurbished. <c>ProductWeightGrams</c>: whole grams.</item>
/// <item><c>ImageUrls</c>: absolute http(s) addresses separated by <c>|</c>.</item>
/// <item><c>Attributes</c> and <c>Options</c>: <c>Key=Value</c> pairs separated by <c>|</c> (a value may hold <c>=</c> but not <c>|</c>).</item>
/// <item><c>Sku</c>: the variant's SKU, which an import matches on. <c>Price</c> and <c>Cost</c>: decimals with a point
/// (12.50). <c>Currency</c>: ISO 4217. <c>Stock</c>: units on hand. <c>VariantWeightGrams</c>: whole grams.</item>
/// </list>
/// </summary>
public static class ProductCsvFormat
{
    public const string ProductId = "ProductId";
    public const string Name = "Name";
    public const string Description = "Description";
    public const string Brand = "Brand";
    public const string Category = "Category";
    public const string Condition = "Condition";
    public const string ProductWeightGrams = "ProductWeightGrams";
    public const string ImageUrls = "ImageUrls";
    public const string Attributes = "Attributes";
    public const string Sku = "Sku";
    public const string Options = "Options";
    public const string Price = "Price";
    public const string Currency = "Currency";
    public const string Cost = "Cost";
    public const string Stock = "Stock";
    public const string VariantWeightGrams = "VariantWeightGrams";

    public static IReadOnlyList<string> Columns { get; } =
    [
        ProductId, Name, Description, Brand, Category, Condition, ProductWeightGrams, ImageUrls, Attributes,
        Sku, Options, Price, Currency, Cost, Stock, VariantWeightGrams,
    ];

    /// <summary>Columns a file must have; the others may be left out (and then keep their current values on update).</summary>
    public static IReadOnlyList<string> Required { get; } = [Name, Sku, Price, Currency];

    public const char ListSeparator = '|';

    public static string Pairs(IEnumerable<(string Key, string Value)> pairs) =>
        string.Join(ListSeparator, pairs.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Parses <c>Key=Value|Key=Value</c>; null when a pair has no <c>=</c>.</summary>
    public static List<(string Key, string Value)>? ParsePairs(string text)
    {
        var result = new List<(string, string)>();
        foreach (var part in text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            result.Add((part[..eq].Trim(), part[(eq + 1)..].Trim()));
        }

        return result;
    }

    public static string Decimal(long minor, string currency) =>
        new Money(minor, currency).ToDecimal().ToString("F" + Money.Exponent(currency), CultureInfo.InvariantCulture);
}
