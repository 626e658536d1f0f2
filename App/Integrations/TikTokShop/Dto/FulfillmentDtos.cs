namespace SellerPortal.Integrations.TikTokShop.Dto;

/// <summary>POST /fulfillment/202309/orders/{order_id}/packages: mark lines shipped with the seller's own carrier.</summary>
public sealed record TikTokMarkShippedRequest
{
    public IReadOnlyList<string> OrderLineItemIds { get; init; } = [];
    public required string TrackingNumber { get; init; }
    public required string ShippingProviderId { get; init; }
}

public sealed record TikTokMarkShippedResult
{
    public string? OrderId { get; init; }
    public string? PackageId { get; init; }
}

/// <summary>POST /fulfillment/202309/packages/{package_id}/ship.</summary>
public sealed record TikTokShipPackageRequest
{
    public string HandoverMethod { get; init; } = "DROP_OFF";
    public TikTokSelfShipment? SelfShipment { get; init; }
}

public sealed record TikTokSelfShipment(string TrackingNumber, string ShippingProviderId);

/// <summary>POST /fulfillment/202309/orders/{order_id}/shipping_info/update: correct tracking.</summary>
public sealed record TikTokShippingInfoUpdate(string TrackingNumber, string ShippingProviderId);

public sealed record TikTokShippingProviders
{
    public IReadOnlyList<TikTokShippingProvider> ShippingProviders { get; init; } = [];
}

public sealed record TikTokShippingProvider(string Id, string Name);
