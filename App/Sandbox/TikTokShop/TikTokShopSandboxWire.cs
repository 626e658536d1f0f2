using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.TikTokShop;

// The TikTok Shop emulator's own wire model, written member by member from TikTok's Partner API reference pages
// (202309 product, authorization and logistics) and the official examples; nothing here is shared with the client,
// so a member the client names or cases wrongly is refused here as a strict reader of TikTok's schema would.
// https://partner.tiktokshop.com/docv2/page/create-product-202309, /get-product-202309, /update-inventory-202309,
// /update-price-202309, /upload-product-image-202309, /get-warehouse-list-202309, /get-authorized-shops-202309

/// <summary>How the emulator reads and writes TikTok JSON: exact snake_case names, no unknown members, no numbers in strings.</summary>
internal static class TikTokShopSandboxJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    /// <summary>The control API's JSON (the emulator's own, not TikTok's): snake_case, lenient.</summary>
    public static JsonSerializerOptions Control { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Every answer: <c>{"code","message","request_id","data"}</c>; success is code 0.</summary>
internal sealed record TikTokWireEnvelope<T>(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("data")] T Data);

/// <summary>An error answer: the same envelope, <c>"data":null</c> written out.</summary>
internal sealed record TikTokWireErrorEnvelope(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId)
{
    [JsonPropertyName("data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public object? Data => null;
}

/// <summary><c>"data":{}</c>.</summary>
internal sealed record TikTokWireEmpty;

// Authorization: /api/v2/token/get and /refresh (expiries are unix timestamps), /authorization/202309/shops.

internal sealed record TikTokWireToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("access_token_expire_in")] long AccessTokenExpireIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("refresh_token_expire_in")] long RefreshTokenExpireIn,
    [property: JsonPropertyName("open_id")] string OpenId,
    [property: JsonPropertyName("seller_name")] string? SellerName,
    [property: JsonPropertyName("seller_base_region")] string? SellerBaseRegion,
    [property: JsonPropertyName("user_type")] int UserType,
    [property: JsonPropertyName("granted_scopes")] IReadOnlyList<string> GrantedScopes);

internal sealed record TikTokWireShops([property: JsonPropertyName("shops")] IReadOnlyList<TikTokWireShop> Shops);

internal sealed record TikTokWireShop(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("seller_type")] string SellerType,
    [property: JsonPropertyName("cipher")] string Cipher,
    [property: JsonPropertyName("code")] string Code);

// Product writes (create, edit, inventory, prices): every member of the Create Product request, those the emulator
// does not act on kept as raw JSON so the official example reads whole.

/// <summary>A price as writes send it: <c>{amount, currency, sale_price}</c>, decimal strings.</summary>
internal sealed record TikTokWireWritePrice
{
    [JsonPropertyName("amount")] public string? Amount { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("sale_price")] public string? SalePrice { get; init; }
}

internal sealed record TikTokWireInventory
{
    [JsonPropertyName("warehouse_id")] public string? WarehouseId { get; init; }
    [JsonPropertyName("quantity")] public int? Quantity { get; init; }
    [JsonPropertyName("backorder_quantity")] public int? BackorderQuantity { get; init; }
    [JsonPropertyName("handling_time")] public int? HandlingTime { get; init; }
}

internal sealed record TikTokWireImageRef
{
    [JsonPropertyName("uri")] public string? Uri { get; init; }
}

internal sealed record TikTokWireSalesAttribute
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("value_id")] public string? ValueId { get; init; }
    [JsonPropertyName("value_name")] public string? ValueName { get; init; }
    [JsonPropertyName("sku_img")] public TikTokWireImageRef? SkuImg { get; init; }
    [JsonPropertyName("supplementary_sku_images")] public IReadOnlyList<TikTokWireImageRef>? SupplementarySkuImages { get; init; }
}

internal sealed record TikTokWireSkuWrite
{
    /// <summary>Absent on create; on edit it keeps the SKU (one left out is deleted).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("seller_sku")] public string? SellerSku { get; init; }
    [JsonPropertyName("price")] public TikTokWireWritePrice? Price { get; init; }
    [JsonPropertyName("inventory")] public IReadOnlyList<TikTokWireInventory>? Inventory { get; init; }
    [JsonPropertyName("sales_attributes")] public IReadOnlyList<TikTokWireSalesAttribute>? SalesAttributes { get; init; }
    [JsonPropertyName("external_sku_id")] public string? ExternalSkuId { get; init; }
    [JsonPropertyName("identifier_code")] public JsonElement? IdentifierCode { get; init; }
    [JsonPropertyName("combined_skus")] public JsonElement? CombinedSkus { get; init; }
    [JsonPropertyName("sku_unit_count")] public string? SkuUnitCount { get; init; }
    [JsonPropertyName("external_urls")] public IReadOnlyList<string>? ExternalUrls { get; init; }
    [JsonPropertyName("extra_identifier_codes")] public IReadOnlyList<string>? ExtraIdentifierCodes { get; init; }
    [JsonPropertyName("pre_sale")] public JsonElement? PreSale { get; init; }
    [JsonPropertyName("list_price")] public JsonElement? ListPrice { get; init; }
    [JsonPropertyName("external_list_prices")] public JsonElement? ExternalListPrices { get; init; }
    [JsonPropertyName("fees")] public JsonElement? Fees { get; init; }
}

