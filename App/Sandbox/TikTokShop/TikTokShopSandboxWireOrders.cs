using System.Text.Json.Serialization;

namespace SellerPortal.Sandbox.TikTokShop;

// Orders and fulfilment as TikTok's reference pages and official examples give them: Get Order List 202309 (body and
// answer), Get Order Detail 202309/202507, Mark Package As Shipped, Ship Package, Update Shipping Info, Get Shipping
// Providers. https://partner.tiktokshop.com/docv2/page/get-order-list-202309, /get-order-detail-202309,
// /ship-package-202309, /update-shipping-info-202309

/// <summary>Body of Get Order List; every member of the official request example.</summary>
internal sealed record TikTokWireOrderSearch
{
    [JsonPropertyName("order_status")] public string? OrderStatus { get; init; }
    [JsonPropertyName("create_time_ge")] public long? CreateTimeGe { get; init; }
    [JsonPropertyName("create_time_lt")] public long? CreateTimeLt { get; init; }
    [JsonPropertyName("update_time_ge")] public long? UpdateTimeGe { get; init; }
    [JsonPropertyName("update_time_lt")] public long? UpdateTimeLt { get; init; }
    [JsonPropertyName("shipping_type")] public string? ShippingType { get; init; }
    [JsonPropertyName("buyer_user_id")] public string? BuyerUserId { get; init; }
    [JsonPropertyName("is_buyer_request_cancel")] public bool? IsBuyerRequestCancel { get; init; }
    [JsonPropertyName("warehouse_ids")] public IReadOnlyList<string>? WarehouseIds { get; init; }
}

internal sealed record TikTokWirePayment
{
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("sub_total")] public required string SubTotal { get; init; }
    [JsonPropertyName("shipping_fee")] public required string ShippingFee { get; init; }
    [JsonPropertyName("seller_discount")] public string SellerDiscount { get; init; } = "0";
    [JsonPropertyName("platform_discount")] public string PlatformDiscount { get; init; } = "0";
    [JsonPropertyName("tax")] public required string Tax { get; init; }
    [JsonPropertyName("total_amount")] public required string TotalAmount { get; init; }
    [JsonPropertyName("original_total_product_price")] public string? OriginalTotalProductPrice { get; init; }
}

internal sealed record TikTokWireDistrict(
    [property: JsonPropertyName("address_level_name")] string AddressLevelName,
    [property: JsonPropertyName("address_name")] string AddressName,
    [property: JsonPropertyName("address_level")] string AddressLevel);

internal sealed record TikTokWireAddress
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; init; }
    [JsonPropertyName("full_address")] public string? FullAddress { get; init; }
    [JsonPropertyName("address_line1")] public string? AddressLine1 { get; init; }
    [JsonPropertyName("address_line2")] public string AddressLine2 { get; init; } = "";
    [JsonPropertyName("address_line3")] public string AddressLine3 { get; init; } = "";
    [JsonPropertyName("address_line4")] public string AddressLine4 { get; init; } = "";
    [JsonPropertyName("postal_code")] public string? PostalCode { get; init; }
    [JsonPropertyName("region_code")] public required string RegionCode { get; init; }
    [JsonPropertyName("district_info")] public IReadOnlyList<TikTokWireDistrict> DistrictInfo { get; init; } = [];
}

/// <summary>One line per unit: TikTok has no quantity on a line.</summary>
internal sealed record TikTokWireLineItem
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("sku_id")] public required string SkuId { get; init; }
    [JsonPropertyName("product_id")] public required string ProductId { get; init; }
    [JsonPropertyName("seller_sku")] public required string SellerSku { get; init; }
    [JsonPropertyName("product_name")] public required string ProductName { get; init; }
    [JsonPropertyName("sku_name")] public string SkuName { get; init; } = "";
    [JsonPropertyName("sale_price")] public required string SalePrice { get; init; }
    [JsonPropertyName("original_price")] public required string OriginalPrice { get; init; }
    [JsonPropertyName("currency")] public required string Currency { get; init; }
    [JsonPropertyName("package_id")] public string? PackageId { get; init; }
    [JsonPropertyName("display_status")] public required string DisplayStatus { get; init; }
    [JsonPropertyName("tracking_number")] public string? TrackingNumber { get; init; }
    [JsonPropertyName("shipping_provider_id")] public string? ShippingProviderId { get; init; }
    [JsonPropertyName("shipping_provider_name")] public string? ShippingProviderName { get; init; }
}

