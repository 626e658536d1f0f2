using SellerPortal.Data;

namespace SellerPortal.Features.Catalog;

/// <summary>Between the entity and the editor's model. Pure apart from adding and removing variants on the context.</summary>
internal static class ProductMapping
{
    public static ProductEditModel ToEditModel(Product p)
    {
        var optionNames = p.Variants.SelectMany(v => v.Options.Select(o => o.Name)).Distinct().ToList();
        return new ProductEditModel
        {
            Id = p.Id,
            Name = p.Name,
            Description = p.Description,
            Brand = p.Brand,
            Category = p.Category,
            Condition = p.Condition,
            WeightGrams = p.WeightGrams,
            ImageUrls = [.. p.ImageUrls],
            Attributes = p.Attributes.Select(a => new AttributeEntry { Key = a.Key, Value = a.Value }).ToList(),
            OptionNames = optionNames,
            UpdatedUtc = p.UpdatedUtc,
            Variants = p.Variants.OrderBy(v => v.Id).Select(v => new VariantEditModel
            {
                Id = v.Id,
                Sku = v.Sku,
                OptionValues = optionNames.Select(n => v.Options.FirstOrDefault(o => o.Name == n)?.Value ?? "").ToList(),
                Price = v.Price.ToDecimal(),
                Currency = v.Price.Currency,
                Cost = v.CostMinor is { } cost ? new Money(cost, v.Price.Currency).ToDecimal() : null,
                Stock = v.StockOnHand,
                LoadedStock = v.StockOnHand,
                WeightGrams = v.WeightGrams,
            }).ToList(),
        };
    }

    /// <summary>Copies the model onto the tracked product; true when anything differs (so UpdatedUtc moves only on a change).</summary>
    public static bool Apply(ProductEditModel m, Product p, AppDbContext db)
    {
        var changed = p.Id == 0;
        changed |= Set(p.Name, m.Name.Trim(), v => p.Name = v);
        changed |= Set(p.Description, Blank(m.Description), v => p.Description = v);
        changed |= Set(p.Brand, Blank(m.Brand), v => p.Brand = v);
        changed |= Set(p.Category, Blank(m.Category), v => p.Category = v);
        changed |= Set(p.Condition, m.Condition, v => p.Condition = v);
        changed |= Set(p.WeightGrams, m.WeightGrams, v => p.WeightGrams = v);

        var images = m.ImageUrls.Select(u => u.Trim()).Where(u => u.Length > 0).ToList();
        if (!images.SequenceEqual(p.ImageUrls))
        {
            p.ImageUrls = images;
            changed = true;
        }

        var attributes = m.Attributes.Select(a => new ProductAttribute(a.Key.Trim(), a.Value.Trim())).ToList();
        if (!attributes.SequenceEqual(p.Attributes))
        {
            p.Attributes = attributes;
            changed = true;
        }

        var kept = m.Variants.Where(v => v.Id != 0).Select(v => v.Id).ToHashSet();
        foreach (var gone in p.Variants.Where(v => v.Id != 0 && !kept.Contains(v.Id)).ToList())
        {
            p.Variants.Remove(gone);
            db.Variants.Remove(gone);
            changed = true;
        }

        foreach (var vm in m.Variants)
        {
            var variant = vm.Id == 0 ? null : p.Variants.FirstOrDefault(v => v.Id == vm.Id);
            if (variant is null)
            {
                variant = new Variant { Sku = vm.Sku.Trim(), Price = Money.FromDecimal(vm.Price, vm.Currency) };
                p.Variants.Add(variant);
                changed = true;
            }

            changed |= ApplyVariant(m.OptionNames, vm, variant);
        }

        return changed;
    }

    private static bool ApplyVariant(List<string> optionNames, VariantEditModel vm, Variant v)
    {
        var changed = Set(v.Sku, vm.Sku.Trim(), x => v.Sku = x);
        changed |= Set(v.Price, Money.FromDecimal(vm.Price, vm.Currency), x => v.Price = x);
        changed |= Set(v.CostMinor, vm.Cost is { } cost ? Money.FromDecimal(cost, vm.Currency).AmountMinor : null, x => v.CostMinor = x);
        if (vm.LoadedStock is null || vm.Stock != vm.LoadedStock)
        {
            changed |= Set(v.StockOnHand, vm.Stock, x => v.StockOnHand = x);
        }
        changed |= Set(v.WeightGrams, vm.WeightGrams, x => v.WeightGrams = x);
        var options = optionNames
            .Select((name, i) => new VariantOption(name.Trim(), i < vm.OptionValues.Count ? vm.OptionValues[i].Trim() : ""))
            .ToList();
        if (!options.SequenceEqual(v.Options))
        {
            v.Options = options;
            changed = true;
        }

        return changed;
    }

    private static bool Set<T>(T current, T next, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, next))
        {
            return false;
        }

        assign(next);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
