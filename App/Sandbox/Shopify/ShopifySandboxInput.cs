using System.Globalization;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// Reading a mutation's input as GraphQL.NET hands it over (an input object as a dictionary of the fields the caller
/// sent, a list as a list), and Shopify's field paths (<c>["input", "variants", "0", "price"]</c>: indexes as strings).
/// </summary>
internal static class ShopifySandboxInput
{
    public static IReadOnlyDictionary<string, object?> Object(object? value) =>
        value as IReadOnlyDictionary<string, object?> ?? (value is IDictionary<string, object?> d ? d.AsReadOnly() : new Dictionary<string, object?>());

    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Objects(object? value) =>
        value is System.Collections.IEnumerable list and not string ? [.. list.Cast<object?>().Select(Object)] : [];

    public static string? Text(this IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) ? value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    public static int? Int(this IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is not null ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : null;

    public static bool Has(this IReadOnlyDictionary<string, object?> input, string name) => input.ContainsKey(name);

    public static List<string> Strings(this IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is System.Collections.IEnumerable list and not string
            ? [.. list.Cast<object?>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")]
            : [];

    public static decimal? Money(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    public static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Path(params object[] parts) => [.. parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)!)];
}
