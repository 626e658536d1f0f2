using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Etsy.Dto;

// Etsy Open API v3 as the client sends and reads it, named as Etsy's OpenAPI schemas name them (snake_case).

public sealed record EtsyTokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [JsonPropertyName("token_type")] public string? TokenType { get; init; }
    [JsonPropertyName("expires_in")] public int ExpiresIn { get; init; }
    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
}

public sealed record EtsyOAuthError
{
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }
}

/// <summary>ErrorSchema: <c>{"error":"…"}</c>.</summary>
public sealed record EtsyError
{
    [JsonPropertyName("error")] public string? Error { get; init; }
}

public sealed record EtsySelf
{
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("shop_id")] public long ShopId { get; init; }
}

public sealed record EtsyMoney
{
    [JsonPropertyName("amount")] public long Amount { get; init; }
    [JsonPropertyName("divisor")] public int Divisor { get; init; } = 100;
    [JsonPropertyName("currency_code")] public string CurrencyCode { get; init; } = "USD";
}

public sealed record EtsyListing
{
    [JsonPropertyName("listing_id")] public long ListingId { get; init; }
    [JsonPropertyName("shop_id")] public long ShopId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("skus")] public IReadOnlyList<string> Skus { get; init; } = [];
    [JsonPropertyName("price")] public EtsyMoney? Price { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
}

public sealed record EtsyListingsPage
{
    [JsonPropertyName("count")] public int Count { get; init; }
    [JsonPropertyName("results")] public IReadOnlyList<EtsyListing> Results { get; init; } = [];
}

public sealed record EtsyPropertyValue
{
    [JsonPropertyName("property_id")] public long PropertyId { get; init; }
    [JsonPropertyName("property_name")] public string? PropertyName { get; init; }
    [JsonPropertyName("scale_id")] public long? ScaleId { get; init; }
    [JsonPropertyName("value_ids")] public IReadOnlyList<long> ValueIds { get; init; } = [];
    [JsonPropertyName("values")] public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>A listing's inventory as read (getListingInventory): offerings' prices are Money.</summary>
public sealed record EtsyInventory
{
    [JsonPropertyName("products")] public IReadOnlyList<EtsyInventoryProduct> Products { get; init; } = [];
    [JsonPropertyName("price_on_property")] public IReadOnlyList<long> PriceOnProperty { get; init; } = [];
    [JsonPropertyName("quantity_on_property")] public IReadOnlyList<long> QuantityOnProperty { get; init; } = [];
    [JsonPropertyName("sku_on_property")] public IReadOnlyList<long> SkuOnProperty { get; init; } = [];
}

public sealed record EtsyInventoryProduct
{
    [JsonPropertyName("product_id")] public long ProductId { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("is_deleted")] public bool IsDeleted { get; init; }
    [JsonPropertyName("offerings")] public IReadOnlyList<EtsyOffering> Offerings { get; init; } = [];
    [JsonPropertyName("property_values")] public IReadOnlyList<EtsyPropertyValue> PropertyValues { get; init; } = [];
}

public sealed record EtsyOffering
{
    [JsonPropertyName("offering_id")] public long OfferingId { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("is_enabled")] public bool IsEnabled { get; init; }
    [JsonPropertyName("is_deleted")] public bool IsDeleted { get; init; }
    [JsonPropertyName("price")] public EtsyMoney? Price { get; init; }
}

/// <summary>The body of updateListingInventory: all products at once, each offering's price a decimal (amount / divisor).</summary>
public sealed record EtsyInventoryUpdate
{
    [JsonPropertyName("products")] public required IReadOnlyList<EtsyInventoryUpdateProduct> Products { get; init; }
    [JsonPropertyName("price_on_property")] public IReadOnlyList<long> PriceOnProperty { get; init; } = [];
    [JsonPropertyName("quantity_on_property")] public IReadOnlyList<long> QuantityOnProperty { get; init; } = [];
    [JsonPropertyName("sku_on_property")] public IReadOnlyList<long> SkuOnProperty { get; init; } = [];
}

public sealed record EtsyInventoryUpdateProduct
{
    [JsonPropertyName("sku")] public required string Sku { get; init; }
    [JsonPropertyName("property_values")] public IReadOnlyList<EtsyPropertyValue> PropertyValues { get; init; } = [];
    [JsonPropertyName("offerings")] public required IReadOnlyList<EtsyInventoryUpdateOffering> Offerings { get; init; }
}

public sealed record EtsyInventoryUpdateOffering
{
    [JsonPropertyName("price")] public decimal Price { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("is_enabled")] public bool IsEnabled { get; init; } = true;
}

public sealed record EtsyReceiptsPage
{
    [JsonPropertyName("count")] public int Count { get; init; }
    [JsonPropertyName("results")] public IReadOnlyList<EtsyReceipt> Results { get; init; } = [];
}

public sealed record EtsyReceipt
{
    [JsonPropertyName("receipt_id")] public long ReceiptId { get; init; }
    [JsonPropertyName("buyer_email")] public string? BuyerEmail { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("first_line")] public string? FirstLine { get; init; }
    [JsonPropertyName("second_line")] public string? SecondLine { get; init; }
    [JsonPropertyName("city")] public string? City { get; init; }
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("zip")] public string? Zip { get; init; }
    [JsonPropertyName("country_iso")] public string? CountryIso { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
    [JsonPropertyName("is_paid")] public bool IsPaid { get; init; }
    [JsonPropertyName("is_shipped")] public bool IsShipped { get; init; }
    [JsonPropertyName("created_timestamp")] public long CreatedTimestamp { get; init; }
    [JsonPropertyName("updated_timestamp")] public long UpdatedTimestamp { get; init; }
    [JsonPropertyName("grandtotal")] public EtsyMoney? Grandtotal { get; init; }
    [JsonPropertyName("transactions")] public IReadOnlyList<EtsyTransaction> Transactions { get; init; } = [];
}

public sealed record EtsyTransaction
{
    [JsonPropertyName("transaction_id")] public long TransactionId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("price")] public EtsyMoney? Price { get; init; }
}

