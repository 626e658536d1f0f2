namespace SellerPortal.Features.Catalog;

/// <summary>A master catalog product. A simple product is a product with one variant.</summary>
public sealed class Product
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Brand { get; set; }
    public string? Category { get; set; }
    public ItemCondition Condition { get; set; } = ItemCondition.New;
    /// <summary>Shipping weight of the product; a variant's own weight wins where it has one.</summary>
    public int? WeightGrams { get; set; }
    public List<string> ImageUrls { get; set; } = [];
    public List<ProductAttribute> Attributes { get; set; } = [];
    public List<Variant> Variants { get; set; } = [];
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

public enum ItemCondition
{
    New,
    Used,
    Refurbished,
}

/// <summary>A key/value attribute such as eBay's item specifics (Year, Make, Model, Engine).</summary>
public sealed record ProductAttribute(string Key, string Value);
