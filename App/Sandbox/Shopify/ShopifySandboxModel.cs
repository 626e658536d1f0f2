using System.Globalization;

namespace SellerPortal.Sandbox.Shopify;

// The emulator's own model of a shop's data, shaped as the Admin API 2026-10 schema names its objects: GraphQL.NET
// resolves each schema field by the property of the same name; connection fields have resolvers of their own
// (ShopifySandboxSchema). Everything of a shop is changed under its lock (ShopifySandboxShop.Gate).

internal static class ShopifyGid
{
    public static string Of(string type, long id) => $"gid://shopify/{type}/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The numeric id of a GID of the type, or null when it is not one.</summary>
    public static long? Parse(string? gid, string type) =>
        gid is not null && gid.StartsWith($"gid://shopify/{type}/", StringComparison.Ordinal)
        && long.TryParse(gid[$"gid://shopify/{type}/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>ISO-8601 in UTC, as Shopify's DateTime scalar is serialized.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

internal sealed class ShopifySandboxShop(string domain, long id, long next = 1000)
{
    /// <summary>One request or control change of the shop at a time (a GraphQL document runs whole under it).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string Domain { get; } = domain;

    public long ShopId { get; } = id;

    private readonly List<long> removedProducts = [];

    /// <summary>The last id handed out in the shop (ids are per shop here; Shopify's are global).</summary>
    public long Next => next;

    public long NextId() => ++next;

    public void RemoveProduct(ShopifyProduct product)
    {
        Products.Remove(product);
        removedProducts.Add(product.Num);
    }

    /// <summary>The products deleted since the last call: what the store still holds and must drop.</summary>
    public IReadOnlyList<long> TakeRemovedProducts()
    {
        var removed = removedProducts.ToList();
        removedProducts.Clear();
        return removed;
    }

    public List<ShopifyProduct> Products { get; } = [];

    public List<ShopifyLocation> Locations { get; } = [];

    public List<ShopifyOrder> Orders { get; } = [];

    public List<ShopifyBulkOperation> BulkOperations { get; } = [];

    public ShopifyShop Shop => new(ShopifyGid.Of("Shop", ShopId), Domain.Split('.')[0], Domain, "USD", $"owner@{Domain}");

    public IEnumerable<ShopifyVariant> Variants => Products.SelectMany(p => p.VariantList);

    public ShopifyInventoryItem? Item(long id) => Variants.Select(v => v.InventoryItem).FirstOrDefault(i => i.Num == id);
}

internal sealed record ShopifyShop(string Id, string Name, string MyshopifyDomain, string CurrencyCode, string Email);

internal sealed class ShopifyLocation(long num, string name)
{
    public long Num { get; } = num;
    public string Id => ShopifyGid.Of("Location", Num);
    public string Name { get; } = name;
    public bool IsActive => true;
}

internal sealed class ShopifyProduct
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("Product", Num);
    public string Title { get; set; } = "";
    public string Handle { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public string DescriptionHtml { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string ProductType { get; set; } = "";
    public List<string> Tags { get; set; } = [];
    public List<ShopifyProductOption> Options { get; set; } = [];
    public List<ShopifyVariant> VariantList { get; set; } = [];
    public List<string> Media { get; set; } = [];
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public string CreatedAt => ShopifyGid.Time(Created);
    public string UpdatedAt => ShopifyGid.Time(Updated);
    public string? OnlineStoreUrl => Status == "ACTIVE" ? $"https://example.com/products/{Handle}" : null;
}

internal sealed record ShopifyProductOption(string Id, string Name, int Position, List<string> Values);

internal sealed record ShopifySelectedOption(string Name, string Value);

internal sealed class ShopifyVariant
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("ProductVariant", Num);
    public required ShopifyProduct Product { get; set; }
    public string? Sku { get => InventoryItem.Sku; set => InventoryItem.Sku = value; }
    public string Price { get; set; } = "0.00";
    public string? CompareAtPrice { get; set; }
    public List<ShopifySelectedOption> SelectedOptions { get; set; } = [];
    public required ShopifyInventoryItem InventoryItem { get; init; }
    public string Title => SelectedOptions.Count == 0 ? "Default Title" : string.Join(" / ", SelectedOptions.Select(o => o.Value));
    public int? InventoryQuantity => InventoryItem.Levels.Values.Sum(l => l.GetValueOrDefault("available"));
    public DateTimeOffset Updated { get; set; }
    public string UpdatedAt => ShopifyGid.Time(Updated);
}

internal sealed class ShopifyInventoryItem
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("InventoryItem", Num);
    public string? Sku { get; set; }
    public bool Tracked { get; set; } = true;

    /// <summary>Each location's named quantities ("available", "on_hand", "committed").</summary>
    public Dictionary<long, Dictionary<string, int>> Levels { get; } = [];

    public DateTimeOffset Updated { get; set; }
}

/// <summary>An item's quantities at one location (InventoryLevel's id is the pair, as Shopify's carries both).</summary>
internal sealed record ShopifyInventoryLevel(string Id, ShopifyInventoryItem Item, ShopifyLocation Location);

internal sealed record ShopifyInventoryQuantity(string Id, string Name, int Quantity, string UpdatedAt);

internal sealed record ShopifyMoney(string Amount, string CurrencyCode)
{
    public static ShopifyMoney Usd(decimal amount) => new(amount.ToString("0.00", CultureInfo.InvariantCulture), "USD");
}

internal sealed record ShopifyMoneyBag(ShopifyMoney ShopMoney, ShopifyMoney PresentmentMoney)
{
    public static ShopifyMoneyBag Usd(decimal amount) => new(ShopifyMoney.Usd(amount), ShopifyMoney.Usd(amount));
}

internal sealed record ShopifyCustomer(string Id, string DisplayName, string FirstName, string LastName, string Email, long Num);

internal sealed record ShopifyMailingAddress(string Name, string FirstName, string LastName, string Address1, string? Address2, string City,
    string Province, string ProvinceCode, string Zip, string CountryCodeV2, string? Phone);

internal sealed class ShopifyOrder
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("Order", Num);
    public required string Name { get; init; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public DateTimeOffset? Cancelled { get; set; }
    public string CreatedAt => ShopifyGid.Time(Created);
    public string UpdatedAt => ShopifyGid.Time(Updated);
    public string? CancelledAt => Cancelled is { } at ? ShopifyGid.Time(at) : null;
    public bool Closed { get; set; }
    public string DisplayFinancialStatus { get; set; } = "PAID";
    public string DisplayFulfillmentStatus { get; set; } = "UNFULFILLED";
    public string CurrencyCode => "USD";
    public required string Email { get; init; }
    public required ShopifyCustomer Customer { get; init; }
    public required ShopifyMailingAddress ShippingAddress { get; init; }
    public List<ShopifyLineItem> LineItemList { get; } = [];
    public List<ShopifyFulfillmentOrder> FulfillmentOrderList { get; } = [];
    public List<ShopifyFulfillment> Fulfillments { get; } = [];
    public ShopifyMoneyBag TotalPriceSet => ShopifyMoneyBag.Usd(LineItemList.Sum(l => l.Unit * l.Quantity));
}

internal sealed class ShopifyLineItem
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("LineItem", Num);
    public string? Sku { get; init; }
    public required string Title { get; init; }
    public string Name => Title;
    public int Quantity { get; init; }
    public decimal Unit { get; init; }
    public ShopifyMoneyBag OriginalUnitPriceSet => ShopifyMoneyBag.Usd(Unit);
    public ShopifyVariant? Variant { get; init; }
}

internal sealed class ShopifyFulfillmentOrder
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("FulfillmentOrder", Num);
    public required ShopifyOrder Order { get; init; }
    public string Status { get; set; } = "OPEN";
    public string RequestStatus => "UNSUBMITTED";
    public List<ShopifyFulfillmentOrderLineItem> LineItemList { get; } = [];
}

