using GraphQL;
using static SellerPortal.Sandbox.Shopify.ShopifySandboxInput;

namespace SellerPortal.Sandbox.Shopify;

internal sealed record ShopifyProductSetPayload(ShopifyProduct? Product, IReadOnlyList<ShopifyUserError> UserErrors);

internal sealed record ShopifyVariantsBulkUpdatePayload(ShopifyProduct? Product, IReadOnlyList<ShopifyVariant>? ProductVariants, IReadOnlyList<ShopifyUserError> UserErrors);

internal sealed record ShopifyProductDeletePayload(string? DeletedProductId, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>
/// productSet, productVariantsBulkUpdate, productUpdate and productDelete as Shopify answers them: a refusal is a
/// userError with the input's field path and the schema's code, and a refused call changes nothing.
/// </summary>
internal static class ShopifySandboxProducts
{
    public static object? ProductSet(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var shop = request.Shop;
        var input = Object(context.GetArgument<object?>("input"));
        var identifier = Object(context.GetArgument<object?>("identifier"));
        var errors = new List<ShopifyUserError>();
        var id = identifier.Text("id") ?? input.Text("id");
        var idPath = identifier.Has("id") ? Path("identifier", "id") : Path("input", "id");
        ShopifyProduct? existing = null;
        if (id is not null && (existing = shop.Products.FirstOrDefault(p => p.Id == id)) is null)
        {
            return Refused(errors, idPath, "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
        }

        if (existing is null && identifier.Text("handle") is { } byHandle)
        {
            existing = shop.Products.FirstOrDefault(p => p.Handle == byHandle);
        }

        var title = input.Text("title");
        if (existing is null && string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new ShopifyUserError(Path("input", "title"), "Title can't be blank", "INVALID_PRODUCT"));
        }

        var handle = input.Text("handle");
        if (handle is not null && shop.Products.Any(p => p.Handle == handle && p != existing))
        {
            errors.Add(new ShopifyUserError(Path("input", "handle"), $"Handle '{handle}' has already been taken", "HANDLE_NOT_UNIQUE"));
        }

        var options = input.Has("productOptions") ? ReadOptions(Objects(input["productOptions"]), errors) : null;
        var variants = input.Has("variants") ? Objects(input["variants"]) : null;
        if (variants is not null && options is null && existing is null && variants.Count > 0)
        {
            errors.Add(new ShopifyUserError(Path("input", "productOptions"), "Options are required when variants are given", "PRODUCT_OPTIONS_INPUT_MISSING"));
        }

        var effectiveOptions = options ?? existing?.Options.Select(o => (o.Name, o.Values)).ToList() ?? [];
        var planned = variants is null ? null : PlanVariants(shop, existing, variants, effectiveOptions, errors);
        var files = input.Has("files") ? Objects(input["files"]) : [];
        for (var i = 0; i < files.Count; i++)
        {
            if (!Uri.TryCreate(files[i].Text("originalSource"), UriKind.Absolute, out var source) || source.Scheme is not ("http" or "https"))
            {
                errors.Add(new ShopifyUserError(Path("input", "files", i, "originalSource"), "Original source is not a valid URL", "INVALID_INPUT"));
            }
        }

        if (errors.Count > 0)
        {
            return new ShopifyProductSetPayload(null, errors);
        }

        var product = existing ?? new ShopifyProduct { Num = shop.NextId(), Created = request.Now };
        product.Title = title ?? product.Title;
        product.Handle = handle ?? (existing is null ? UniqueHandle(shop, product.Title) : product.Handle);
        product.Status = input.Text("status") ?? product.Status;
        product.DescriptionHtml = input.Text("descriptionHtml") ?? product.DescriptionHtml;
        product.Vendor = input.Text("vendor") ?? product.Vendor;
        product.ProductType = input.Text("productType") ?? product.ProductType;
        product.Tags = input.Has("tags") ? input.Strings("tags") : product.Tags;
        product.Updated = request.Now;
        if (options is not null)
        {
            product.Options = [.. options.Select((o, i) => new ShopifyProductOption(ShopifyGid.Of("ProductOption", shop.NextId()), o.Name, i + 1, o.Values))];
        }

        if (input.Has("files"))
        {
            product.Media = [.. files.Select(f => f.Text("originalSource")!)];
        }

        if (planned is not null)
        {
            product.VariantList = [.. planned.Select(p => Apply(shop, product, p, request.Now))];
        }
        else if (existing is null)
        {
            // A product made without variants has Shopify's one "Default Title" variant.
            product.Options = [new ShopifyProductOption(ShopifyGid.Of("ProductOption", shop.NextId()), "Title", 1, ["Default Title"])];
            product.VariantList = [NewVariant(shop, product, request.Now)];
        }

        if (existing is null)
        {
            shop.Products.Add(product);
        }
        else
        {
            request.Webhooks.Add(("products/update", ShopifySandboxWebhookBodies.Product(product)));
        }

        return new ShopifyProductSetPayload(product, []);
    }

    private sealed record PlannedVariant(ShopifyVariant? Existing, IReadOnlyDictionary<string, object?> Input, List<ShopifySelectedOption> Options);

    private static List<(string Name, List<string> Values)> ReadOptions(IReadOnlyList<IReadOnlyDictionary<string, object?>> input, List<ShopifyUserError> errors)
    {
        var options = new List<(string Name, List<string> Values)>();
        for (var i = 0; i < input.Count; i++)
        {
            var name = input[i].Text("name") ?? "";
            if (options.Any(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new ShopifyUserError(Path("input", "productOptions", i, "name"), $"Duplicated option name '{name}'", "DUPLICATED_OPTION_NAME"));
            }

            var values = Objects(input[i].GetValueOrDefault("values")).Select(v => v.Text("name") ?? "").ToList();
            if (values.Count == 0)
            {
                errors.Add(new ShopifyUserError(Path("input", "productOptions", i, "values"), $"Option '{name}' needs at least one value", "OPTION_VALUES_MISSING"));
            }

            if (values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                errors.Add(new ShopifyUserError(Path("input", "productOptions", i, "values"), $"Duplicated option value '{duplicate.Key}'", "DUPLICATED_OPTION_VALUE"));
            }

            options.Add((name, values));
        }

        return options;
    }

    private static List<PlannedVariant> PlanVariants(ShopifySandboxShop shop, ShopifyProduct? existing, IReadOnlyList<IReadOnlyDictionary<string, object?>> variants,
        List<(string Name, List<string> Values)> options, List<ShopifyUserError> errors)
    {
        var planned = new List<PlannedVariant>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < variants.Count; i++)
        {
            var variant = variants[i];
            var selected = new List<ShopifySelectedOption>();
            var values = Objects(variant.GetValueOrDefault("optionValues"));
            for (var j = 0; j < values.Count; j++)
            {
                var optionName = values[j].Text("optionName");
                var option = options.FirstOrDefault(o => o.Name.Equals(optionName, StringComparison.OrdinalIgnoreCase));
                if (option.Name is null)
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "optionValues", j, "optionName"), $"Option '{optionName}' does not exist", "OPTION_DOES_NOT_EXIST"));
                    continue;
                }

                var value = values[j].Text("name");
                if (!option.Values.Contains(value ?? "", StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "optionValues", j, "name"),
                        $"Option value '{value}' does not exist on option '{option.Name}'", "OPTION_VALUE_DOES_NOT_EXIST"));
                    continue;
                }

                selected.Add(new ShopifySelectedOption(option.Name, value!));
            }

            if (options.Any(o => !selected.Any(s => s.Name == o.Name)) && !errors.Any(e => e.Field is [_, _, var index, ..] && index == i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                errors.Add(new ShopifyUserError(Path("input", "variants", i, "optionValues"), "The variant must have a value for each of the product's options", "OPTION_VALUES_MISSING"));
            }

            var combination = string.Join("/", selected.Select(s => s.Value));
            if (planned.Any(p => string.Join("/", p.Options.Select(s => s.Value)) == combination) && selected.Count > 0)
            {
                errors.Add(new ShopifyUserError(Path("input", "variants", i, "optionValues"), $"The variant '{combination}' already exists", "DUPLICATED_VALUE"));
            }

            if (variant.Text("price") is { } priceText && Money(priceText) is not >= 0)
            {
                errors.Add(new ShopifyUserError(Path("input", "variants", i, "price"), "Price must be greater than or equal to 0", "INVALID_VARIANT"));
            }

            ShopifyVariant? match = null;
            if (variant.Text("id") is { } variantId)
            {
                match = existing?.VariantList.FirstOrDefault(v => v.Id == variantId);
                if (match is null)
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "id"), "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                }
            }
            else
            {
                match = existing?.VariantList.FirstOrDefault(v => string.Join("/", v.SelectedOptions.Select(s => s.Value)) == combination);
            }

            var sku = variant.Text("sku") ?? Object(variant.GetValueOrDefault("inventoryItem")).Text("sku") ?? match?.Sku;
            if (!string.IsNullOrEmpty(sku))
            {
                var taken = shop.Variants.Any(v => v.Sku == sku && v.Product != existing) || !skus.Add(sku);
                if (taken)
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "sku"), $"SKU '{sku}' is already used by another variant of this shop", "DUPLICATED_VALUE"));
                }
            }

            var quantities = Objects(variant.GetValueOrDefault("inventoryQuantities"));
            for (var q = 0; q < quantities.Count; q++)
            {
                if (!shop.Locations.Any(l => l.Id == quantities[q].Text("locationId")))
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "inventoryQuantities", q, "locationId"), "Location does not exist", "INVALID_INPUT"));
                }

                if (quantities[q].Text("name") is not ("available" or "on_hand"))
                {
                    errors.Add(new ShopifyUserError(Path("input", "variants", i, "inventoryQuantities", q, "name"), "The quantity name must be available or on_hand", "INVALID_INPUT"));
                }
            }

            planned.Add(new PlannedVariant(match, variant, selected));
        }

        return planned;
    }

    private static ShopifyVariant Apply(ShopifySandboxShop shop, ShopifyProduct product, PlannedVariant plan, DateTimeOffset now)
    {
        var variant = plan.Existing ?? NewVariant(shop, product, now);
        var input = plan.Input;
        variant.SelectedOptions = plan.Options;
        variant.Sku = input.Text("sku") ?? Object(input.GetValueOrDefault("inventoryItem")).Text("sku") ?? variant.Sku;
        variant.Price = input.Text("price") is { } price ? Format(Money(price)!.Value) : variant.Price;
        variant.CompareAtPrice = input.Has("compareAtPrice") ? (input.Text("compareAtPrice") is { } compare ? Format(Money(compare) ?? 0) : null) : variant.CompareAtPrice;
        variant.InventoryItem.Tracked = Object(input.GetValueOrDefault("inventoryItem")).Has("tracked")
            ? Object(input["inventoryItem"])["tracked"] as bool? ?? true : variant.InventoryItem.Tracked;
        variant.Updated = now;
        foreach (var quantity in Objects(input.GetValueOrDefault("inventoryQuantities")))
        {
            var location = shop.Locations.First(l => l.Id == quantity.Text("locationId"));
            ShopifySandboxInventory.Set(variant.InventoryItem, location.Num, quantity.Text("name")!, quantity.Int("quantity") ?? 0, now);
        }

        return variant;
    }

    private static ShopifyVariant NewVariant(ShopifySandboxShop shop, ShopifyProduct product, DateTimeOffset now)
    {
        var item = new ShopifyInventoryItem { Num = shop.NextId(), Updated = now };
        foreach (var location in shop.Locations)
        {
            item.Levels[location.Num] = new Dictionary<string, int>(StringComparer.Ordinal) { ["available"] = 0, ["on_hand"] = 0, ["committed"] = 0 };
        }

        return new ShopifyVariant { Num = shop.NextId(), Product = product, InventoryItem = item, Updated = now };
    }

    private static string UniqueHandle(ShopifySandboxShop shop, string title)
    {
        var handle = new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        handle = System.Text.RegularExpressions.Regex.Replace(handle.Length == 0 ? "product" : handle, "-+", "-");
        var candidate = handle;
        for (var n = 1; shop.Products.Any(p => p.Handle == candidate); n++)
        {
            candidate = $"{handle}-{n}";
        }

        return candidate;
    }

    public static object? VariantsBulkUpdate(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var product = request.Shop.Products.FirstOrDefault(p => p.Id == context.GetArgument<string>("productId"));
        var errors = new List<ShopifyUserError>();
        if (product is null)
        {
            return new ShopifyVariantsBulkUpdatePayload(null, null, [new ShopifyUserError(Path("productId"), "Product does not exist", "PRODUCT_DOES_NOT_EXIST")]);
        }

        var inputs = Objects(context.GetArgument<object?>("variants"));
        var changes = new List<(ShopifyVariant Variant, IReadOnlyDictionary<string, object?> Input)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var id = inputs[i].Text("id");
            var variant = product.VariantList.FirstOrDefault(v => v.Id == id);
            if (id is null)
            {
                errors.Add(new ShopifyUserError(Path("variants", i, "id"), "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
                continue;
            }

            if (variant is null)
            {
                errors.Add(new ShopifyUserError(Path("variants", i, "id"), "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                continue;
            }

            foreach (var field in new[] { "price", "compareAtPrice" })
            {
                if (inputs[i].Text(field) is { } amount && Money(amount) is not >= 0)
                {
                    errors.Add(new ShopifyUserError(Path("variants", i, field), $"{(field == "price" ? "Price" : "Compare at price")} must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
                }
            }

            changes.Add((variant, inputs[i]));
        }

        if (errors.Count > 0 && !context.GetArgument("allowPartialUpdates", false))
        {
            return new ShopifyVariantsBulkUpdatePayload(null, null, errors);
        }

        foreach (var (variant, input) in changes.Where(c => !errors.Any(e => e.Field is [_, var index, ..] && index == inputs.ToList().IndexOf(c.Input).ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            variant.Price = input.Text("price") is { } price ? Format(Money(price)!.Value) : variant.Price;
            variant.CompareAtPrice = input.Has("compareAtPrice") ? (input.Text("compareAtPrice") is { } compare ? Format(Money(compare)!.Value) : null) : variant.CompareAtPrice;
            variant.Updated = request.Now;
        }

        product.Updated = request.Now;
        request.Webhooks.Add(("products/update", ShopifySandboxWebhookBodies.Product(product)));
        return new ShopifyVariantsBulkUpdatePayload(product, [.. changes.Select(c => c.Variant)], errors);
    }

    public static object? ProductUpdate(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var input = Object(context.GetArgument<object?>("product"));
        var product = request.Shop.Products.FirstOrDefault(p => p.Id == input.Text("id"));
        if (product is null)
        {
            return new ShopifyProductSetPayload(null, [new ShopifyUserError(Path("id"), "Product does not exist")]);
        }

        if (input.Has("title") && string.IsNullOrWhiteSpace(input.Text("title")))
        {
            return new ShopifyProductSetPayload(product, [new ShopifyUserError(Path("title"), "Title can't be blank")]);
        }

        product.Title = input.Text("title") ?? product.Title;
        product.Status = input.Text("status") ?? product.Status;
        product.Updated = request.Now;
        request.Webhooks.Add(("products/update", ShopifySandboxWebhookBodies.Product(product)));
        return new ShopifyProductSetPayload(product, []);
    }

    public static object? ProductDelete(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var id = Object(context.GetArgument<object?>("input")).Text("id");
        var product = request.Shop.Products.FirstOrDefault(p => p.Id == id);
        if (product is null)
        {
            return new ShopifyProductDeletePayload(null, [new ShopifyUserError(Path("id"), "Product does not exist")]);
        }

        request.Shop.RemoveProduct(product);
        return new ShopifyProductDeletePayload(product.Id, []);
    }

    private static ShopifyProductSetPayload Refused(List<ShopifyUserError> errors, IReadOnlyList<string> field, string message, string code)
    {
        errors.Add(new ShopifyUserError(field, message, code));
        return new ShopifyProductSetPayload(null, errors);
    }
}