/// <summary>getShopShippingProfiles: <c>{count, results}</c> of ShopShippingProfile.</summary>
public sealed record EtsyShippingProfilesPage
{
    [JsonPropertyName("results")] public IReadOnlyList<EtsyShippingProfile> Results { get; init; } = [];
}

public sealed record EtsyShippingProfile
{
    [JsonPropertyName("shipping_profile_id")] public long ShippingProfileId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("is_deleted")] public bool IsDeleted { get; init; }
}

/// <summary>getShopReturnPolicies: <c>{count, results}</c> of ShopReturnPolicy.</summary>
public sealed record EtsyReturnPoliciesPage
{
    [JsonPropertyName("results")] public IReadOnlyList<EtsyReturnPolicy> Results { get; init; } = [];
}

public sealed record EtsyReturnPolicy
{
    [JsonPropertyName("return_policy_id")] public long ReturnPolicyId { get; init; }
    [JsonPropertyName("accepts_returns")] public bool AcceptsReturns { get; init; }
    [JsonPropertyName("accepts_exchanges")] public bool AcceptsExchanges { get; init; }
    [JsonPropertyName("return_deadline")] public int? ReturnDeadline { get; init; }
}

/// <summary>getListingImages: <c>{count, results}</c> of ListingImage.</summary>
public sealed record EtsyListingImagesPage
{
    [JsonPropertyName("count")] public int Count { get; init; }
    [JsonPropertyName("results")] public IReadOnlyList<EtsyListingImage> Results { get; init; } = [];
}

public sealed record EtsyListingImage
{
    [JsonPropertyName("listing_image_id")] public long ListingImageId { get; init; }
    [JsonPropertyName("rank")] public int Rank { get; init; }
    [JsonPropertyName("url_fullxfull")] public string? UrlFullxfull { get; init; }
}
