using System.Globalization;
using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// Listings (createDraftListing, updateListing, deleteListing, getListingsByShop) and their inventory
/// (getListingInventory, updateListingInventory). Writes are form-encoded except the inventory, which is JSON and a
/// full replace of the listing's products; the listing's quantity is the sum of its enabled offerings.
/// A listing goes active only once it has an image (<see cref="EtsySandboxImages"/>). Not modelled: properties' taxonomy checks.
/// </summary>
internal static class EtsySandboxListings
{
    /// <summary>The first of every emulated shop's shipping profiles (<see cref="EtsySandboxShopPolicies"/>); a physical listing names one.</summary>
    public const long ShippingProfileId = 193_845_012;

    public static readonly IReadOnlySet<string> WhoMade = new HashSet<string>(StringComparer.Ordinal) { "i_did", "someone_else", "collective" };

    /// <summary>createDraftListing's when_made enum as Etsy's OpenAPI schema lists it (the eras move with the years).</summary>
    public static readonly IReadOnlySet<string> WhenMade = new HashSet<string>(StringComparer.Ordinal)
    {
        "made_to_order", "2020_2023", "2010_2019", "2004_2009", "before_2004", "2000_2003", "1990s", "1980s", "1970s",
        "1960s", "1950s", "1940s", "1930s", "1920s", "1910s", "1900s", "1800s", "1700s", "before_1700",
    };

