using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.Etsy;

// Etsy Open API v3's own shapes, named and cased as its OpenAPI schemas name them (etsy_openapi_excerpt.json:
// ErrorSchema, ShopReceipts, ShopReceipt, ShopReceiptShipment, ShopReceiptTransaction, Money, ListingInventory,
// ListingInventoryProduct, ListingInventoryProductOffering; ShopListing from the reference's createDraftListing answer).
// Written for the emulator alone: no client type or serializer setting is shared.

internal static class EtsySandboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General);
}

/// <summary>ErrorSchema: every 4xx and 5xx answer is <c>{"error":"…"}</c>.</summary>
internal sealed record EtsyWireError([property: JsonPropertyName("error")] string Error);

/// <summary>The OAuth 2 token answer (token_exchange.response_shape): both tokens are "&lt;user_id&gt;.&lt;opaque&gt;".</summary>
internal sealed record EtsyWireToken(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string RefreshToken);

/// <summary>The OAuth error answer of the token endpoint (RFC 6749 §5.2).</summary>
internal sealed record EtsyWireOAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>Self (getMe): the user the token is for and the shop it owns.</summary>
internal sealed record EtsyWireSelf(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("shop_id")] long ShopId);

/// <summary>Money: an integer amount over a divisor (1999 / 100 = 19.99).</summary>
internal sealed record EtsyWireMoney(
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("divisor")] int Divisor,
    [property: JsonPropertyName("currency_code")] string CurrencyCode);

/// <summary>ShopListing, the fields this emulator keeps.</summary>
internal sealed record EtsyWireListing
{
    [JsonPropertyName("listing_id")] public long ListingId { get; init; }
    [JsonPropertyName("user_id")] public long UserId { get; init; }
    [JsonPropertyName("shop_id")] public long ShopId { get; init; }
    [JsonPropertyName("title")] public string Title { get; init; } = "";
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("state")] public string State { get; init; } = "draft";
    [JsonPropertyName("creation_timestamp")] public long CreationTimestamp { get; init; }
    [JsonPropertyName("created_timestamp")] public long CreatedTimestamp { get; init; }
    [JsonPropertyName("last_modified_timestamp")] public long LastModifiedTimestamp { get; init; }
    [JsonPropertyName("updated_timestamp")] public long UpdatedTimestamp { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("who_made")] public string WhoMade { get; init; } = "";
    [JsonPropertyName("when_made")] public string WhenMade { get; init; } = "";
    [JsonPropertyName("taxonomy_id")] public long TaxonomyId { get; init; }
    [JsonPropertyName("skus")] public IReadOnlyList<string> Skus { get; init; } = [];
    [JsonPropertyName("price")] public EtsyWireMoney Price { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("url")] public string Url { get; init; } = "";
}

/// <summary>A page of listings: <c>{count, results}</c>, count being all that match.</summary>
internal sealed record EtsyWireListings(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<EtsyWireListing> Results);

internal sealed record EtsyWireInventory(
    [property: JsonPropertyName("products")] IReadOnlyList<EtsyWireInventoryProduct> Products,
    [property: JsonPropertyName("price_on_property")] IReadOnlyList<long> PriceOnProperty,
    [property: JsonPropertyName("quantity_on_property")] IReadOnlyList<long> QuantityOnProperty,
    [property: JsonPropertyName("sku_on_property")] IReadOnlyList<long> SkuOnProperty);

internal sealed record EtsyWireInventoryProduct(
    [property: JsonPropertyName("product_id")] long ProductId,
    [property: JsonPropertyName("sku")] string Sku,
    [property: JsonPropertyName("is_deleted")] bool IsDeleted,
    [property: JsonPropertyName("offerings")] IReadOnlyList<EtsyWireOffering> Offerings,
    [property: JsonPropertyName("property_values")] IReadOnlyList<EtsyWirePropertyValue> PropertyValues);

internal sealed record EtsyWireOffering(
    [property: JsonPropertyName("offering_id")] long OfferingId,
    [property: JsonPropertyName("quantity")] int Quantity,
    [property: JsonPropertyName("is_enabled")] bool IsEnabled,
    [property: JsonPropertyName("is_deleted")] bool IsDeleted,
    [property: JsonPropertyName("price")] EtsyWireMoney Price);

