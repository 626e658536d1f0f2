using System.Globalization;
using System.Text;
using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxGate;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>Listings Items API 2021-08-01 and Catalog Items API 2022-04-01.</summary>
internal static class AmazonSandboxListings
{
    private static readonly AmazonWireCatalogItem[] BuiltInCatalog =
    [
        Catalog("B0SANDBOX01", "Premium 9-Pocket Card Binder, Black", "Vault X", ("EAN", "4006381333931"), ("UPC", "012345678905")),
        Catalog("B0SANDBOX02", "Front Brake Pads for 2009-2014 Ford F-150", "StopRight", ("EAN", "5012345678900")),
        Catalog("B0SANDBOX03", "Stainless Steel Water Bottle 750 ml", "Hydra", ("UPC", "036000291452")),
        Catalog("B0SANDBOX04", "The Pragmatic Programmer, 20th Anniversary Edition", "Addison-Wesley", ("ISBN", "9780135957059"), ("EAN", "9780135957059")),
    ];

    public static void Map(RouteGroupBuilder amazon)
    {
        const string item = "/listings/2021-08-01/items/{sellerId}/{sku}";
        amazon.MapGet(item, GetAsync).Operation(AmazonSandboxUsagePlans.GetListingsItem);
        amazon.MapPut(item, PutAsync).Operation(AmazonSandboxUsagePlans.PutListingsItem);
        amazon.MapPatch(item, PatchAsync).Operation(AmazonSandboxUsagePlans.PatchListingsItem);
        amazon.MapDelete(item, DeleteAsync).Operation(AmazonSandboxUsagePlans.DeleteListingsItem);
        amazon.MapGet("/listings/2021-08-01/items/{sellerId}", SearchAsync).Operation(AmazonSandboxUsagePlans.SearchListingsItems);
        amazon.MapGet("/catalog/2022-04-01/items", SearchCatalogAsync).Operation(AmazonSandboxUsagePlans.SearchCatalogItems);
    }

