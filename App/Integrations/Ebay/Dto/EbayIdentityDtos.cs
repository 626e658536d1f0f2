namespace SellerPortal.Integrations.Ebay.Dto;

/// <summary>
/// Commerce Identity <c>getUser</c> (<c>GET /commerce/identity/v1/user/</c>): who the user token belongs to.
/// <c>userId</c> is eBay's immutable id; <c>username</c> can change (and for some US users is the id again).
/// </summary>
public sealed record EbayIdentityUser(string? UserId, string? Username, string? AccountType, string? RegistrationMarketplaceId, string? Status);