internal sealed record EtsyWirePropertyValue
{
    [JsonPropertyName("property_id")] public long PropertyId { get; init; }
    [JsonPropertyName("property_name")] public string? PropertyName { get; init; }
    [JsonPropertyName("scale_id")] public long? ScaleId { get; init; }
    [JsonPropertyName("value_ids")] public IReadOnlyList<long> ValueIds { get; init; } = [];
    [JsonPropertyName("values")] public IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>The body of updateListingInventory (JSON, all field names lowercase): a full replace of the products.</summary>
internal sealed record EtsyWireInventoryUpdate
{
    [JsonPropertyName("products")] public IReadOnlyList<EtsyWireInventoryUpdateProduct>? Products { get; init; }
    [JsonPropertyName("price_on_property")] public IReadOnlyList<long>? PriceOnProperty { get; init; }
    [JsonPropertyName("quantity_on_property")] public IReadOnlyList<long>? QuantityOnProperty { get; init; }
    [JsonPropertyName("sku_on_property")] public IReadOnlyList<long>? SkuOnProperty { get; init; }
}

internal sealed record EtsyWireInventoryUpdateProduct
{
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("property_values")] public IReadOnlyList<EtsyWirePropertyValue>? PropertyValues { get; init; }
    [JsonPropertyName("offerings")] public IReadOnlyList<EtsyWireInventoryUpdateOffering>? Offerings { get; init; }
}

/// <summary>An offering to write: the price is a float here (amount / divisor), unlike the Money it reads back as.</summary>
internal sealed record EtsyWireInventoryUpdateOffering
{
    [JsonPropertyName("price")] public decimal? Price { get; init; }
    [JsonPropertyName("quantity")] public int? Quantity { get; init; }
    [JsonPropertyName("is_enabled")] public bool? IsEnabled { get; init; }
}

internal sealed record EtsyWireReceipts(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<EtsyWireReceipt> Results);

/// <summary>ShopReceipt, the fields this emulator keeps.</summary>
internal sealed record EtsyWireReceipt
{
    [JsonPropertyName("receipt_id")] public long ReceiptId { get; init; }
    [JsonPropertyName("receipt_type")] public int ReceiptType { get; init; }
    [JsonPropertyName("seller_user_id")] public long SellerUserId { get; init; }
    [JsonPropertyName("seller_email")] public string? SellerEmail { get; init; }
    [JsonPropertyName("buyer_user_id")] public long BuyerUserId { get; init; }
    [JsonPropertyName("buyer_email")] public string? BuyerEmail { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("first_line")] public string FirstLine { get; init; } = "";
    [JsonPropertyName("second_line")] public string? SecondLine { get; init; }
    [JsonPropertyName("city")] public string City { get; init; } = "";
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("zip")] public string Zip { get; init; } = "";
    [JsonPropertyName("status")] public string Status { get; init; } = "paid";
    [JsonPropertyName("formatted_address")] public string FormattedAddress { get; init; } = "";
    [JsonPropertyName("country_iso")] public string CountryIso { get; init; } = "US";
    [JsonPropertyName("payment_method")] public string PaymentMethod { get; init; } = "cc";
    [JsonPropertyName("is_paid")] public bool IsPaid { get; init; }
    [JsonPropertyName("is_shipped")] public bool IsShipped { get; init; }
    [JsonPropertyName("create_timestamp")] public long CreateTimestamp { get; init; }
    [JsonPropertyName("created_timestamp")] public long CreatedTimestamp { get; init; }
    [JsonPropertyName("update_timestamp")] public long UpdateTimestamp { get; init; }
    [JsonPropertyName("updated_timestamp")] public long UpdatedTimestamp { get; init; }
    [JsonPropertyName("is_gift")] public bool IsGift { get; init; }
    [JsonPropertyName("grandtotal")] public EtsyWireMoney Grandtotal { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("subtotal")] public EtsyWireMoney Subtotal { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("total_price")] public EtsyWireMoney TotalPrice { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("total_shipping_cost")] public EtsyWireMoney TotalShippingCost { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("total_tax_cost")] public EtsyWireMoney TotalTaxCost { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("shipments")] public IReadOnlyList<EtsyWireShipment> Shipments { get; init; } = [];
    [JsonPropertyName("transactions")] public IReadOnlyList<EtsyWireTransaction> Transactions { get; init; } = [];
    [JsonPropertyName("refunds")] public IReadOnlyList<JsonElement> Refunds { get; init; } = [];
}

