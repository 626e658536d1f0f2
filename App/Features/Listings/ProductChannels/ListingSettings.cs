using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings.ProductChannels;

/// <summary>
/// What the settings panel saves: the channel's price rule, its quantity rule (all available, less a buffer, capped at
/// a maximum) and its own fields.
/// </summary>
public sealed record ListingSettings(PriceRule Rule, IReadOnlyDictionary<string, string> Fields, int QuantityBuffer = 0, int? QuantityCap = null);
