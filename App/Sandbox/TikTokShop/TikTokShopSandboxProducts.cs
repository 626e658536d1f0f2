using System.Globalization;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Products, SKUs, stock and prices (/product/202309/…) and warehouses.</summary>
internal sealed class TikTokShopSandboxProducts(TikTokShopSandboxStore store, TikTokShopSandboxGate gate)
{
    private static readonly HashSet<string> Statuses =
        ["ALL", "DRAFT", "PENDING", "FAILED", "ACTIVATE", "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED"];

    public async Task<IResult> SearchAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        if (!TikTokShopSandboxPaging.TryParseSize(http, out var size))
        {
            return TikTokShopSandboxResults.BadParameter("page_size must be between 1 and 100.");
        }

        var problem = "";
        var filter = call.Body.Length == 0 ? new TikTokWireProductSearch() : TikTokShopSandboxResults.Read<TikTokWireProductSearch>(call.Body, out problem);
        if (filter is null)
        {
            return TikTokShopSandboxResults.Unreadable("a product search", problem);
        }

        if (filter.Status is not null && !Statuses.Contains(filter.Status))
        {
            return TikTokShopSandboxResults.BadParameter($"status {filter.Status} is not one of {string.Join(", ", Statuses)}.");
        }

        var all = (await ShopProductsAsync(call.Shop.Id, http.RequestAborted))
            .Where(p => filter.Status is null or "ALL" ? p.Status != "DELETED" : p.Status == filter.Status)
            .Where(p => filter.SellerSkus is not { Count: > 0 } skus || p.Skus.Any(s => skus.Contains(s.SellerSku ?? "")))
            .Where(p => filter.UpdateTimeGe is not { } ge || p.UpdateTime >= ge)
            .Where(p => filter.UpdateTimeLe is not { } le || p.UpdateTime <= le)
            .Where(p => filter.CreateTimeGe is not { } cge || p.CreateTime >= cge)
            .Where(p => filter.CreateTimeLe is not { } cle || p.CreateTime <= cle)
            .OrderBy(p => p.CreateTime).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (TikTokShopSandboxPaging.Take(all, p => (p.CreateTime, p.Id), false, http.Request.Query["page_token"], size) is not { } page)
        {
            return TikTokShopSandboxResults.BadParameter("page_token is invalid.");
        }