    public static void Map(RouteGroupBuilder etsy)
    {
        var v3 = etsy.MapGroup("/v3/application");
        v3.MapPost("/shops/{shop_id}/listings", CreateAsync).Api("listings_w");
        v3.MapPatch("/shops/{shop_id}/listings/{listing_id}", UpdateAsync).Api("listings_w");
        v3.MapGet("/shops/{shop_id}/listings", ByShopAsync).Api("listings_r");
        v3.MapDelete("/listings/{listing_id}", DeleteAsync).Api("listings_d");
        v3.MapGet("/listings/{listing_id}/inventory", InventoryAsync).Api("listings_r");
        v3.MapPut("/listings/{listing_id}/inventory", UpdateInventoryAsync).Api("listings_w");
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string shop_id, SandboxStore store, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return EtsySandboxGate.Error(400, "createDraftListing takes application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        foreach (var required in new[] { "quantity", "title", "description", "price", "who_made", "when_made", "taxonomy_id" })
        {
            if (string.IsNullOrWhiteSpace(form[required]))
            {
                return EtsySandboxGate.Error(400, $"Missing required parameter: {required}");
            }
        }

        var seller = http.Seller();
        var type = form["type"].ToString() is { Length: > 0 } t ? t : "physical";
        if (type == "physical" && string.IsNullOrWhiteSpace(form["shipping_profile_id"]))
        {
            return EtsySandboxGate.Error(400, "shipping_profile_id is required for a physical listing.");
        }

        if (type == "physical" && !EtsySandboxShopPolicies.IsShippingProfile(form["shipping_profile_id"]))
        {
            return EtsySandboxGate.Error(404, $"Shipping profile {form["shipping_profile_id"]} does not exist in this shop.");
        }

        if (type == "physical" && string.IsNullOrWhiteSpace(form["return_policy_id"]))
        {
            return EtsySandboxGate.Error(400, "return_policy_id is required for a physical listing.");
        }

        if (form["return_policy_id"].ToString() is { Length: > 0 } returnPolicy && !EtsySandboxShopPolicies.IsReturnPolicy(returnPolicy))
        {
            return EtsySandboxGate.Error(404, $"Return policy {returnPolicy} does not exist in this shop.");
        }

        if (!int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity < 1)
        {
            return EtsySandboxGate.Error(400, "quantity must be a positive whole number.");
        }

        if (!decimal.TryParse(form["price"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price <= 0)
        {
            return EtsySandboxGate.Error(400, "price must be a positive number.");
        }

        if (!long.TryParse(form["taxonomy_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var taxonomy) || taxonomy < 1)
        {
            return EtsySandboxGate.Error(400, "taxonomy_id must be a positive integer.");
        }

        if (TitleProblem(form["title"].ToString()) is { } title)
        {
            return EtsySandboxGate.Error(400, title);
        }

        if (!WhoMade.Contains(form["who_made"].ToString()) || !WhenMade.Contains(form["when_made"].ToString()))
        {
            return EtsySandboxGate.Error(400, "who_made or when_made is not one of Etsy's values.");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var id = EtsySandboxAuth.NextId();
        var money = Money(price);
        var listing = new EtsyWireListing
        {
            ListingId = id, UserId = seller.UserId, ShopId = seller.ShopId, Title = form["title"].ToString(), Description = form["description"].ToString(),
            State = "draft", CreationTimestamp = now, CreatedTimestamp = now, LastModifiedTimestamp = now, UpdatedTimestamp = now,
            Quantity = quantity, WhoMade = form["who_made"].ToString(), WhenMade = form["when_made"].ToString(), TaxonomyId = taxonomy,
            Price = money, Url = $"https://www.etsy.com/listing/{id}",
        };
        var inventory = new EtsyWireInventory([new(EtsySandboxAuth.NextId(), "", false, [new(EtsySandboxAuth.NextId(), quantity, true, false, money)], [])], [], [], []);
        await store.PutAsync(Channel, Listings, Key(id), new EtsySandboxListing(seller.ShopId, listing, inventory), now, http.RequestAborted);
        return Results.Json(listing, EtsySandboxJson.Options, statusCode: 201);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string shop_id, string listing_id, SandboxStore store, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return EtsySandboxGate.Error(400, "updateListing takes application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        return await store.SerializedAsync(Channel, async () =>
        {
            if (await OwnAsync(http, store, listing_id) is not { } found)
            {
                return EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.");
            }

            var listing = found.Listing;
            if (form["state"].ToString() is { Length: > 0 } state)
            {
                if (state is not ("active" or "inactive"))
                {
                    return EtsySandboxGate.Error(400, "state is active or inactive.");
                }

                if (state == "active" && found.Images.Count == 0)
                {
                    return EtsySandboxGate.Error(400, "A listing needs at least one image before it can be active.");
                }

                listing = listing with { State = state };
            }

            if (form["title"].ToString() is { Length: > 0 } title)
            {
                if (TitleProblem(title) is { } problem)
                {
                    return EtsySandboxGate.Error(400, problem);
                }

                listing = listing with { Title = title };
            }

            if (form["description"].ToString() is { Length: > 0 } description)
            {
                listing = listing with { Description = description };
            }

            var now = time.GetUtcNow().ToUnixTimeSeconds();
            listing = listing with { LastModifiedTimestamp = now, UpdatedTimestamp = now };
            await store.PutAsync(Channel, Listings, Key(listing.ListingId), found with { Listing = listing }, listing.CreatedTimestamp, http.RequestAborted);
            return Results.Json(listing, EtsySandboxJson.Options);
        });
    }

    private static async Task<IResult> ByShopAsync(HttpContext http, string shop_id, SandboxStore store, string? state, int? limit, int? offset)
    {
        if (limit is < 1 or > 100 || offset is < 0)
        {
            return EtsySandboxGate.Error(400, "limit is from 1 to 100 and offset 0 or more.");
        }

        var wanted = state ?? "active";
        var all = (await store.ListAsync<EtsySandboxListing>(Channel, Listings, new DocumentRange(Owner: http.Seller().ShopId.ToString(CultureInfo.InvariantCulture)), ct: http.RequestAborted))
            .Select(d => d.Document.Listing).Where(l => l.State == wanted).ToList();
        return Results.Json(new EtsyWireListings(all.Count, [.. all.Skip(offset ?? 0).Take(limit ?? 25)]), EtsySandboxJson.Options);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string listing_id, SandboxStore store) =>
        await OwnAsync(http, store, listing_id) is { } found && await store.DeleteAsync(Channel, Listings, Key(found.Listing.ListingId), http.RequestAborted)
            ? Results.NoContent()
            : EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.");

    private static async Task<IResult> InventoryAsync(HttpContext http, string listing_id, SandboxStore store) =>
        await OwnAsync(http, store, listing_id) is { } found
            ? Results.Json(found.Inventory, EtsySandboxJson.Options)
            : EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.");

    private static async Task<IResult> UpdateInventoryAsync(HttpContext http, string listing_id, SandboxStore store, TimeProvider time)
    {
        EtsyWireInventoryUpdate? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<EtsyWireInventoryUpdate>(EtsySandboxJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return EtsySandboxGate.Error(400, "The body is not a ListingInventory JSON object.");
        }
        catch (InvalidOperationException)
        {
            return EtsySandboxGate.Error(400, "updateListingInventory takes application/json.");
        }

        if (InventoryProblem(body) is { } problem)
        {
            return EtsySandboxGate.Error(400, problem);
        }

        return await store.SerializedAsync(Channel, async () =>
        {
            if (await OwnAsync(http, store, listing_id) is not { } found)
            {
                return EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.");
            }

            var currency = found.Listing.Price.CurrencyCode;
            var products = body!.Products!.Select(p => new EtsyWireInventoryProduct(EtsySandboxAuth.NextId(), p.Sku ?? "", false,
                [.. p.Offerings!.Select(o => new EtsyWireOffering(EtsySandboxAuth.NextId(), o.Quantity!.Value, o.IsEnabled ?? true, false, Money(o.Price!.Value, currency)))],
                p.PropertyValues ?? [])).ToList();
            var inventory = new EtsyWireInventory(products, body.PriceOnProperty ?? [], body.QuantityOnProperty ?? [], body.SkuOnProperty ?? []);
            await SaveAsync(store, found with { Inventory = inventory }, time, http.RequestAborted);
            return Results.Json(inventory, EtsySandboxJson.Options);
        });
    }

    /// <summary>Writes the listing with its inventory, its quantity and SKUs and lowest price read from the enabled offerings.</summary>
    internal static async Task SaveAsync(SandboxStore store, EtsySandboxListing listing, TimeProvider time, CancellationToken ct)
    {
        var enabled = listing.Inventory.Products.Where(p => !p.IsDeleted).SelectMany(p => p.Offerings).Where(o => o.IsEnabled && !o.IsDeleted).ToList();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var updated = listing.Listing with
        {
            Quantity = enabled.Sum(o => o.Quantity),
            Skus = [.. listing.Inventory.Products.Where(p => !p.IsDeleted && p.Sku.Length > 0).Select(p => p.Sku)],
            Price = enabled.Count > 0 ? enabled.MinBy(o => (decimal)o.Price.Amount / o.Price.Divisor)!.Price : listing.Listing.Price,
            State = enabled.Sum(o => o.Quantity) == 0 && listing.Listing.State == "active" ? "sold_out"
                : enabled.Sum(o => o.Quantity) > 0 && listing.Listing.State == "sold_out" ? "active" : listing.Listing.State,
            LastModifiedTimestamp = now,
            UpdatedTimestamp = now,
        };
        await store.PutAsync(Channel, Listings, Key(updated.ListingId), listing with { Listing = updated }, updated.CreatedTimestamp, ct);
    }

    private static string? InventoryProblem(EtsyWireInventoryUpdate? body)
    {
        if (body?.Products is not { Count: > 0 } products)
        {
            return "products is required: a JSON array with at least one product.";
        }

        if (products.Any(p => p.Offerings is not { Count: > 0 }))
        {
            return "Every product needs at least one offering.";
        }

        if (products.SelectMany(p => p.Offerings!).Any(o => o.Price is not > 0 || o.Quantity is not >= 0))
        {
            return "Every offering needs a price above 0 and a quantity of 0 or more.";
        }

        var skus = products.Select(p => p.Sku ?? "").Where(s => s.Length > 0).ToList();
        if (skus.Count != skus.Distinct(StringComparer.Ordinal).Count())
        {
            return "Each product's sku must be unique within the listing.";
        }

        if (products.Any(p => p.PropertyValues?.Any(v => v.Values.Any(s => s.Contains('(') || s.Contains(')'))) == true))
        {
            return "Property values may not contain parentheses.";
        }

        return VariationProblem(body, products);
    }

    /// <summary>
    /// Several products are the listing's variations: at most two variation properties, the same ones on every
    /// product, a different combination of values on each, and the price, quantity and SKU varying only on those.
    /// </summary>
    private static string? VariationProblem(EtsyWireInventoryUpdate body, IReadOnlyList<EtsyWireInventoryUpdateProduct> products)
    {
        static string Combination(EtsyWireInventoryUpdateProduct p) =>
            string.Join("|", (p.PropertyValues ?? []).OrderBy(v => v.PropertyId).Select(v => $"{v.PropertyId}={string.Join(",", v.Values)}"));
        var properties = products.Select(p => string.Join(",", (p.PropertyValues ?? []).Select(v => v.PropertyId).Order())).Distinct().ToList();
        var used = (products[0].PropertyValues ?? []).Select(v => v.PropertyId).ToHashSet();
        if (products.Count == 1)
        {
            return null;
        }

        if (properties.Count != 1 || used.Count == 0)
        {
            return "Every product of a listing with variations needs property_values for the same variation properties.";
        }

        if (used.Count > 2)
        {
            return "A listing can vary on at most two properties.";
        }

        if (products.Select(Combination).Distinct(StringComparer.Ordinal).Count() != products.Count)
        {
            return "Each product needs a different combination of property values.";
        }

        var on = (body.PriceOnProperty ?? []).Concat(body.QuantityOnProperty ?? []).Concat(body.SkuOnProperty ?? []);
        return on.Any(id => !used.Contains(id)) ? "price_on_property, quantity_on_property and sku_on_property name only the products' variation properties." : null;
    }

    /// <summary>At most 140 characters, and each of %, :, &amp; and + at most once (createDraftListing's title rules).</summary>
    private static string? TitleProblem(string title) =>
        title.Length > 140 ? "title is at most 140 characters."
        : "%:&+".FirstOrDefault(c => title.Count(x => x == c) > 1) is var twice and not '\0' ? $"title may use {twice} only once."
        : null;

    internal static EtsyWireMoney Money(decimal price, string currency = "USD") => new((long)Math.Round(price * 100, MidpointRounding.AwayFromZero), 100, currency);

    internal static string Key(long listingId) => listingId.ToString(CultureInfo.InvariantCulture);

    internal static async Task<EtsySandboxListing?> OwnAsync(HttpContext http, SandboxStore store, string listingId) =>
        await store.GetAsync<EtsySandboxListing>(Channel, Listings, listingId, http.RequestAborted) is { } found && found.ShopId == http.Seller().ShopId
            ? found
            : null;
}
