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
}

public sealed record CatalogItemSummary
{
    public required string MarketplaceId { get; init; }
    public string? ItemName { get; init; }
    public string? Brand { get; init; }
}
