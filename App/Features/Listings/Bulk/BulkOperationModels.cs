using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings.Bulk;

/// <summary>One channel account chosen for a bulk action, with its pricing rule.</summary>
public sealed record ChannelPlan(int ChannelAccountId, PriceRule Rule);

/// <summary>A product × channel the bulk action could not queue, and why.</summary>
public sealed record BulkItemProblem(int ProductId, string ProductName, int ChannelAccountId, string AccountName, IReadOnlyList<string> Problems);

public sealed record BulkStartResult(Guid OperationId, int Queued, IReadOnlyList<BulkItemProblem> Refused);

/// <summary>One row of the bulk publish preview: the price a SKU would get on a channel, and the margin verdict.</summary>
public sealed record PricePreviewRow(
    int ProductId,
    string ProductName,
    string Sku,
    int ChannelAccountId,
    string AccountName,
    Money BasePrice,
    Money ChannelPrice,
    MarginCheck? Margin)
{
    public bool BelowFloor => Margin?.BelowFloor == true;
}

public sealed record BulkPreview(IReadOnlyList<PricePreviewRow> Prices, IReadOnlyList<BulkItemProblem> Problems, int ProductCount);

public sealed record BulkProgress(Guid OperationId, string Description, DateTime CreatedUtc, int Total, int Pending, int Running, int Succeeded, int Failed, int Refused)
{
    public int Done => Succeeded + Failed;

    public bool Finished => Pending == 0 && Running == 0;

    public double Percent => Total == 0 ? 100 : 100.0 * Done / Total;
}
