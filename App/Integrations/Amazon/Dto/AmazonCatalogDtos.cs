namespace SellerPortal.Integrations.Amazon.Dto;

// Catalog Items API 2022-04-01.

public sealed record CatalogSearchResponse
{
    public int NumberOfResults { get; init; }
    public ListingsPagination? Pagination { get; init; }
    public IReadOnlyList<CatalogItem> Items { get; init; } = [];
}

public sealed record CatalogItem
{
    public required string Asin { get; init; }
    public IReadOnlyList<CatalogItemSummary>? Summaries { get; init; }
    public IReadOnlyList<CatalogItemImages>? Images { get; init; }
    public IReadOnlyList<CatalogItemIdentifiers>? Identifiers { get; init; }
}

/// <summary>A marketplace's images of an item; <c>variant</c> MAIN is the main image.</summary>
public sealed record CatalogItemImages(string MarketplaceId, IReadOnlyList<CatalogItemImage> Images);

public sealed record CatalogItemImage(string Variant, string Link, int Height, int Width);

public sealed record CatalogItemIdentifiers(string MarketplaceId, IReadOnlyList<CatalogItemIdentifier> Identifiers);

public sealed record CatalogItemIdentifier(string IdentifierType, string Identifier);

public sealed record CatalogItemSummary
{
    public required string MarketplaceId { get; init; }
    public string? ItemName { get; init; }
    public string? Brand { get; init; }
}
