using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings.ProductChannels;

/// <summary>What the settings panel saves: the channel's price rule and its own fields.</summary>
public sealed record ListingSettings(PriceRule Rule, IReadOnlyDictionary<string, string> Fields);