internal sealed record TikTokWireWeight
{
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
}

internal sealed record TikTokWireDimensions
{
    [JsonPropertyName("length")] public string? Length { get; init; }
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("height")] public string? Height { get; init; }
    [JsonPropertyName("unit")] public string? Unit { get; init; }
}

/// <summary>Body of Create Product and Edit Product (a full replace).</summary>
internal sealed record TikTokWireProductWrite
{
    [JsonPropertyName("save_mode")] public string? SaveMode { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("category_id")] public string? CategoryId { get; init; }
    [JsonPropertyName("category_version")] public string? CategoryVersion { get; init; }
    [JsonPropertyName("brand_id")] public string? BrandId { get; init; }
    [JsonPropertyName("main_images")] public IReadOnlyList<TikTokWireImageRef>? MainImages { get; init; }
    [JsonPropertyName("skus")] public IReadOnlyList<TikTokWireSkuWrite>? Skus { get; init; }
    [JsonPropertyName("package_weight")] public TikTokWireWeight? PackageWeight { get; init; }
    [JsonPropertyName("package_dimensions")] public TikTokWireDimensions? PackageDimensions { get; init; }
    [JsonPropertyName("product_attributes")] public JsonElement? ProductAttributes { get; init; }
    [JsonPropertyName("certifications")] public JsonElement? Certifications { get; init; }
    [JsonPropertyName("video")] public JsonElement? Video { get; init; }
    [JsonPropertyName("size_chart")] public JsonElement? SizeChart { get; init; }
    [JsonPropertyName("is_cod_allowed")] public bool? IsCodAllowed { get; init; }
    [JsonPropertyName("external_product_id")] public string? ExternalProductId { get; init; }
    [JsonPropertyName("delivery_option_ids")] public IReadOnlyList<string>? DeliveryOptionIds { get; init; }
    [JsonPropertyName("primary_combined_product_id")] public string? PrimaryCombinedProductId { get; init; }
    [JsonPropertyName("is_not_for_sale")] public bool? IsNotForSale { get; init; }
    [JsonPropertyName("manufacturer_ids")] public IReadOnlyList<string>? ManufacturerIds { get; init; }
    [JsonPropertyName("responsible_person_ids")] public IReadOnlyList<string>? ResponsiblePersonIds { get; init; }
    [JsonPropertyName("listing_platforms")] public IReadOnlyList<string>? ListingPlatforms { get; init; }
    [JsonPropertyName("shipping_insurance_requirement")] public string? ShippingInsuranceRequirement { get; init; }
    [JsonPropertyName("minimum_order_quantity")] public int? MinimumOrderQuantity { get; init; }
    [JsonPropertyName("is_pre_owned")] public bool? IsPreOwned { get; init; }
    [JsonPropertyName("idempotency_key")] public string? IdempotencyKey { get; init; }
    [JsonPropertyName("shipping_template_id")] public string? ShippingTemplateId { get; init; }
}

internal sealed record TikTokWireWrittenSku(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("seller_sku")] string? SellerSku);

internal sealed record TikTokWireProductWritten(
    [property: JsonPropertyName("product_id")] string ProductId,
    [property: JsonPropertyName("skus")] IReadOnlyList<TikTokWireWrittenSku> Skus);

internal sealed record TikTokWireSkuInventory
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("inventory")] public IReadOnlyList<TikTokWireInventory>? Inventory { get; init; }
}

/// <summary>Body of Update Inventory: SKUs of one product, every warehouse of each.</summary>
internal sealed record TikTokWireInventoryUpdate
{
    [JsonPropertyName("skus")] public IReadOnlyList<TikTokWireSkuInventory>? Skus { get; init; }
}

internal sealed record TikTokWireSkuPrice
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("price")] public TikTokWireWritePrice? Price { get; init; }
    [JsonPropertyName("list_price")] public JsonElement? ListPrice { get; init; }
    [JsonPropertyName("external_list_prices")] public JsonElement? ExternalListPrices { get; init; }
}

/// <summary>Body of Update Price.</summary>
internal sealed record TikTokWirePriceUpdate
{
    [JsonPropertyName("skus")] public IReadOnlyList<TikTokWireSkuPrice>? Skus { get; init; }
}

