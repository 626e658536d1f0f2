namespace SellerPortal.Integrations.TikTokShop.Dto;

/// <summary>Body of POST /order/202309/orders/search; times are unix seconds.</summary>
public sealed record TikTokOrderSearchRequest
{
    public string? OrderStatus { get; init; }
    public long? CreateTimeGe { get; init; }
    public long? CreateTimeLt { get; init; }
    public long? UpdateTimeGe { get; init; }
    public long? UpdateTimeLt { get; init; }
}

public sealed record TikTokOrderSearchResult
{
    public IReadOnlyList<TikTokOrder> Orders { get; init; } = [];
    public string? NextPageToken { get; init; }
    public int TotalCount { get; init; }
}

/// <summary>GET /order/202309/orders?ids=…</summary>
public sealed record TikTokOrderList
{
    public IReadOnlyList<TikTokOrder> Orders { get; init; } = [];
}

/// <summary>The order fields we use; real payloads carry many more, and leave blocks out (cancelled, restricted).</summary>
public sealed record TikTokOrder
{
    public string Id { get; init; } = "";
    public string Status { get; init; } = "";
    public long CreateTime { get; init; }
    public long UpdateTime { get; init; }
    public string? UserId { get; init; }
    public string? BuyerEmail { get; init; }
    public TikTokPayment? Payment { get; init; }
    public TikTokRecipientAddress? RecipientAddress { get; init; }
    public IReadOnlyList<TikTokLineItem>? LineItems { get; init; }
    public IReadOnlyList<TikTokPackageRef>? Packages { get; init; }
    public string? TrackingNumber { get; init; }
    public string? ShippingProvider { get; init; }
    public string? ShippingProviderId { get; init; }
    public string? DeliveryOptionId { get; init; }
    public bool? IsOnHoldOrder { get; init; }
}

/// <summary>Amounts are decimal strings.</summary>
public sealed record TikTokPayment
{
    public string? Currency { get; init; }
    public string? TotalAmount { get; init; }
    public string? SubTotal { get; init; }
    public string? ShippingFee { get; init; }
    public string? Tax { get; init; }
}

public sealed record TikTokRecipientAddress
{
    public string? Name { get; init; }
    public string? PhoneNumber { get; init; }
    public string? FullAddress { get; init; }
    public string? AddressLine1 { get; init; }
    public string? AddressLine2 { get; init; }
    public string? AddressLine3 { get; init; }
    public string? AddressLine4 { get; init; }
    public string? PostalCode { get; init; }
    public string? RegionCode { get; init; }
    public IReadOnlyList<TikTokDistrict>? DistrictInfo { get; init; }
}

public sealed record TikTokDistrict
{
    public string? AddressLevelName { get; init; }
    public string? AddressName { get; init; }
    public string? AddressLevel { get; init; }
}

/// <summary>One line item per unit: TikTok has no quantity field on a line.</summary>
public sealed record TikTokLineItem
{
    public string? Id { get; init; }
    public string? SkuId { get; init; }
    public string? ProductId { get; init; }
    public string? SellerSku { get; init; }
    public string? ProductName { get; init; }
    public string? SkuName { get; init; }
    public string? SalePrice { get; init; }
    public string? OriginalPrice { get; init; }
    public string? Currency { get; init; }
    public string? PackageId { get; init; }
    public string? DisplayStatus { get; init; }
    public string? TrackingNumber { get; init; }
    public string? ShippingProviderId { get; init; }
    public string? ShippingProviderName { get; init; }
}

public sealed record TikTokPackageRef(string Id);