internal sealed record TikTokWirePackageRef([property: JsonPropertyName("id")] string Id);

internal sealed record TikTokWireOrder
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("create_time")] public long CreateTime { get; init; }
    [JsonPropertyName("update_time")] public long UpdateTime { get; init; }
    [JsonPropertyName("paid_time")] public long? PaidTime { get; init; }
    [JsonPropertyName("user_id")] public required string UserId { get; init; }
    [JsonPropertyName("buyer_email")] public string? BuyerEmail { get; init; }
    [JsonPropertyName("payment")] public required TikTokWirePayment Payment { get; init; }
    [JsonPropertyName("recipient_address")] public required TikTokWireAddress RecipientAddress { get; init; }
    [JsonPropertyName("line_items")] public IReadOnlyList<TikTokWireLineItem> LineItems { get; init; } = [];
    [JsonPropertyName("packages")] public IReadOnlyList<TikTokWirePackageRef> Packages { get; init; } = [];
    [JsonPropertyName("tracking_number")] public string? TrackingNumber { get; init; }
    [JsonPropertyName("shipping_provider")] public string? ShippingProvider { get; init; }
    [JsonPropertyName("shipping_provider_id")] public string? ShippingProviderId { get; init; }
    [JsonPropertyName("delivery_option_id")] public string? DeliveryOptionId { get; init; }
    [JsonPropertyName("fulfillment_type")] public string FulfillmentType { get; init; } = "FULFILLMENT_BY_SELLER";
    [JsonPropertyName("shipping_type")] public string ShippingType { get; init; } = "SELLER";
    [JsonPropertyName("warehouse_id")] public string? WarehouseId { get; init; }
    [JsonPropertyName("is_on_hold_order")] public bool IsOnHoldOrder { get; init; }
    [JsonPropertyName("cancel_reason")] public string? CancelReason { get; init; }
    [JsonPropertyName("cancellation_initiator")] public string? CancellationInitiator { get; init; }
}

internal sealed record TikTokWireOrderPage(
    [property: JsonPropertyName("orders")] IReadOnlyList<TikTokWireOrder> Orders,
    [property: JsonPropertyName("next_page_token")] string NextPageToken,
    [property: JsonPropertyName("total_count")] int TotalCount);

internal sealed record TikTokWireOrders([property: JsonPropertyName("orders")] IReadOnlyList<TikTokWireOrder> Orders);

/// <summary>Body of Mark Package As Shipped (POST /fulfillment/202309/orders/{order_id}/packages).</summary>
internal sealed record TikTokWireMarkShipped
{
    [JsonPropertyName("order_line_item_ids")] public IReadOnlyList<string>? OrderLineItemIds { get; init; }
    [JsonPropertyName("tracking_number")] public string? TrackingNumber { get; init; }
    [JsonPropertyName("shipping_provider_id")] public string? ShippingProviderId { get; init; }
}

internal sealed record TikTokWireMarkedShipped(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("package_id")] string PackageId);

internal sealed record TikTokWireTracking
{
    [JsonPropertyName("tracking_number")] public string? TrackingNumber { get; init; }
    [JsonPropertyName("shipping_provider_id")] public string? ShippingProviderId { get; init; }
}

internal sealed record TikTokWireSlot
{
    [JsonPropertyName("start_time")] public long? StartTime { get; init; }
    [JsonPropertyName("end_time")] public long? EndTime { get; init; }
}

/// <summary>Body of Ship Package.</summary>
internal sealed record TikTokWireShipPackage
{
    [JsonPropertyName("handover_method")] public string? HandoverMethod { get; init; }
    [JsonPropertyName("pickup_slot")] public TikTokWireSlot? PickupSlot { get; init; }
    [JsonPropertyName("self_shipment")] public TikTokWireTracking? SelfShipment { get; init; }
}

internal sealed record TikTokWireShippingProviders(
    [property: JsonPropertyName("shipping_providers")] IReadOnlyList<TikTokWireShippingProvider> ShippingProviders);

internal sealed record TikTokWireShippingProvider(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name);
