namespace SellerPortal.Features.Catalog;

/// <summary>
/// One sellable SKU of a product. Stock, listings and order lines are keyed by the variant's SKU,
/// never by the product alone: product-level stock over-reports for variants.
/// </summary>
public sealed class Variant
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public required string Sku { get; set; }
    /// <summary>Option values such as Size=M, Colour=Blue.</summary>
    public List<VariantOption> Options { get; set; } = [];
    public required Money Price { get; set; }
    /// <summary>What one unit costs the merchant, in the price's currency (for the margin guard).</summary>
    public long? CostMinor { get; set; }
    public int? WeightGrams { get; set; }
    public int StockOnHand { get; set; }
}

public sealed record VariantOption(string Name, string Value);
