namespace SellerPortal.Integrations.TikTokShop.Dto;

/// <summary>A price as writes send it (create, edit, prices/update): <c>{amount, currency, sale_price}</c>.</summary>
public sealed record TikTokPrice
{
    /// <summary>A decimal string, e.g. "19.99".</summary>
    public string? Amount { get; init; }
    public string? Currency { get; init; }
    public string? SalePrice { get; init; }
}

/// <summary>
/// A price as Search Products and Get Product return it: <c>{currency, tax_exclusive_price, sale_price}</c>, never
/// <c>amount</c>; <c>sale_price</c> only where a promotion applies. Decimal strings.
/// https://partner.tiktokshop.com/docv2/page/get-product-202309
/// </summary>
public sealed record TikTokProductPrice
{
    public string? Currency { get; init; }
    public string? TaxExclusivePrice { get; init; }
    public string? SalePrice { get; init; }
}

public sealed record TikTokInventory
{
    public string? WarehouseId { get; init; }
    public int Quantity { get; init; }
}

public sealed record TikTokSalesAttribute
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ValueId { get; init; }
    public string? ValueName { get; init; }
}

public sealed record TikTokImage(string Uri);

public sealed record TikTokWeight(string Value, string Unit);

public sealed record TikTokDimensions(string Length, string Width, string Height, string Unit);

public sealed record TikTokSku
{
    /// <summary>TikTok's SKU id; absent on create, present on edit to keep the SKU.</summary>
    public string? Id { get; init; }
    public string? SellerSku { get; init; }
    public TikTokPrice? Price { get; init; }
    public IReadOnlyList<TikTokInventory>? Inventory { get; init; }
    public IReadOnlyList<TikTokSalesAttribute>? SalesAttributes { get; init; }
}

/// <summary>Body of POST /product/202309/products (create) and PUT /product/202309/products/{id} (full edit).</summary>
public sealed record TikTokProductRequest
{
    public string? SaveMode { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string CategoryId { get; init; }
    public string? BrandId { get; init; }
    public IReadOnlyList<TikTokImage> MainImages { get; init; } = [];
    public required IReadOnlyList<TikTokSku> Skus { get; init; }
    public TikTokWeight? PackageWeight { get; init; }
    public TikTokDimensions? PackageDimensions { get; init; }
    public string? IdempotencyKey { get; init; }
}

public sealed record TikTokProductWriteResult
{
    public string? ProductId { get; init; }
    public IReadOnlyList<TikTokWrittenSku> Skus { get; init; } = [];
    public IReadOnlyList<TikTokWarning>? Warnings { get; init; }
}

/// <summary>A SKU in a create or edit answer: <c>{id, seller_sku, sales_attributes, external_sku_id}</c>.</summary>
public sealed record TikTokWrittenSku
{
    public string? Id { get; init; }
    public string? SellerSku { get; init; }
}

public sealed record TikTokWarning(string? Message);

/// <summary>
/// data of POST /product/202309/images/upload: the <c>uri</c> main_images must name (TikTok accepts no outside URL),
/// the <c>url</c> it serves the picture from, and its size in pixels.
/// https://partner.tiktokshop.com/docv2/page/upload-product-image-202309
/// </summary>
public sealed record TikTokUploadedImage
{
    public string Uri { get; init; } = "";
    public string? Url { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
}

/// <summary>Body of POST /product/202309/products/search.</summary>
public sealed record TikTokProductSearchRequest
{
    public string? Status { get; init; }
    public IReadOnlyList<string>? SellerSkus { get; init; }
    public long? UpdateTimeGe { get; init; }
}

public sealed record TikTokProductSearchResult
{
    public IReadOnlyList<TikTokProduct> Products { get; init; } = [];
    public string? NextPageToken { get; init; }
    public int TotalCount { get; init; }
}

/// <summary>A SKU as search and get return it: the read price, and one inventory entry per warehouse.</summary>
public sealed record TikTokProductSku
{
    public string? Id { get; init; }
    public string? SellerSku { get; init; }
    public TikTokProductPrice? Price { get; init; }
    public IReadOnlyList<TikTokInventory>? Inventory { get; init; }
    public IReadOnlyList<TikTokSalesAttribute>? SalesAttributes { get; init; }
}

/// <summary>A product as search and get return it.</summary>
public sealed record TikTokProduct
{
    public string Id { get; init; } = "";
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<TikTokProductSku> Skus { get; init; } = [];
    public IReadOnlyList<TikTokImage>? MainImages { get; init; }
    public long CreateTime { get; init; }
    public long UpdateTime { get; init; }
}

public sealed record TikTokProductIds(IReadOnlyList<string> ProductIds);

/// <summary>Body of POST /product/202309/products/{id}/inventory/update: all SKUs of one product, every warehouse.</summary>
public sealed record TikTokInventoryUpdate(IReadOnlyList<TikTokSkuInventory> Skus);

public sealed record TikTokSkuInventory(string Id, IReadOnlyList<TikTokInventory> Inventory);

/// <summary>Body of POST /product/202309/products/{id}/prices/update.</summary>
public sealed record TikTokPriceUpdate(IReadOnlyList<TikTokSkuPrice> Skus);

public sealed record TikTokSkuPrice(string Id, TikTokPrice Price);

/// <summary>
/// Per-SKU failures inside a code-0 answer (inventory and activation): a success envelope is not proof every SKU
/// was updated.
/// </summary>
public sealed record TikTokPartialResult
{
    public IReadOnlyList<TikTokItemError>? Errors { get; init; }
}

public sealed record TikTokItemError
{
    public int Code { get; init; }
    public string? Message { get; init; }
    public TikTokItemErrorDetail? Detail { get; init; }
}

public sealed record TikTokItemErrorDetail
{
    public string? SkuId { get; init; }
    public string? ProductId { get; init; }
    public IReadOnlyList<TikTokWarehouseError>? ExtraErrors { get; init; }
}

public sealed record TikTokWarehouseError(string? WarehouseId, int Code, string? Message);

public sealed record TikTokWarehouses
{
    public IReadOnlyList<TikTokWarehouse> Warehouses { get; init; } = [];
}

public sealed record TikTokWarehouse
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? EffectStatus { get; init; }
    public string? Type { get; init; }
    public bool IsDefault { get; init; }
}

/// <summary>For answers whose data is empty (<c>"data":{}</c>).</summary>
public sealed record TikTokEmpty;