    private static async Task<IResult> GetAsync(HttpContext http, string sellerId, string sku, SandboxStore store)
    {
        if (Check(http, sellerId) is { } rejected)
        {
            return rejected;
        }

        var listing = await store.GetAsync<SandboxListing>(Channel, Listings, Key(sellerId, sku));
        return listing is null
            ? Error(404, "NOT_FOUND", $"SKU '{sku}' not found in marketplace {http.Request.Query["marketplaceIds"]}")
            : Results.Json(ToItem(listing), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> PutAsync(HttpContext http, string sellerId, string sku, SandboxStore store, TimeProvider time)
    {
        if (Check(http, sellerId) is { } rejected)
        {
            return rejected;
        }

        var (body, problem) = await AmazonSandboxRequests.ReadAsync<AmazonWireListingsPut>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body!.ProductType))
        {
            return Error(400, "InvalidInput", "productType and attributes are required.");
        }

        if (body.Requirements is not (null or "LISTING" or "LISTING_PRODUCT_ONLY" or "LISTING_OFFER_ONLY"))
        {
            return Error(400, "InvalidInput", $"requirements {body.Requirements} is not one of LISTING, LISTING_PRODUCT_ONLY, LISTING_OFFER_ONLY.");
        }

        var issues = Validate(body.Attributes, requireListing: body.Requirements is null or "LISTING");
        if (issues.Count > 0)
        {
            return Results.Json(Submission(sku, issues), AmazonSandboxJson.Options);
        }

        await store.SerializedAsync(Channel, async () =>
        {
            var existing = await store.GetAsync<SandboxListing>(Channel, Listings, Key(sellerId, sku));
            var now = time.GetUtcNow().UtcDateTime;
            var listing = new SandboxListing(sellerId, sku, Marketplace(http), body.ProductType,
                existing?.Asin ?? "B0" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Key(sellerId, sku))))[..8],
                body.Attributes, existing?.CreatedUtc ?? now, now);
            await store.PutAsync(Channel, Listings, Key(sellerId, sku), listing);
            return true;
        });
        return Results.Json(Submission(sku, []), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> PatchAsync(HttpContext http, string sellerId, string sku, SandboxStore store, TimeProvider time)
    {
        if (Check(http, sellerId) is { } rejected)
        {
            return rejected;
        }

        var (body, problem) = await AmazonSandboxRequests.ReadAsync<AmazonWireListingsPatchBody>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body!.ProductType) || body.Patches is not { Count: > 0 })
        {
            return Error(400, "InvalidInput", "productType and patches are required.");
        }

        return await store.SerializedAsync(Channel, async () =>
        {
            var listing = await store.GetAsync<SandboxListing>(Channel, Listings, Key(sellerId, sku));
            if (listing is null)
            {
                return Error(404, "NOT_FOUND", $"SKU '{sku}' not found in marketplace {Marketplace(http)}");
            }

            var (patched, issues) = ApplyPatches(listing, body.Patches, time.GetUtcNow().UtcDateTime);
            if (issues.Count == 0)
            {
                await store.PutAsync(Channel, Listings, Key(sellerId, sku), patched);
            }

            return Results.Json(Submission(sku, issues), AmazonSandboxJson.Options);
        });
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string sellerId, string sku, SandboxStore store)
    {
        if (Check(http, sellerId) is { } rejected)
        {
            return rejected;
        }

        return await store.DeleteAsync(Channel, Listings, Key(sellerId, sku))
            ? Results.Json(Submission(sku, []), AmazonSandboxJson.Options)
            : Error(404, "NOT_FOUND", $"SKU '{sku}' not found in marketplace {Marketplace(http)}");
    }

    private static async Task<IResult> SearchAsync(HttpContext http, string sellerId, SandboxStore store)
    {
        if (Check(http, sellerId) is { } rejected)
        {
            return rejected;
        }

        var pageSize = 10;
        if (http.Request.Query["pageSize"].ToString() is { Length: > 0 } ps && (!int.TryParse(ps, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 20))
        {
            return Error(400, "InvalidInput", "pageSize must be between 1 and 20.");
        }

        var offset = 0;
        if (http.Request.Query["pageToken"].ToString() is { Length: > 0 } token && !TryDecodeOffset(token, out offset))
        {
            return Error(400, "InvalidInput", "Invalid pageToken.");
        }

        var all = (await store.ListAsync<SandboxListing>(Channel, Listings)).Where(l => l.Document.SellerId == sellerId).ToList();
        var page = all.Skip(offset).Take(pageSize).Select(l => ToItem(l.Document)).ToList();
        var next = offset + pageSize < all.Count ? EncodeOffset(offset + pageSize) : null;
        return Results.Json(new AmazonWireListingsSearch(all.Count, next is null ? null : new AmazonWirePageTokens(next), page), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> SearchCatalogAsync(HttpContext http, SandboxStore store)
    {
        var q = http.Request.Query;
        var marketplace = q["marketplaceIds"].ToString();
        var keywords = q["keywords"].ToString();
        var identifiers = q["identifiers"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (marketplace.Length == 0)
        {
            return Error(400, "InvalidInput", "marketplaceIds is required.");
        }

        if (keywords.Length > 0 == identifiers.Length > 0)
        {
            return Error(400, "InvalidInput", "Exactly one of keywords and identifiers must be specified.");
        }

        var type = q["identifiersType"].ToString();
        if (identifiers.Length > 0 && type is not ("ASIN" or "EAN" or "UPC" or "ISBN" or "SKU" or "GTIN" or "JAN" or "MINSAN"))
        {
            return Error(400, "InvalidInput", "identifiersType is required with identifiers.");
        }

        // Catalog Items API 2022-04-01: at most 20 identifiers, pageSize 1..20, sellerId required for SKU identifiers.
        if (identifiers.Length > 20)
        {
            return Error(400, "InvalidInput", "identifiers accepts at most 20 values.");
        }

        if (q["pageSize"].ToString() is { Length: > 0 } size && (!int.TryParse(size, CultureInfo.InvariantCulture, out var pageSize) || pageSize is < 1 or > 20))
        {
            return Error(400, "InvalidInput", "pageSize must be between 1 and 20.");
        }

        if (type == "SKU" && q["sellerId"].ToString().Length == 0)
        {
            return Error(400, "InvalidInput", "sellerId is required when identifiersType is SKU.");
        }

        var included = q["includedData"].ToString() is { Length: > 0 } inc ? inc.Split(',') : ["summaries"];

        var listings = (await store.ListAsync<SandboxListing>(Channel, Listings)).Select(l => l.Document).ToList();
        var catalog = BuiltInCatalog.Concat(listings.Select(l => Catalog(l.Asin, ItemName(l) ?? l.Sku, First(l.Attributes, "brand")))).DistinctBy(c => c.Asin).ToList();
        IEnumerable<AmazonWireCatalogItem> found = identifiers.Length == 0
            ? catalog.Where(c => keywords.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .All(k => c.Summaries![0].ItemName!.Contains(k, StringComparison.OrdinalIgnoreCase)))
            : type switch
            {
                "ASIN" => catalog.Where(c => identifiers.Contains(c.Asin)),
                "SKU" => listings.Where(l => l.SellerId == q["sellerId"].ToString() && identifiers.Contains(l.Sku))
                    .Select(l => catalog.First(c => c.Asin == l.Asin)),
                _ => catalog.Where(c => c.Identifiers![0].Identifiers.Any(i =>
                    (i.IdentifierType == type || (type == "GTIN" && i.IdentifierType is "EAN" or "UPC")) && identifiers.Contains(i.Identifier))),
            };
        var market = marketplace.Split(',')[0];
        var items = found.Take(20).Select(c => c with
        {
            Summaries = included.Contains("summaries") ? [c.Summaries![0] with { MarketplaceId = market }] : null,
            Images = included.Contains("images") ? [c.Images![0] with { MarketplaceId = market }] : null,
            Identifiers = included.Contains("identifiers") ? [c.Identifiers![0] with { MarketplaceId = market }] : null,
        }).ToList();
        return Results.Json(new AmazonWireCatalogSearch(items.Count, null, items), AmazonSandboxJson.Options);
    }

    /// <summary>Applies replace/merge/delete patches on /attributes/{name}; validates the result as the real API does.</summary>
    internal static (SandboxListing Listing, List<AmazonWireIssue> Issues) ApplyPatches(SandboxListing listing, IReadOnlyList<AmazonWirePatch> patches, DateTime now)
    {
        var attributes = new Dictionary<string, JsonElement>(listing.Attributes);
        foreach (var patch in patches)
        {
            const string prefix = "/attributes/";
            if (!patch.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (listing, [Issue("4000001", $"The patch path '{patch.Path}' is not supported.", null)]);
            }

            var name = patch.Path[prefix.Length..];
            switch (patch.Op)
            {
                case "replace" or "merge" or "add" when patch.Value is { } value:
                    attributes[name] = value;
                    break;
                case "delete":
                    attributes.Remove(name);
                    break;
                default:
                    return (listing, [Issue("4000001", $"The patch operation '{patch.Op}' needs a value or is not supported.", name)]);
            }
        }

        var issues = Validate(attributes, requireListing: false);
        return (listing with { Attributes = attributes, UpdatedUtc = now }, issues);
    }

    /// <summary>The checks this emulator makes: a positive price with a currency, a quantity of at least 0, a title for full listings.</summary>
    internal static List<AmazonWireIssue> Validate(Dictionary<string, JsonElement> attributes, bool requireListing)
    {
        var issues = new List<AmazonWireIssue>();
        if (requireListing && string.IsNullOrWhiteSpace(ItemName(attributes)))
        {
            issues.Add(Issue("90220", "'item_name' is required but not supplied.", "item_name"));
        }

        if (attributes.ContainsKey("purchasable_offer"))
        {
            var (price, currency) = Price(attributes);
            if (price is null || price <= 0 || string.IsNullOrEmpty(currency))
            {
                issues.Add(Issue("99022", "The value for 'purchasable_offer.our_price' must be a price greater than 0 with a currency.", "purchasable_offer"));
            }
        }

        if (attributes.ContainsKey("fulfillment_availability") && Quantity(attributes) is null or < 0)
        {
            issues.Add(Issue("99010", "The value for 'fulfillment_availability.quantity' must be 0 or more.", "fulfillment_availability"));
        }

        return issues;
    }

    internal static AmazonWireListingsItem ToItem(SandboxListing l)
    {
        var (price, currency) = Price(l.Attributes);
        var quantity = Quantity(l.Attributes);
        return new AmazonWireListingsItem(
            l.Sku,
            [
                new AmazonWireListingSummary(l.MarketplaceId, l.Asin, l.ProductType, First(l.Attributes, "condition_type"),
                    quantity > 0 ? ["BUYABLE", "DISCOVERABLE"] : ["DISCOVERABLE"], ItemName(l.Attributes),
                    AmazonSandboxJson.Utc(l.CreatedUtc), AmazonSandboxJson.Utc(l.UpdatedUtc)),
            ],
            l.Attributes,
            [],
            price is { } p && currency is not null
                ? [new AmazonWireOffer(l.MarketplaceId, "B2C", new AmazonWireListingMoney(currency, p.ToString(CultureInfo.InvariantCulture)))]
                : [],
            [new AmazonWireFulfillmentAvailability("DEFAULT", quantity)]);
    }

    internal static string Key(string sellerId, string sku) => sellerId + "|" + sku;

    private static AmazonWireSubmission Submission(string sku, List<AmazonWireIssue> issues) =>
        new(sku, issues.Any(i => i.Severity == "ERROR") ? "INVALID" : "ACCEPTED", Guid.NewGuid().ToString("N"), issues);

    private static AmazonWireIssue Issue(string code, string message, string? attribute) =>
        new(code, message, "ERROR", attribute is null ? null : [attribute]);

    private static IResult? Check(HttpContext http, string sellerId)
    {
        if (sellerId != http.Seller())
        {
            return Error(403, "Unauthorized", "Access to requested resource is denied.", "The seller id does not match the access token.");
        }

        return string.IsNullOrEmpty(Marketplace(http)) ? Error(400, "InvalidInput", "marketplaceIds is required.") : null;
    }

    private static string Marketplace(HttpContext http) => http.Request.Query["marketplaceIds"].ToString().Split(',')[0];

    internal static string? ItemName(SandboxListing l) => ItemName(l.Attributes);

    private static string? ItemName(Dictionary<string, JsonElement> attributes) => First(attributes, "item_name");

    private static string? First(Dictionary<string, JsonElement> attributes, string name) =>
        attributes.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
        && v[0].TryGetProperty("value", out var value) ? value.ToString() : null;

    internal static (decimal? Price, string? Currency) Price(Dictionary<string, JsonElement> attributes)
    {
        if (!attributes.TryGetValue("purchasable_offer", out var offers) || offers.ValueKind != JsonValueKind.Array || offers.GetArrayLength() == 0)
        {
            return (null, null);
        }

        var offer = offers[0];
        var currency = offer.TryGetProperty("currency", out var c) ? c.GetString() : null;
        decimal? price = offer.TryGetProperty("our_price", out var our) && our.ValueKind == JsonValueKind.Array && our.GetArrayLength() > 0
            && our[0].TryGetProperty("schedule", out var schedule) && schedule.ValueKind == JsonValueKind.Array && schedule.GetArrayLength() > 0
            && schedule[0].TryGetProperty("value_with_tax", out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal()
            : null;
        return (price, currency);
    }

    internal static int? Quantity(Dictionary<string, JsonElement> attributes) =>
        attributes.TryGetValue("fulfillment_availability", out var fa) && fa.ValueKind == JsonValueKind.Array && fa.GetArrayLength() > 0
        && fa[0].TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : null;

    private static AmazonWireCatalogItem Catalog(string asin, string name, string? brand, params (string Type, string Value)[] identifiers) => new(
        asin,
        [new AmazonWireCatalogSummary("ATVPDKIKX0DER", name, brand)],
        [new AmazonWireCatalogImages("ATVPDKIKX0DER", [new AmazonWireCatalogImage("MAIN", $"https://m.media-amazon.example/images/I/{asin}.jpg", 500, 500)])],
        [new AmazonWireCatalogIdentifiers("ATVPDKIKX0DER", identifiers.Select(i => new AmazonWireCatalogIdentifier(i.Type, i.Value)).ToList())]);

    private static string EncodeOffset(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecodeOffset(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