        // Search leaves out what only Get Product returns (description, images, package).
        return TikTokShopSandboxResults.Ok(new TikTokWireProductPage(
            [.. page.Page.Select(p => p with { Description = null, MainImages = null, PackageWeight = null, PackageDimensions = null })],
            page.NextToken,
            all.Count));
    }

    public async Task<IResult> GetAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        return await FindAsync(call, productId, http.RequestAborted) is { } found
            ? TikTokShopSandboxResults.Ok(found.Product)
            : NotFound(productId);
    }

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireProductWrite>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a product", problem);
        }

        if (Validate(body, call.Shop) is { } invalid)
        {
            return invalid;
        }

        return await store.SerializedAsync(async () =>
        {
            if (await ImagesAsync(call, body, http.RequestAborted) is not { } images)
            {
                return UnknownImage();
            }

            var idempotency = body!.IdempotencyKey is { Length: > 0 } k ? $"{call.Shop.Id}:{k}" : null;
            if (idempotency is not null && await store.GetAsync<string>("product_idempotency", idempotency, http.RequestAborted) is { } earlier
                && await store.GetAsync<SandboxProduct>("products", earlier, http.RequestAborted) is { } existing)
            {
                return TikTokShopSandboxResults.Ok(WriteResult(existing.Product));
            }

            var product = new TikTokWireProduct
            {
                Id = TikTokShopSandboxStore.NumericId(19),
                Title = body.Title,
                Description = body.Description,
                // The emulator approves at once; TikTok reviews first (PENDING).
                Status = body.SaveMode == "AS_DRAFT" ? "DRAFT" : "ACTIVATE",
                MainImages = images,
                Skus = [.. body.Skus!.Select(s => Read(s, TikTokShopSandboxStore.NumericId(19), null))],
                PackageWeight = body.PackageWeight,
                PackageDimensions = body.PackageDimensions,
                CreateTime = call.Now,
                UpdateTime = call.Now,
            };
            await SaveAsync(new SandboxProduct(call.Shop.Id, body.CategoryId, body.IdempotencyKey, product), http.RequestAborted);
            if (idempotency is not null)
            {
                await store.PutAsync("product_idempotency", idempotency, product.Id, 0, http.RequestAborted);
            }

            return TikTokShopSandboxResults.Ok(WriteResult(product));
        }, http.RequestAborted);
    }

    /// <summary>A full edit: SKUs left out of the body are deleted, SKUs without an id are new.</summary>
    public async Task<IResult> EditAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireProductWrite>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a product", problem);
        }

        if (Validate(body, call.Shop) is { } invalid)
        {
            return invalid;
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, productId, http.RequestAborted) is not { } found)
            {
                return NotFound(productId);
            }

            if (await ImagesAsync(call, body, http.RequestAborted) is not { } images)
            {
                return UnknownImage();
            }

            var unknown = body.Skus!.FirstOrDefault(s => s.Id is not null && found.Product.Skus.All(e => e.Id != s.Id));
            if (unknown is not null)
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.ProductNotFound, $"SKU {unknown.Id} does not belong to product {productId}.");
            }

            var product = found.Product with
            {
                Title = body.Title,
                Description = body.Description,
                MainImages = images,
                Skus = [.. body.Skus!.Select(s => Read(s, s.Id ?? TikTokShopSandboxStore.NumericId(19), found.Product.Skus.FirstOrDefault(e => e.Id == s.Id)))],
                PackageWeight = body.PackageWeight,
                PackageDimensions = body.PackageDimensions,
                UpdateTime = call.Now,
            };
            await SaveAsync(found with { CategoryId = body.CategoryId, Product = product }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(WriteResult(product));
        }, http.RequestAborted);
    }

    public Task<IResult> ActivateAsync(HttpContext http) => SetStatusAsync(http, "ACTIVATE");

    public Task<IResult> DeactivateAsync(HttpContext http) => SetStatusAsync(http, "SELLER_DEACTIVATED");

    /// <summary>
    /// Absolute quantities per SKU and warehouse. Every warehouse a SKU holds stock in must be listed (TikTok's rule);
    /// one left out, unknown or not the shop's is a per-SKU "Check failed" inside a code-0 answer, and that SKU is
    /// left as it was.
    /// </summary>
    public async Task<IResult> UpdateInventoryAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireInventoryUpdate>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("an inventory update", problem);
        }

        if (body.Skus is not { Count: > 0 } || body.Skus.Any(s => s.Id is null || s.Inventory is not { Count: > 0 }
            || s.Inventory.Any(i => i.WarehouseId is null || i.Quantity is not >= 0)))
        {
            return TikTokShopSandboxResults.BadParameter("skus[] needs id and inventory[] with warehouse_id and a quantity of 0 or more.");
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, productId, http.RequestAborted) is not { } found)
            {
                return NotFound(productId);
            }

            var errors = new List<TikTokWireItemError>();
            var skus = found.Product.Skus.ToList();
            foreach (var update in body.Skus)
            {
                var index = skus.FindIndex(s => s.Id == update.Id);
                if (InventoryProblems(index < 0 ? null : skus[index], update, call.Shop) is { Count: > 0 } problems)
                {
                    errors.Add(new TikTokWireItemError(SandboxCodes.CheckFailed, "Check failed", new TikTokWireItemErrorDetail { SkuId = update.Id, ExtraErrors = problems }));
                    continue;
                }

                skus[index] = skus[index] with { Inventory = [.. update.Inventory!.Select(i => new TikTokWireStock(i.WarehouseId!, i.Quantity!.Value))] };
            }

            await SaveAsync(found with { Product = found.Product with { Skus = skus, UpdateTime = call.Now } }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokWirePartial(errors.Count == 0 ? null : errors));
        }, http.RequestAborted);
    }

    private static List<TikTokWireWarehouseError> InventoryProblems(TikTokWireSku? sku, TikTokWireSkuInventory update, SandboxTikTokShop shop)
    {
        if (sku is null)
        {
            return [new TikTokWireWarehouseError(null, SandboxCodes.ProductNotFound, "The SKU does not exist in this product")];
        }

        var sent = update.Inventory!.Select(i => i.WarehouseId!).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. update.Inventory!.Where(i => !shop.Warehouses.Contains(i.WarehouseId!))
                .Select(i => new TikTokWireWarehouseError(i.WarehouseId, SandboxCodes.WarehouseNotFound, "The warehouse does not exist")),
            .. sku.Inventory.Where(i => !sent.Contains(i.WarehouseId))
                .Select(i => new TikTokWireWarehouseError(i.WarehouseId, SandboxCodes.WarehouseMissing, "Every warehouse of the SKU must be listed")),
        ];
    }

    public async Task<IResult> UpdatePricesAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWirePriceUpdate>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a price update", problem);
        }

        if (body.Skus is not { Count: > 0 } || body.Skus.Any(s => s.Id is null || !IsPrice(s.Price)))
        {
            return TikTokShopSandboxResults.BadParameter("skus[].price needs a positive decimal amount string and a currency.");
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, productId, http.RequestAborted) is not { } found)
            {
                return NotFound(productId);
            }

            var skus = found.Product.Skus.ToList();
            if (body.Skus.FirstOrDefault(u => skus.All(s => s.Id != u.Id)) is { } unknown)
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.ProductNotFound, $"SKU {unknown.Id} does not belong to product {productId}.");
            }

            foreach (var update in body.Skus)
            {
                var index = skus.FindIndex(s => s.Id == update.Id);
                skus[index] = skus[index] with { Price = ReadPrice(update.Price!) };
            }

            await SaveAsync(found with { Product = found.Product with { Skus = skus, UpdateTime = call.Now } }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokWireEmpty());
        }, http.RequestAborted);
    }

    public async Task<IResult> WarehousesAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        return TikTokShopSandboxResults.Ok(new TikTokWireWarehouses(
            [.. call.Shop.Warehouses.Select((id, n) => new TikTokWireWarehouse(id, n == 0 ? "Sandbox warehouse" : "Sandbox overflow warehouse", "ENABLED", "SALES_WAREHOUSE", "DOMESTIC_WAREHOUSE", n == 0))]));
    }

    public async Task<IReadOnlyList<TikTokWireProduct>> ShopProductsAsync(string shopId, CancellationToken ct) =>
        [.. (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.ShopId == shopId).Select(p => p.Product)];

    private async Task<IResult> SetStatusAsync(HttpContext http, string status)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireProductIds>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a list of product ids", problem);
        }

        if (body.ProductIds is not { Count: > 0 and <= 20 })
        {
            return TikTokShopSandboxResults.BadParameter("product_ids must list 1 to 20 product ids.");
        }

        return await store.SerializedAsync(async () =>
        {
            var errors = new List<TikTokWireItemError>();
            foreach (var id in body.ProductIds)
            {
                if (await FindAsync(call, id, http.RequestAborted) is not { } found)
                {
                    errors.Add(new TikTokWireItemError(SandboxCodes.ProductNotFound, "Product does not exist", new TikTokWireItemErrorDetail { ProductId = id }));
                    continue;
                }

                await SaveAsync(found with { Product = found.Product with { Status = status, UpdateTime = call.Now } }, http.RequestAborted);
            }

            return TikTokShopSandboxResults.Ok(new TikTokWirePartial(errors.Count == 0 ? null : errors));
        }, http.RequestAborted);
    }

    /// <summary>What Create and Edit Product refuse before anything is written, all named in one message.</summary>
    private static IResult? Validate(TikTokWireProductWrite body, SandboxTikTokShop shop)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 255)
        {
            problems.Add("title is required (at most 255 characters)");
        }

        if (string.IsNullOrWhiteSpace(body.Description))
        {
            problems.Add("description is required");
        }

        if (string.IsNullOrWhiteSpace(body.CategoryId))
        {
            problems.Add("category_id is required");
        }

        if (body.SaveMode is not (null or "LISTING" or "AS_DRAFT"))
        {
            problems.Add("save_mode must be LISTING or AS_DRAFT");
        }

        if (body.SaveMode != "AS_DRAFT" && body.MainImages is not { Count: > 0 and <= 9 })
        {
            problems.Add("main_images must hold 1 to 9 uploaded images");
        }

        if (body.SaveMode != "AS_DRAFT" && !IsWeight(body.PackageWeight))
        {
            problems.Add("package_weight needs a positive decimal value and a unit of KILOGRAM or POUND");
        }

        if (body.Skus is not { Count: > 0 and <= 100 })
        {
            problems.Add("skus must hold 1 to 100 SKUs");
        }
        else
        {
            if (body.Skus.Any(s => string.IsNullOrWhiteSpace(s.SellerSku)) || body.Skus.Select(s => s.SellerSku).Distinct().Count() != body.Skus.Count)
            {
                problems.Add("every SKU needs a unique seller_sku");
            }

            if (body.Skus.Any(s => !IsPrice(s.Price)))
            {
                problems.Add("every SKU needs price.amount as a positive decimal string and price.currency");
            }

            if (body.Skus.Any(s => s.Inventory?.Any(i => i.WarehouseId is null || !shop.Warehouses.Contains(i.WarehouseId) || i.Quantity is not >= 0) == true))
            {
                problems.Add("inventory[].warehouse_id must be one of the shop's warehouses, quantity 0 or more");
            }
        }

        return problems.Count == 0 ? null : TikTokShopSandboxResults.BadParameter("Invalid product: " + string.Join("; ", problems) + ".");
    }

    private static bool IsPrice(TikTokWireWritePrice? price) =>
        price is { Amount: { } amount, Currency: { Length: 3 } } && IsPositiveDecimal(amount);

    private static bool IsWeight(TikTokWireWeight? weight) =>
        weight is { Value: { } value, Unit: "KILOGRAM" or "POUND" } && IsPositiveDecimal(value);

    private static bool IsPositiveDecimal(string value) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d > 0;

    /// <summary>The named uris as this seller uploaded them, or null when one was never uploaded (an outside URL included).</summary>
    private async Task<IReadOnlyList<TikTokWireImage>?> ImagesAsync(SandboxCall call, TikTokWireProductWrite body, CancellationToken ct)
    {
        var images = new List<TikTokWireImage>();
        foreach (var named in body.MainImages ?? [])
        {
            if (named.Uri is null || await store.GetAsync<SandboxImage>("images", named.Uri, ct) is not { } image || image.OpenId != call.OpenId)
            {
                return null;
            }

            images.Add(TikTokShopSandboxImages.ToWire(image));
        }

        return images;
    }

    private static IResult UnknownImage() =>
        TikTokShopSandboxResults.Error(400, SandboxCodes.ImageNotFound,
            "main_images[].uri must be a uri returned by /product/202309/images/upload for this seller; outside URLs are not accepted.");

    private async Task<SandboxProduct?> FindAsync(SandboxCall call, string productId, CancellationToken ct) =>
        await store.GetAsync<SandboxProduct>("products", productId, ct) is { } p && p.ShopId == call.Shop.Id && p.Product.Status != "DELETED" ? p : null;

    private Task SaveAsync(SandboxProduct product, CancellationToken ct) =>
        store.PutAsync("products", product.Product.Id, product, product.Product.UpdateTime, ct);

    private static TikTokWireProductWritten WriteResult(TikTokWireProduct product) =>
        new(product.Id, [.. product.Skus.Select(s => new TikTokWireWrittenSku(s.Id, s.SellerSku))]);

    /// <summary>
    /// A written SKU as reads show it: the read price, and one entry per warehouse (a warehouse the body leaves out
    /// keeps what it held on edit).
    /// </summary>
    private static TikTokWireSku Read(TikTokWireSkuWrite s, string id, TikTokWireSku? before)
    {
        var sent = (s.Inventory ?? []).Select(i => new TikTokWireStock(i.WarehouseId!, i.Quantity ?? 0)).ToList();
        var kept = (before?.Inventory ?? []).Where(i => sent.All(n => n.WarehouseId != i.WarehouseId));
        return new TikTokWireSku
        {
            Id = id,
            SellerSku = s.SellerSku,
            Price = ReadPrice(s.Price!),
            Inventory = [.. sent, .. kept],
            SalesAttributes = s.SalesAttributes?.Select(a => new TikTokWireReadSalesAttribute(a.Id, a.Name, a.ValueId, a.ValueName)).ToList(),
        };
    }

    /// <summary>Reads return <c>tax_exclusive_price</c>, never <c>amount</c>; <c>sale_price</c> only under a promotion (none here).</summary>
    private static TikTokWireReadPrice ReadPrice(TikTokWireWritePrice price) =>
        new() { Currency = price.Currency, TaxExclusivePrice = price.Amount };

    private static IResult NotFound(string productId) =>
        TikTokShopSandboxResults.Error(404, SandboxCodes.ProductNotFound, $"Product {productId} does not exist in this shop.");
}
