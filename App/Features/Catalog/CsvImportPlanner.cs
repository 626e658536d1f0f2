using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using F = SellerPortal.Features.Catalog.ProductCsvFormat;

namespace SellerPortal.Features.Catalog;

/// <summary>One data row of an import file, with what checking it found.</summary>
internal sealed class CsvInputRow(int rowNumber, Dictionary<string, string> values)
{
    public int RowNumber { get; } = rowNumber;
    public List<string> Reasons { get; } = [];
    public bool IsUpdate { get; set; }
    public string Sku => Get(F.Sku) ?? "";
    public string Name => Get(F.Name) ?? "";

    public bool Has(string column) => values.ContainsKey(column);

    public string? Get(string column) => values.TryGetValue(column, out var v) ? v : null;

    /// <summary>The product-level fields, to check that every row of one product says the same.</summary>
    public string ProductSignature => string.Join('\u001f',
        new[] { F.Name, F.Description, F.Brand, F.Category, F.Condition, F.ProductWeightGrams, F.ImageUrls, F.Attributes }.Select(c => Get(c) ?? ""));

    public CsvImportRow ToReport(CsvRowKind kind, IReadOnlyList<string> reasons) => new(RowNumber, Sku, Name, kind, reasons.ToList());
}

/// <summary>
/// Turns checked rows into the products to save: groups rows into products, merges them into the existing
/// products, runs <see cref="ProductValidator"/>, and puts each problem on the row it came from.
/// </summary>
internal sealed partial class CsvImportPlanner(AppDbContext db)
{
    public async Task<List<ProductEditModel>> PlanAsync(List<CsvInputRow> rows, CancellationToken ct)
    {
        var firstRowOfSku = new Dictionary<string, CsvInputRow>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Sku.Length > 0))
        {
            if (!firstRowOfSku.TryAdd(row.Sku, row))
            {
                row.Reasons.Add($"SKU {row.Sku} is also on row {firstRowOfSku[row.Sku].RowNumber} of this file.");
            }
        }

        var skus = firstRowOfSku.Keys.ToList();
        var owners = await db.Variants.AsNoTracking().Where(v => skus.Contains(v.Sku))
            .Select(v => new { v.Sku, v.ProductId }).ToDictionaryAsync(v => v.Sku, v => v.ProductId, ct);
        var groups = new Dictionary<string, List<CsvInputRow>>();
        foreach (var row in rows)
        {
            var key = GroupKey(row, owners);
            if (key is not null)
            {
                (groups.TryGetValue(key, out var list) ? list : groups[key] = []).Add(row);
            }
        }

        var ids = groups.Keys.Where(k => k.StartsWith("id:", StringComparison.Ordinal)).Select(k => int.Parse(k[3..], CultureInfo.InvariantCulture)).ToList();
        var existing = await db.Products.AsNoTracking().Include(p => p.Variants).Where(p => ids.Contains(p.Id))
            .AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        var plan = new List<ProductEditModel>();
        foreach (var (key, group) in groups)
        {
            int? id = key.StartsWith("id:", StringComparison.Ordinal) ? int.Parse(key[3..], CultureInfo.InvariantCulture) : null;
            if (id is { } productId && !existing.ContainsKey(productId))
            {
                group.ForEach(r => r.Reasons.Add($"Product {productId} does not exist; leave ProductId empty to create a product."));
                continue;
            }

            plan.Add(Merge(id is { } pid ? ProductMapping.ToEditModel(existing[pid]) : new ProductEditModel(), group, owners));
        }

        return plan;
    }

    private static string? GroupKey(CsvInputRow row, Dictionary<string, int> owners)
    {
        var idText = row.Get(F.ProductId);
        int? owner = owners.TryGetValue(row.Sku, out var o) ? o : null;
        if (!string.IsNullOrEmpty(idText))
        {
            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                row.Reasons.Add($"ProductId {idText} is not a whole number.");
                return null;
            }

            if (owner is { } other && other != id)
            {
                row.Reasons.Add($"SKU {row.Sku} belongs to product {other}, not {id}; SKUs are unique across the catalog.");
                return null;
            }

            return $"id:{id}";
        }

        return owner is { } existingProduct ? $"id:{existingProduct}" : $"new:{row.Name.ToUpperInvariant()}";
    }

    private static ProductEditModel Merge(ProductEditModel model, List<CsvInputRow> group, Dictionary<string, int> owners)
    {
        var first = group[0];
        foreach (var row in group.Skip(1).Where(r => r.ProductSignature != first.ProductSignature))
        {
            row.Reasons.Add($"The product's fields differ from row {first.RowNumber} of the same product; repeat them exactly.");
        }

        ApplyProductFields(model, first);
        var rowOfVariant = new Dictionary<VariantEditModel, CsvInputRow>();
        foreach (var row in group)
        {
            row.IsUpdate = owners.ContainsKey(row.Sku);
            var variant = model.Variants.FirstOrDefault(v => v.Sku == row.Sku);
            if (variant is null)
            {
                variant = new VariantEditModel { Sku = row.Sku };
                model.Variants.Add(variant);
            }

            rowOfVariant[variant] = row;
            ApplyVariantFields(model, variant, row);
        }

        foreach (var problem in ProductValidator.Validate(model))
        {
            var match = VariantField().Match(problem.Field);
            var rows = match.Success && rowOfVariant.TryGetValue(model.Variants[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)], out var r)
                ? [r]
                : group;
            rows.ForEach(x => x.Reasons.Add($"{problem.Field}: {problem.Message}"));
        }

        return model;
    }

    private static void ApplyProductFields(ProductEditModel m, CsvInputRow row)
    {
        m.Name = row.Get(F.Name) ?? m.Name;
        if (row.Has(F.Description)) m.Description = row.Get(F.Description);
        if (row.Has(F.Brand)) m.Brand = row.Get(F.Brand);
        if (row.Has(F.Category)) m.Category = row.Get(F.Category);
        if (row.Get(F.Condition) is { Length: > 0 } condition)
        {
            if (Enum.TryParse<ItemCondition>(condition, ignoreCase: true, out var c) && Enum.IsDefined(c)) m.Condition = c;
            else row.Reasons.Add($"Condition {condition} is not one of New, Used, Refurbished.");
        }

        if (row.Has(F.ProductWeightGrams)) m.WeightGrams = Int(row, F.ProductWeightGrams);
        if (row.Has(F.ImageUrls))
        {
            m.ImageUrls = [.. row.Get(F.ImageUrls)!.Split(F.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (row.Has(F.Attributes))
        {
            m.Attributes = (Pairs(row, F.Attributes) ?? []).Select(p => new AttributeEntry { Key = p.Key, Value = p.Value }).ToList();
        }
    }

    private static void ApplyVariantFields(ProductEditModel m, VariantEditModel v, CsvInputRow row)
    {
        v.Price = Dec(row, F.Price) ?? 0;
        v.Currency = row.Get(F.Currency) ?? "";
        if (row.Has(F.Cost)) v.Cost = Dec(row, F.Cost);
        if (row.Has(F.Stock)) v.Stock = Int(row, F.Stock) ?? 0;
        if (row.Has(F.VariantWeightGrams)) v.WeightGrams = Int(row, F.VariantWeightGrams);
        if (!row.Has(F.Options) || Pairs(row, F.Options) is not { } options)
        {
            return;
        }

        foreach (var (name, _) in options.Where(o => !m.OptionNames.Contains(o.Key, StringComparer.OrdinalIgnoreCase)))
        {
            m.OptionNames.Add(name);
        }

        v.OptionValues = m.OptionNames
            .Select(n => options.FirstOrDefault(o => string.Equals(o.Key, n, StringComparison.OrdinalIgnoreCase)).Value ?? "")
            .ToList();
    }

    private static List<(string Key, string Value)>? Pairs(CsvInputRow row, string column)
    {
        var pairs = F.ParsePairs(row.Get(column) ?? "");
        if (pairs is null)
        {
            row.Reasons.Add($"{column} must be Key=Value pairs separated by {F.ListSeparator}.");
        }

        return pairs;
    }

    private static int? Int(CsvInputRow row, string column)
    {
        var text = row.Get(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        row.Reasons.Add($"{column} {text} is not a whole number.");
        return null;
    }

    private static decimal? Dec(CsvInputRow row, string column)
    {
        var text = row.Get(column);
        if (string.IsNullOrEmpty(text)) return null;
        if (decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)) return value;
        row.Reasons.Add($"{column} {text} is not a number such as 12.50.");
        return null;
    }

    [GeneratedRegex(@"^Variants\[(\d+)\]")]
    private static partial Regex VariantField();
}
