namespace SellerPortal.Integrations.Amazon.Dto;

// FBA Inventory API v1: getInventorySummaries.

public sealed record InventorySummariesResponse
{
    public InventorySummariesPayload? Payload { get; init; }
    public InventoryPagination? Pagination { get; init; }
}

public sealed record InventorySummariesPayload
{
    public IReadOnlyList<InventorySummary> InventorySummaries { get; init; } = [];
}

public sealed record InventoryPagination(string? NextToken);

public sealed record InventorySummary
{
    public string? Asin { get; init; }
    public string? FnSku { get; init; }
    public required string SellerSku { get; init; }
    public string? Condition { get; init; }
    public InventoryDetails? InventoryDetails { get; init; }
    public string? LastUpdatedTime { get; init; }
    public string? ProductName { get; init; }
    public int TotalQuantity { get; init; }
}

public sealed record InventoryDetails
{
    public int FulfillableQuantity { get; init; }
    public int InboundWorkingQuantity { get; init; }
    public int InboundShippedQuantity { get; init; }
    public int InboundReceivingQuantity { get; init; }
}