internal sealed record EtsyWireShipment(
    [property: JsonPropertyName("receipt_shipping_id")] long? ReceiptShippingId,
    [property: JsonPropertyName("shipment_notification_timestamp")] long ShipmentNotificationTimestamp,
    [property: JsonPropertyName("carrier_name")] string CarrierName,
    [property: JsonPropertyName("tracking_code")] string TrackingCode);

internal sealed record EtsyWireTransaction
{
    [JsonPropertyName("transaction_id")] public long TransactionId { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("seller_user_id")] public long SellerUserId { get; init; }
    [JsonPropertyName("buyer_user_id")] public long BuyerUserId { get; init; }
    [JsonPropertyName("create_timestamp")] public long CreateTimestamp { get; init; }
    [JsonPropertyName("created_timestamp")] public long CreatedTimestamp { get; init; }
    [JsonPropertyName("paid_timestamp")] public long? PaidTimestamp { get; init; }
    [JsonPropertyName("shipped_timestamp")] public long? ShippedTimestamp { get; init; }
    [JsonPropertyName("quantity")] public int Quantity { get; init; }
    [JsonPropertyName("receipt_id")] public long ReceiptId { get; init; }
    [JsonPropertyName("is_digital")] public bool IsDigital { get; init; }
    [JsonPropertyName("listing_id")] public long? ListingId { get; init; }
    [JsonPropertyName("transaction_type")] public string TransactionType { get; init; } = "listing";
    [JsonPropertyName("product_id")] public long? ProductId { get; init; }
    [JsonPropertyName("sku")] public string? Sku { get; init; }
    [JsonPropertyName("price")] public EtsyWireMoney Price { get; init; } = new(0, 100, "USD");
    [JsonPropertyName("shipping_cost")] public EtsyWireMoney ShippingCost { get; init; } = new(0, 100, "USD");
}

/// <summary>ShopShippingProfile, the members the portal's choices need.</summary>
internal sealed record EtsyWireShippingProfile(
    [property: JsonPropertyName("shipping_profile_id")] long ShippingProfileId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("origin_country_iso")] string OriginCountryIso,
    [property: JsonPropertyName("is_deleted")] bool IsDeleted,
    [property: JsonPropertyName("min_processing_days")] int? MinProcessingDays,
    [property: JsonPropertyName("max_processing_days")] int? MaxProcessingDays);

internal sealed record EtsyWireShippingProfiles(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<EtsyWireShippingProfile> Results);

/// <summary>ShopReturnPolicy: whether returns and exchanges are accepted, and the deadline in days.</summary>
internal sealed record EtsyWireReturnPolicy(
    [property: JsonPropertyName("return_policy_id")] long ReturnPolicyId,
    [property: JsonPropertyName("accepts_returns")] bool AcceptsReturns,
    [property: JsonPropertyName("accepts_exchanges")] bool AcceptsExchanges,
    [property: JsonPropertyName("return_deadline")] int? ReturnDeadline)
{
    [JsonPropertyName("shop_id")] public long ShopId { get; init; }
}

internal sealed record EtsyWireReturnPolicies(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<EtsyWireReturnPolicy> Results);

/// <summary>ListingImage, the members the portal reads: its id, rank and full-size address.</summary>
internal sealed record EtsyWireListingImage(
    [property: JsonPropertyName("listing_id")] long ListingId,
    [property: JsonPropertyName("listing_image_id")] long ListingImageId,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("url_fullxfull")] string UrlFullxfull,
    [property: JsonPropertyName("full_width")] int? FullWidth,
    [property: JsonPropertyName("full_height")] int? FullHeight);

internal sealed record EtsyWireListingImages(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("results")] IReadOnlyList<EtsyWireListingImage> Results);