internal sealed class ShopifyFulfillmentOrderLineItem
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("FulfillmentOrderLineItem", Num);
    public required ShopifyLineItem LineItem { get; init; }
    public int TotalQuantity => LineItem.Quantity;
    public int RemainingQuantity { get; set; }
}

internal sealed class ShopifyFulfillment
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("Fulfillment", Num);
    public string Status => "SUCCESS";
    public DateTimeOffset Created { get; init; }
    public string CreatedAt => ShopifyGid.Time(Created);
    public List<ShopifyTrackingInfo> TrackingInfo { get; init; } = [];
    public List<(ShopifyLineItem Line, int Quantity)> Lines { get; init; } = [];
}

internal sealed record ShopifyTrackingInfo(string? Company, string? Number, string? Url);

internal sealed class ShopifyBulkOperation
{
    public required long Num { get; init; }
    public string Id => ShopifyGid.Of("BulkOperation", Num);
    public string Status { get; set; } = "CREATED";
    public string? ErrorCode { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset? Completed { get; set; }
    public string CreatedAt => ShopifyGid.Time(Created);
    public string? CompletedAt => Completed is { } at ? ShopifyGid.Time(at) : null;
    public string ObjectCount { get; set; } = "0";
    public string RootObjectCount { get; set; } = "0";
    public string? FileSize { get; set; }
    public string? Url { get; set; }
    public string? PartialDataUrl => null;
    public required string Query { get; init; }
    public string Type => "QUERY";
    public byte[]? Jsonl { get; set; }
}

internal sealed record ShopifyUserError(IReadOnlyList<string>? Field, string Message, string? Code = null);

internal sealed record ShopifyEdge(string Cursor, object Node);

internal sealed record ShopifyPageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

internal sealed record ShopifyConnection(IReadOnlyList<ShopifyEdge> Edges, IReadOnlyList<object> Nodes, ShopifyPageInfo PageInfo);
