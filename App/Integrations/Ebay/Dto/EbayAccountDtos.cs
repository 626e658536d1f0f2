namespace SellerPortal.Integrations.Ebay.Dto;

// Account API (/sell/account/v1) business policies and Inventory API locations, camelCase on the wire.

public sealed record EbayFulfillmentPolicies(IReadOnlyList<EbayFulfillmentPolicy>? FulfillmentPolicies, int Total = 0);

public sealed record EbayFulfillmentPolicy(string FulfillmentPolicyId, string? Name, string? MarketplaceId = null);

public sealed record EbayPaymentPolicies(IReadOnlyList<EbayPaymentPolicy>? PaymentPolicies, int Total = 0);

public sealed record EbayPaymentPolicy(string PaymentPolicyId, string? Name, string? MarketplaceId = null);

public sealed record EbayReturnPolicies(IReadOnlyList<EbayReturnPolicy>? ReturnPolicies, int Total = 0);

public sealed record EbayReturnPolicy(string ReturnPolicyId, string? Name, string? MarketplaceId = null);

public sealed record EbayLocations(IReadOnlyList<EbayLocationResponse>? Locations, int Total = 0);

public sealed record EbayLocationResponse(string MerchantLocationKey, string? Name, string? MerchantLocationStatus = null,
    IReadOnlyList<string>? LocationTypes = null, EbayLocation? Location = null);

public sealed record EbayLocation(EbayLocationAddress Address);

public sealed record EbayLocationAddress
{
    public string? AddressLine1 { get; init; }
    public string? City { get; init; }
    public string? StateOrProvince { get; init; }
    public string? PostalCode { get; init; }
    public required string Country { get; init; }
}

/// <summary><c>POST /location/{merchantLocationKey}</c> (createInventoryLocation).</summary>
public sealed record EbayInventoryLocation(EbayLocation Location, IReadOnlyList<string> LocationTypes, string Name, string MerchantLocationStatus);
