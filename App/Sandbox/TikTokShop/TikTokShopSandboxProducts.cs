using System.Globalization;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Products, SKUs, stock and prices (/product/202309/…) and warehouses.</summary>
public sealed class TikTokShopSandboxProducts(TikTokShopSandboxStore store, TikTokShopSandboxGate gate)
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

        var filter = call.Body.Length == 0 ? new TikTokProductSearchRequest() : TikTokShopSandboxResults.Read<TikTokProductSearchRequest>(call.Body);
        if (filter is null || (filter.Status is not null && !Statuses.Contains(filter.Status)))
        {
            return TikTokShopSandboxResults.BadParameter("The request body is invalid (status, seller_skus, update_time_ge).");
        }

        var all = (await ShopProductsAsync(call.Shop.Id, http.RequestAborted))
            .Where(p => filter.Status is null or "ALL" ? p.Status != "DELETED" : p.Status == filter.Status)
            .Where(p => filter.SellerSkus is not { Count: > 0 } skus || p.Skus.Any(s => skus.Contains(s.SellerSku ?? "")))
            .Where(p => filter.UpdateTimeGe is not { } ge || p.UpdateTime >= ge)
            .OrderBy(p => p.CreateTime).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (TikTokShopSandboxPaging.Take(all, p => (p.CreateTime, p.Id), false, http.Request.Query["page_token"], size) is not { } page)
        {
            return TikTokShopSandboxResults.BadParameter("page_token is invalid.");
        }

        return TikTokShopSandboxResults.Ok(new TikTokProductSearchResult
        {
            Products = [.. page.Page.Select(p => p with { Description = null, MainImages = null })],
            NextPageToken = page.NextToken,
            TotalCount = all.Count,
        });
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

        var body = TikTokShopSandboxResults.Read<TikTokProductRequest>(call.Body);
        if (Validate(body, call.Shop, requireSkuIds: false) is { } invalid)
        {
            return invalid;
        }

        return await store.SerializedAsync(async () =>
        {
            var idempotency = body!.IdempotencyKey is { Length: > 0 } k ? $"{call.Shop.Id}:{k}" : null;
            if (idempotency is not null && await store.GetAsync<string>("product_idempotency", idempotency, http.RequestAborted) is { } earlier
                && await store.GetAsync<SandboxProduct>("products", earlier, http.RequestAborted) is { } existing)
            {
                return TikTokShopSandboxResults.Ok(WriteResult(existing.Product));
            }

            var product = new TikTokProduct
            {
                Id = TikTokShopSandboxStore.NumericId(19),
                Title = body.Title,
                Description = body.Description,
                // The emulator approves at once; TikTok reviews first (PENDING).
                Status = body.SaveMode == "AS_DRAFT" ? "DRAFT" : "ACTIVATE",
                MainImages = body.MainImages,
                Skus = [.. body.Skus.Select(s => Read(s with { Id = TikTokShopSandboxStore.NumericId(19) }))],
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

        var body = TikTokShopSandboxResults.Read<TikTokProductRequest>(call.Body);
        if (Validate(body, call.Shop, requireSkuIds: false) is { } invalid)
        {
            return invalid;
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, productId, http.RequestAborted) is not { } found)
            {
                return NotFound(productId);
            }

            var unknown = body!.Skus.FirstOrDefault(s => s.Id is not null && found.Product.Skus.All(e => e.Id != s.Id));
            if (unknown is not null)
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.ProductNotFound, $"SKU {unknown.Id} does not belong to product {productId}.");
            }

            var product = found.Product with
            {
                Title = body.Title,
                Description = body.Description,
                MainImages = body.MainImages,
                Skus = [.. body.Skus.Select(s => Read(s with { Id = s.Id ?? TikTokShopSandboxStore.NumericId(19) }))],
                UpdateTime = call.Now,
            };
            await SaveAsync(found with { CategoryId = body.CategoryId, Product = product }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(WriteResult(product));
        }, http.RequestAborted);
    }

    public Task<IResult> ActivateAsync(HttpContext http) => SetStatusAsync(http, "ACTIVATE");

    public Task<IResult> DeactivateAsync(HttpContext http) => SetStatusAsync(http, "SELLER_DEACTIVATED");

    public async Task<IResult> UpdateInventoryAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokInventoryUpdate>(call.Body);
        if (body?.Skus is not { Count: > 0 } || body.Skus.Any(s => s.Inventory is not { Count: > 0 } || s.Inventory.Any(i => i.Quantity < 0)))
        {
            return TikTokShopSandboxResults.BadParameter("skus[].inventory[] with warehouse_id and a quantity of 0 or more is required.");
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, productId, http.RequestAborted) is not { } found)
            {
                return NotFound(productId);
            }

            var errors = new List<TikTokItemError>();
            var skus = found.Product.Skus.ToList();
            foreach (var update in body.Skus)
            {
                var index = skus.FindIndex(s => s.Id == update.Id);
                var badWarehouse = update.Inventory.FirstOrDefault(i => i.WarehouseId != call.Shop.WarehouseId);
                if (index < 0 || badWarehouse is not null)
                {
                    errors.Add(new TikTokItemError
                    {
                        Code = SandboxCodes.CheckFailed,
                        Message = "Check failed",
                        Detail = new TikTokItemErrorDetail
                        {
                            SkuId = update.Id,
                            ExtraErrors = index < 0
                                ? [new TikTokWarehouseError(null, SandboxCodes.ProductNotFound, "The SKU does not exist in this product")]
                                : [new TikTokWarehouseError(badWarehouse!.WarehouseId, SandboxCodes.WarehouseNotFound, "The warehouse does not exist")],
                        },
                    });
                    continue;
                }

                skus[index] = skus[index] with { Inventory = update.Inventory };
            }

            await SaveAsync(found with { Product = found.Product with { Skus = skus, UpdateTime = call.Now } }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokPartialResult { Errors = errors.Count == 0 ? null : errors });
        }, http.RequestAborted);
    }

    public async Task<IResult> UpdatePricesAsync(HttpContext http, string productId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokPriceUpdate>(call.Body);
        if (body?.Skus is not { Count: > 0 } || body.Skus.Any(s => !IsPrice(s.Price)))
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
                skus[index] = skus[index] with { Price = new TikTokProductPrice { Currency = update.Price.Currency, TaxExclusivePrice = update.Price.Amount } };
            }

            await SaveAsync(found with { Product = found.Product with { Skus = skus, UpdateTime = call.Now } }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokEmpty());
        }, http.RequestAborted);
    }

    public async Task<IResult> WarehousesAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        return TikTokShopSandboxResults.Ok(new TikTokWarehouses
        {
            Warehouses = [new TikTokWarehouse { Id = call.Shop.WarehouseId, Name = "Sandbox warehouse", EffectStatus = "ENABLED", Type = "SALES_WAREHOUSE", IsDefault = true }],
        });
    }

    public async Task<IReadOnlyList<TikTokProduct>> ShopProductsAsync(string shopId, CancellationToken ct) =>
        [.. (await store.AllAsync<SandboxProduct>("products", ct)).Where(p => p.ShopId == shopId).Select(p => p.Product)];

    private async Task<IResult> SetStatusAsync(HttpContext http, string status)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokProductIds>(call.Body);
        if (body?.ProductIds is not { Count: > 0 and <= 20 })
        {
            return TikTokShopSandboxResults.BadParameter("product_ids must list 1 to 20 product ids.");
        }

        return await store.SerializedAsync(async () =>
        {
            var errors = new List<TikTokItemError>();
            foreach (var id in body.ProductIds)
            {
                if (await FindAsync(call, id, http.RequestAborted) is not { } found)
                {
                    errors.Add(new TikTokItemError { Code = SandboxCodes.ProductNotFound, Message = "Product does not exist", Detail = new TikTokItemErrorDetail { ProductId = id } });
                    continue;
                }

                await SaveAsync(found with { Product = found.Product with { Status = status, UpdateTime = call.Now } }, http.RequestAborted);
            }

            return TikTokShopSandboxResults.Ok(new TikTokPartialResult { Errors = errors.Count == 0 ? null : errors });
        }, http.RequestAborted);
    }

    private static IResult? Validate(TikTokProductRequest? body, SandboxTikTokShop shop, bool requireSkuIds)
    {
        if (body is null)
        {
            return TikTokShopSandboxResults.BadParameter("The request body is not a valid product.");
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 255)
        {
            problems.Add("title is required (at most 255 characters)");
        }

        if (string.IsNullOrWhiteSpace(body.CategoryId))
        {
            problems.Add("category_id is required");
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

            if (body.Skus.Any(s => s.Inventory?.Any(i => i.WarehouseId != shop.WarehouseId || i.Quantity < 0) == true))
            {
                problems.Add("inventory[].warehouse_id must be one of the shop's warehouses, quantity 0 or more");
            }

            if (requireSkuIds && body.Skus.Any(s => s.Id is null))
            {
                problems.Add("skus[].id is required");
            }
        }

        return problems.Count == 0 ? null : TikTokShopSandboxResults.BadParameter("Invalid product: " + string.Join("; ", problems) + ".");
    }

    private static bool IsPrice(TikTokPrice? price) =>
        price is { Amount: { } amount, Currency: { Length: 3 } }
        && decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0;

    private async Task<SandboxProduct?> FindAsync(SandboxCall call, string productId, CancellationToken ct) =>
        await store.GetAsync<SandboxProduct>("products", productId, ct) is { } p && p.ShopId == call.Shop.Id && p.Product.Status != "DELETED" ? p : null;

    private Task SaveAsync(SandboxProduct product, CancellationToken ct) =>
        store.PutAsync("products", product.Product.Id, product, product.Product.UpdateTime, ct);

    private static TikTokProductWriteResult WriteResult(TikTokProduct product) => new()
    {
        ProductId = product.Id,
        Skus = [.. product.Skus.Select(s => new TikTokWrittenSku { Id = s.Id, SellerSku = s.SellerSku })],
    };

    private static TikTokProductSku Read(TikTokSku s) => new()
    {
        Id = s.Id,
        SellerSku = s.SellerSku,
        Price = new TikTokProductPrice { Currency = s.Price?.Currency, TaxExclusivePrice = s.Price?.Amount },
        Inventory = s.Inventory,
        SalesAttributes = s.SalesAttributes,
    };

    private static IResult NotFound(string productId) =>
        TikTokShopSandboxResults.Error(404, SandboxCodes.ProductNotFound, $"Product {productId} does not exist in this shop.");
}
