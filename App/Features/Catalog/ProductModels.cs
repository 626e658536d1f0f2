using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Catalog;

/// <summary>What the products grid asks for: filters, sort and one page. Everything runs in SQL.</summary>
public sealed record ProductQuery
{
    /// <summary>Matches a SKU prefix (as typed, so the SKU index serves it) or a name substring (any case).</summary>
    public string? Text { get; init; }
    public string? Brand { get; init; }
    public string? Category { get; init; }
    public ListingFilter? Listing { get; init; }
    public ProductSort Sort { get; init; } = ProductSort.Updated;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 25;
}

/// <summary>
/// Products with a listing in <see cref="State"/>, or with no listing when <see cref="State"/> is null ("Not listed").
/// On one channel account when <see cref="ChannelAccountId"/> is set, on any otherwise.
/// </summary>
public sealed record ListingFilter(ListingState? State, int? ChannelAccountId = null)
{
    public static ListingFilter NotListed { get; } = new(State: null);
}

public enum ProductSort
{
    Updated,
    Name,
    Brand,
    Category,
    Sku,
}

public sealed record ProductPage(IReadOnlyList<ProductRow> Rows, int TotalCount);

/// <summary>One grid row: the product, a summary of its variants, and its listings.</summary>
public sealed record ProductRow(
    int Id,
    string Name,
    string? Brand,
    string? Category,
    DateTime UpdatedUtc,
    int VariantCount,
    string? FirstSku,
    long? MinPriceMinor,
    long? MaxPriceMinor,
    string? Currency,
    int TotalStock,
    IReadOnlyList<ChannelListingStatus> Listings)
{
    public string PriceRange =>
        MinPriceMinor is not { } min || Currency is null ? "—"
        : MaxPriceMinor is { } max && max != min ? $"{new Money(min, Currency)} – {new Money(max, Currency)}"
        : new Money(min, Currency).ToString();
}

/// <summary>A product's state on one channel account. <see cref="State"/> null means "Not listed".</summary>
public sealed record ChannelListingStatus(
    int ChannelAccountId,
    string AccountName,
    ChannelKind Channel,
    ListingState? State,
    DateTime? LastSyncedUtc,
    string? LastError);

/// <summary>A channel account as the catalog shows it (a badge per account, listed or not).</summary>
public sealed record ChannelAccountSummary(int Id, string DisplayName, ChannelKind Channel);

/// <summary>The editor's view of a product: mutable for form binding, converted to minor units on save.</summary>
public sealed class ProductEditModel
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Brand { get; set; }
    public string? Category { get; set; }
    public ItemCondition Condition { get; set; } = ItemCondition.New;
    public int? WeightGrams { get; set; }
    public List<string> ImageUrls { get; set; } = [];
    public List<AttributeEntry> Attributes { get; set; } = [];
    /// <summary>Option names shared by the variants, such as Size and Colour; each variant has a value per name.</summary>
    public List<string> OptionNames { get; set; } = [];
    public List<VariantEditModel> Variants { get; set; } = [];
    public DateTime? UpdatedUtc { get; set; }
}

public sealed class AttributeEntry
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class VariantEditModel
{
    public int Id { get; set; }
    public string Sku { get; set; } = "";
    /// <summary>Values in the order of <see cref="ProductEditModel.OptionNames"/>.</summary>
    public List<string> OptionValues { get; set; } = [];
    public decimal Price { get; set; }
    public string Currency { get; set; } = "USD";
    public decimal? Cost { get; set; }
    public int Stock { get; set; }
    /// <summary>
    /// The on-hand figure when the editor loaded it. Stock is written only when the user changed it from this, so a
    /// shipment or sale recorded while the editor was open is never overwritten by an untouched field. Null (CSV
    /// import, a new variant) means the figure given is meant as it is.
    /// </summary>
    public int? LoadedStock { get; set; }
    public int? WeightGrams { get; set; }
}

/// <summary>One rule broken, against a field path such as <c>Name</c> or <c>Variants[1].Sku</c>.</summary>
public sealed record ValidationProblem(string Field, string Message);

public sealed record SaveResult(int? ProductId, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Succeeded => ProductId is not null && Problems.Count == 0;

    public static SaveResult Saved(int id) => new(id, []);

    public static SaveResult Refused(IReadOnlyList<ValidationProblem> problems) => new(null, problems);

    public static SaveResult Refused(string field, string message) => new(null, [new ValidationProblem(field, message)]);
}

public enum DeleteOutcome
{
    Deleted,
    NotFound,
    /// <summary>A channel still shows the product: unpublish it first.</summary>
    StillListed,
}