internal sealed record TikTokWireProductIds
{
    [JsonPropertyName("product_ids")] public IReadOnlyList<string>? ProductIds { get; init; }
    [JsonPropertyName("listing_platforms")] public IReadOnlyList<string>? ListingPlatforms { get; init; }
}

internal sealed record TikTokWireProductSearch
{
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("seller_skus")] public IReadOnlyList<string>? SellerSkus { get; init; }
    [JsonPropertyName("create_time_ge")] public long? CreateTimeGe { get; init; }
    [JsonPropertyName("create_time_le")] public long? CreateTimeLe { get; init; }
    [JsonPropertyName("update_time_ge")] public long? UpdateTimeGe { get; init; }
    [JsonPropertyName("update_time_le")] public long? UpdateTimeLe { get; init; }
    [JsonPropertyName("category_version")] public string? CategoryVersion { get; init; }
    [JsonPropertyName("listing_quality_tiers")] public IReadOnlyList<string>? ListingQualityTiers { get; init; }
    [JsonPropertyName("listing_platforms")] public IReadOnlyList<string>? ListingPlatforms { get; init; }
}

/// <summary>Per-item failures inside a code-0 answer.</summary>
internal sealed record TikTokWirePartial([property: JsonPropertyName("errors")] IReadOnlyList<TikTokWireItemError>? Errors);

internal sealed record TikTokWireItemError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("detail")] TikTokWireItemErrorDetail Detail);

internal sealed record TikTokWireItemErrorDetail
{
    [JsonPropertyName("sku_id")] public string? SkuId { get; init; }
    [JsonPropertyName("product_id")] public string? ProductId { get; init; }
    [JsonPropertyName("extra_errors")] public IReadOnlyList<TikTokWireWarehouseError>? ExtraErrors { get; init; }
}

internal sealed record TikTokWireWarehouseError(
    [property: JsonPropertyName("warehouse_id")] string? WarehouseId,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message);

// Product reads (Search Products, Get Product): the price is {currency, tax_exclusive_price, sale_price}, never amount.

internal sealed record TikTokWireReadPrice
{
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("tax_exclusive_price")] public string? TaxExclusivePrice { get; init; }
    [JsonPropertyName("sale_price")] public string? SalePrice { get; init; }
}

internal sealed record TikTokWireStock(
    [property: JsonPropertyName("warehouse_id")] string WarehouseId,
    [property: JsonPropertyName("quantity")] int Quantity);

internal sealed record TikTokWireReadSalesAttribute(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("value_id")] string? ValueId,
    [property: JsonPropertyName("value_name")] string? ValueName);

internal sealed record TikTokWireSku
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("seller_sku")] public string? SellerSku { get; init; }
    [JsonPropertyName("price")] public TikTokWireReadPrice? Price { get; init; }
    [JsonPropertyName("inventory")] public IReadOnlyList<TikTokWireStock> Inventory { get; init; } = [];
    [JsonPropertyName("sales_attributes")] public IReadOnlyList<TikTokWireReadSalesAttribute>? SalesAttributes { get; init; }
}

/// <summary>An image as reads return it: the uri, the URLs TikTok serves it from, and its size.</summary>
internal sealed record TikTokWireImage(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("urls")] IReadOnlyList<string> Urls,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);

internal sealed record TikTokWireProduct
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("skus")] public IReadOnlyList<TikTokWireSku> Skus { get; init; } = [];
    [JsonPropertyName("main_images")] public IReadOnlyList<TikTokWireImage>? MainImages { get; init; }
    [JsonPropertyName("package_weight")] public TikTokWireWeight? PackageWeight { get; init; }
    [JsonPropertyName("package_dimensions")] public TikTokWireDimensions? PackageDimensions { get; init; }
    [JsonPropertyName("create_time")] public long CreateTime { get; init; }
    [JsonPropertyName("update_time")] public long UpdateTime { get; init; }
}

internal sealed record TikTokWireProductPage(
    [property: JsonPropertyName("products")] IReadOnlyList<TikTokWireProduct> Products,
    [property: JsonPropertyName("next_page_token")] string NextPageToken,
    [property: JsonPropertyName("total_count")] int TotalCount);

/// <summary>data of Upload Product Image.</summary>
internal sealed record TikTokWireUploadedImage(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("use_case")] string UseCase);

internal sealed record TikTokWireWarehouses([property: JsonPropertyName("warehouses")] IReadOnlyList<TikTokWireWarehouse> Warehouses);

internal sealed record TikTokWireWarehouse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("effect_status")] string EffectStatus,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("sub_type")] string SubType,
    [property: JsonPropertyName("is_default")] bool IsDefault);
