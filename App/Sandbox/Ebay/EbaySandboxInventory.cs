using System.Globalization;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;
using static SellerPortal.Sandbox.Ebay.EbaySandboxGate;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// Inventory API: inventory items, offers, publish and withdraw, and bulk_update_price_quantity (at most 25 per
/// call; 207 Multi-Status when some SKUs fail). Error ids follow eBay's where known (25002 user error, 25709
/// Content-Language, 25710 not found, 25713 offer unavailable); others are this emulator's choice.
/// </summary>
internal static class EbaySandboxInventory
{
    private const string Domain = "API_INVENTORY";

    public static void Map(RouteGroupBuilder ebay)
    {
        var inventory = ebay.MapGroup("/sell/inventory/v1");
        inventory.MapPut("/inventory_item/{sku}", PutItemAsync).Api("inventory");
        inventory.MapGet("/inventory_item/{sku}", GetItemAsync).Api("inventory");
        inventory.MapDelete("/inventory_item/{sku}", DeleteItemAsync).Api("inventory");
        inventory.MapGet("/inventory_item", ListItemsAsync).Api("inventory");
        inventory.MapPost("/offer", CreateOfferAsync).Api("inventory");
        inventory.MapPut("/offer/{offerId}", UpdateOfferAsync).Api("inventory");
        inventory.MapGet("/offer", GetOffersAsync).Api("inventory");
        inventory.MapPost("/offer/{offerId}/publish", PublishAsync).Api("inventory");
        inventory.MapPost("/offer/{offerId}/withdraw", WithdrawAsync).Api("inventory");
        inventory.MapPost("/bulk_update_price_quantity", BulkUpdateAsync).Api("inventory");
    }

    private static async Task<IResult> PutItemAsync(HttpContext http, string sku, SandboxStore store)
    {
        if (MissingContentLanguage(http) is { } rejected)
        {
            return rejected;
        }

        var (item, problem) = await EbaySandboxRequests.ReadAsync<EbayWireInventoryItem>(http, Domain);
        if (item is null)
        {
            return problem!;
        }

        if (item.Condition is { } condition && !ConditionEnum.Contains(condition))
        {
            return UserError($"{condition} is not a valid condition.", "condition");
        }

        if (item.Availability?.ShipToLocationAvailability?.Quantity is < 0)
        {
            return UserError("shipToLocationAvailability.quantity must be 0 or more.", "availability.shipToLocationAvailability.quantity");
        }

        await store.SerializedAsync(Channel, async () =>
        {
            await store.PutAsync(Channel, Items, ItemKey(http.User(), sku), new EbaySandboxItem(http.User(), sku, item with { Sku = null }));
            return true;
        });
        return Results.NoContent();
    }

    private static async Task<IResult> GetItemAsync(HttpContext http, string sku, SandboxStore store) =>
        await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(http.User(), sku)) is { } stored
            ? Results.Json(stored.Item with { Sku = sku }, EbaySandboxJson.Options)
            : NotFound();

    private static async Task<IResult> DeleteItemAsync(HttpContext http, string sku, SandboxStore store)
    {
        if (!await store.DeleteAsync(Channel, Items, ItemKey(http.User(), sku)))
        {
            return NotFound();
        }

        foreach (var offer in await OffersOfAsync(store, http.User(), sku))
        {
            await store.DeleteAsync(Channel, Offers, offer.OfferId!);
        }

        return Results.NoContent();
    }

    private static async Task<IResult> ListItemsAsync(HttpContext http, SandboxStore store, int? limit, int? offset)
    {
        var size = limit ?? 25;
        var start = offset ?? 0;
        if (size is < 1 or > 200 || start < 0)
        {
            return UserError("limit must be 1 to 200 and offset 0 or more.", "limit");
        }

        var all = (await store.ListAsync<EbaySandboxItem>(Channel, Items)).Where(i => i.Document.Username == http.User()).ToList();
        var page = all.Skip(start).Take(size).Select(i => i.Document.Item with { Sku = i.Document.Sku }).ToList();
        var basePath = $"{http.Request.PathBase}{http.Request.Path}";
        return Results.Json(new EbayWireInventoryItemsPage
        {
            Href = $"{basePath}?limit={size}&offset={start}",
            Total = all.Count,
            Size = page.Count,
            Limit = size,
            Next = start + size < all.Count ? $"{basePath}?limit={size}&offset={start + size}" : null,
            InventoryItems = page,
        }, EbaySandboxJson.Options);
    }

    private static async Task<IResult> CreateOfferAsync(HttpContext http, SandboxStore store)
    {
        if (MissingContentLanguage(http) is { } rejected)
        {
            return rejected;
        }

        var (offer, problem) = await EbaySandboxRequests.ReadAsync<EbayWireOffer>(http, Domain);
        if (offer is null)
        {
            return problem!;
        }

        if (string.IsNullOrEmpty(offer.Sku) || string.IsNullOrEmpty(offer.MarketplaceId) || string.IsNullOrEmpty(offer.Format))
        {
            return UserError("sku, marketplaceId and format are required.", "offer");
        }

        if (await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(http.User(), offer.Sku)) is null)
        {
            return Error(400, 25702, Domain, "REQUEST", $"SKU {offer.Sku} is not available in the system.", null, new EbayWireErrorParameter("sku", offer.Sku));
        }

        if ((await OffersOfAsync(store, http.User(), offer.Sku)).FirstOrDefault(o => o.MarketplaceId == offer.MarketplaceId && o.Format == offer.Format) is { } existing)
        {
            return Error(400, 25002, Domain, "REQUEST", "A user error has occurred. Offer entity already exists.", null,
                new EbayWireErrorParameter("offerId", existing.OfferId));
        }

        var offerId = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        await store.PutAsync(Channel, Offers, offerId, new EbaySandboxOffer(http.User(), offer with { OfferId = offerId, Status = "UNPUBLISHED", Listing = null }));
        return Results.Json(new EbayWireOfferIdResponse(offerId), EbaySandboxJson.Options, statusCode: 201);
    }

    private static async Task<IResult> UpdateOfferAsync(HttpContext http, string offerId, SandboxStore store)
    {
        if (MissingContentLanguage(http) is { } rejected)
        {
            return rejected;
        }

        var (update, problem) = await EbaySandboxRequests.ReadAsync<EbayWireOfferUpdate>(http, Domain);
        return await store.SerializedAsync(Channel, async () =>
        {
            var stored = await OfferAsync(store, http.User(), offerId);
            if (stored is null)
            {
                return OfferUnavailable(offerId);
            }

            if (update is null)
            {
                return problem!;
            }

            // updateOffer replaces the offer's details; its keys (sku, marketplaceId, format) stay.
            await store.PutAsync(Channel, Offers, offerId, stored with
            {
                Offer = stored.Offer with
                {
                    AvailableQuantity = update.AvailableQuantity,
                    CategoryId = update.CategoryId,
                    ListingDescription = update.ListingDescription,
                    ListingDuration = update.ListingDuration,
                    ListingPolicies = update.ListingPolicies,
                    PricingSummary = update.PricingSummary,
                    MerchantLocationKey = update.MerchantLocationKey,
                    QuantityLimitPerBuyer = update.QuantityLimitPerBuyer,
                },
            });
            return Results.NoContent();
        });
    }

    private static async Task<IResult> GetOffersAsync(HttpContext http, SandboxStore store, string? sku)
    {
        if (string.IsNullOrEmpty(sku))
        {
            return Error(400, 25707, Domain, "REQUEST", "This is an invalid value for a SKU.", null, new EbayWireErrorParameter("sku", ""));
        }

        var offers = await OffersOfAsync(store, http.User(), sku);
        return offers.Count == 0
            ? Error(404, 25713, Domain, "REQUEST", "This Offer is not available.")
            : Results.Json(new EbayWireOffersPage { Offers = offers, Total = offers.Count }, EbaySandboxJson.Options);
    }

    /// <summary>Publishing needs what a live listing needs: category, the three policies, a price, a quantity and a title.</summary>
    private static async Task<IResult> PublishAsync(HttpContext http, string offerId, SandboxStore store)
    {
        var stored = await OfferAsync(store, http.User(), offerId);
        if (stored is null)
        {
            return OfferUnavailable(offerId);
        }

        var o = stored.Offer;
        var item = await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(http.User(), o.Sku));
        var missing = new List<string>();
        if (string.IsNullOrEmpty(o.CategoryId)) missing.Add("categoryId");
        if (o.ListingPolicies?.FulfillmentPolicyId != EbaySandboxAccount.FulfillmentPolicyId) missing.Add("listingPolicies.fulfillmentPolicyId");
        if (o.ListingPolicies?.PaymentPolicyId != EbaySandboxAccount.PaymentPolicyId) missing.Add("listingPolicies.paymentPolicyId");
        if (o.ListingPolicies?.ReturnPolicyId != EbaySandboxAccount.ReturnPolicyId) missing.Add("listingPolicies.returnPolicyId");
        // The location must be one of the seller's (https://developer.ebay.com/api-docs/sell/inventory/resources/offer/methods/publishOffer).
        if (o.MerchantLocationKey is null || !(await EbaySandboxAccount.LocationsAsync(store, http.User(), http.RequestAborted)).Any(l => l.MerchantLocationKey == o.MerchantLocationKey))
        {
            missing.Add("merchantLocationKey");
        }

        if (item?.Item.Condition is not { } condition || !ConditionEnum.Contains(condition)) missing.Add("condition");
        if (o.ListingDuration is not (null or "GTC")) missing.Add("listingDuration");
        if (o.CategoryId is { } category && EbaySandboxCategories.Rules.TryGetValue(category, out var rules))
        {
            if (rules.PicturesRequired && item?.Item.Product?.ImageUrls is not { Count: > 0 }) missing.Add("product.imageUrls");
            foreach (var aspect in rules.RequiredAspects.Where(a => item?.Item.Product?.Aspects?.GetValueOrDefault(a) is not { Count: > 0 }))
            {
                missing.Add("product.aspects." + aspect);
            }
        }
        if (o.PricingSummary?.Price is null) missing.Add("pricingSummary.price");
        if (string.IsNullOrEmpty(item?.Item.Product?.Title)) missing.Add("product.title");
        if ((o.AvailableQuantity ?? item?.Item.Availability?.ShipToLocationAvailability?.Quantity ?? 0) <= 0) missing.Add("availableQuantity");
        if (missing.Count > 0)
        {
            // One error per problem, as eBay lists them, each naming its field.
            return Results.Json(new EbayWireErrorResponse([.. missing.Select(m => new EbayWireError
            {
                ErrorId = 25002, Domain = Domain, Category = "REQUEST",
                Message = $"A user error has occurred. {m} is missing or invalid.",
                LongMessage = $"A user error has occurred. {m} is missing or invalid.",
                Parameters = [new EbayWireErrorParameter(m, "")],
            })]), EbaySandboxJson.Options, statusCode: 400);
        }

        var listingId = o.Listing?.ListingId ?? Random.Shared.NextInt64(110_000_000_000, 119_999_999_999).ToString(CultureInfo.InvariantCulture);
        await store.PutAsync(Channel, Offers, offerId, stored with { Offer = o with { Status = "PUBLISHED", Listing = new EbayWireOfferListing(listingId, "ACTIVE") } });
        return Results.Json(new { listingId, warnings = Array.Empty<object>() }, EbaySandboxJson.Options);
    }

    private static async Task<IResult> WithdrawAsync(HttpContext http, string offerId, SandboxStore store)
    {
        var stored = await OfferAsync(store, http.User(), offerId);
        if (stored is null || stored.Offer.Status != "PUBLISHED")
        {
            return OfferUnavailable(offerId);
        }

        var listingId = stored.Offer.Listing?.ListingId;
        await store.PutAsync(Channel, Offers, offerId, stored with { Offer = stored.Offer with { Status = "UNPUBLISHED", Listing = new EbayWireOfferListing(listingId, "ENDED") } });
        return Results.Json(new { listingId, warnings = Array.Empty<object>() }, EbaySandboxJson.Options);
    }

    private static async Task<IResult> BulkUpdateAsync(HttpContext http, SandboxStore store)
    {
        var (body, problem) = await EbaySandboxRequests.ReadAsync<EbayWireBulkPriceQuantityRequest>(http, Domain);
        if (body is null)
        {
            return problem!;
        }

        if (body.Requests is not { Count: > 0 } requests)
        {
            return UserError("requests is required.", "requests");
        }

        // eBay accepts at most 25 per call (ebay.md, "Inventory API").
        if (requests.Count > EbaySandboxFormats.BulkPriceQuantityLimit)
        {
            return Error(400, 25002, Domain, "REQUEST", $"A user error has occurred. The number of requests ({requests.Count}) exceeds the maximum of 25.",
                null, new EbayWireErrorParameter("requests", requests.Count.ToString(CultureInfo.InvariantCulture)));
        }

        await CountAsync(store, "bulkUpdatePriceQuantityCalls");
        var responses = new List<EbayWirePriceQuantityResult>();
        // One at a time with the emulator's other stock writers (a buyer's order taking units off an offer).
        await store.SerializedAsync(Channel, async () =>
        {
            foreach (var request in requests)
            {
                responses.AddRange(await ApplyAsync(store, http.User(), request));
            }

            return true;
        });

        return Results.Json(new EbayWireBulkPriceQuantityResponse(responses), EbaySandboxJson.Options,
            statusCode: responses.All(r => r.StatusCode == 200) ? 200 : 207);
    }

    private static async Task<IReadOnlyList<EbayWirePriceQuantityResult>> ApplyAsync(SandboxStore store, string user, EbayWirePriceQuantity request)
    {
        EbayWirePriceQuantityResult Fail(int status, int errorId, string message, string? offerId = null) => new()
        {
            StatusCode = status,
            Sku = request.Sku,
            OfferId = offerId,
            Errors = [new EbayWireError { ErrorId = errorId, Domain = Domain, Category = "REQUEST", Message = message, LongMessage = message }],
            Warnings = [],
        };

        var item = await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(user, request.Sku));
        if (item is null)
        {
            return [Fail(404, 25702, $"SKU {request.Sku} is not available in the system.")];
        }

        if (request.ShipToLocationAvailability?.Quantity is < 0)
        {
            return [Fail(400, 25002, "A user error has occurred. quantity must be 0 or more.")];
        }

        var results = new List<EbayWirePriceQuantityResult>();
        foreach (var change in request.Offers ?? [])
        {
            var offer = await OfferAsync(store, user, change.OfferId);
            if (offer is null || offer.Offer.Sku != request.Sku)
            {
                results.Add(Fail(400, 25713, "This Offer is not available.", change.OfferId));
                continue;
            }

            if (change.Price is { } price && (!decimal.TryParse(price.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0))
            {
                results.Add(Fail(400, 25002, "A user error has occurred. The price must be greater than 0.", change.OfferId));
                continue;
            }

            if (change.AvailableQuantity is < 0)
            {
                results.Add(Fail(400, 25002, "A user error has occurred. availableQuantity must be 0 or more.", change.OfferId));
                continue;
            }

            await store.PutAsync(Channel, Offers, change.OfferId, offer with
            {
                Offer = offer.Offer with
                {
                    AvailableQuantity = change.AvailableQuantity ?? request.ShipToLocationAvailability?.Quantity ?? offer.Offer.AvailableQuantity,
                    PricingSummary = change.Price is null ? offer.Offer.PricingSummary : new EbayWirePricingSummary(change.Price),
                },
            });
            results.Add(new EbayWirePriceQuantityResult { StatusCode = 200, Sku = request.Sku, OfferId = change.OfferId, Errors = [], Warnings = [] });
        }

        if (results.Any(r => r.StatusCode != 200))
        {
            return results;
        }

        if (request.ShipToLocationAvailability?.Quantity is { } quantity)
        {
            await store.PutAsync(Channel, Items, ItemKey(user, request.Sku), item with
            {
                Item = item.Item with { Availability = new EbayWireAvailability(new EbayWireShipToLocationAvailability(quantity)) },
            });
        }

        return results.Count > 0 ? results : [new EbayWirePriceQuantityResult { StatusCode = 200, Sku = request.Sku, Errors = [], Warnings = [] }];
    }

    private static async Task<EbaySandboxOffer?> OfferAsync(SandboxStore store, string user, string offerId) =>
        await store.GetAsync<EbaySandboxOffer>(Channel, Offers, offerId) is { } o && o.Username == user ? o : null;

    private static async Task<List<EbayWireOffer>> OffersOfAsync(SandboxStore store, string user, string sku) =>
        (await store.ListAsync<EbaySandboxOffer>(Channel, Offers))
            .Where(o => o.Document.Username == user && o.Document.Offer.Sku == sku)
            .Select(o => o.Document.Offer).ToList();

    private static IResult? MissingContentLanguage(HttpContext http) =>
        http.Request.Headers.ContentLanguage.ToString() is { Length: > 0 }
            ? null
            : Error(400, 25709, Domain, "REQUEST", "Invalid value for header Content-Language.", null, new EbayWireErrorParameter("Content-Language", ""));

    private static IResult NotFound() =>
        Error(404, 25710, Domain, "REQUEST", "We didn't find the resource/entity you are requesting. Please verify the request");

    private static IResult OfferUnavailable(string offerId) =>
        Error(404, 25713, Domain, "REQUEST", "This Offer is not available.", null, new EbayWireErrorParameter("offerId", offerId));

    private static IResult UserError(string message, string parameter) =>
        Error(400, 25002, Domain, "REQUEST", "A user error has occurred. " + message, null, new EbayWireErrorParameter(parameter, ""));

    /// <summary>eBay's ConditionEnum (https://developer.ebay.com/api-docs/sell/inventory/types/slr:ConditionEnum).</summary>
    internal static readonly HashSet<string> ConditionEnum = new(StringComparer.Ordinal)
    {
        "NEW", "LIKE_NEW", "NEW_OTHER", "NEW_WITH_DEFECTS", "CERTIFIED_REFURBISHED", "EXCELLENT_REFURBISHED",
        "VERY_GOOD_REFURBISHED", "GOOD_REFURBISHED", "SELLER_REFURBISHED", "USED_EXCELLENT", "USED_VERY_GOOD", "USED_GOOD",
        "USED_ACCEPTABLE", "FOR_PARTS_OR_NOT_WORKING", "PRE_OWNED_EXCELLENT", "PRE_OWNED_FAIR", "MANUFACTURER_REFURBISHED",
    };

    internal static async Task CountAsync(SandboxStore store, string counter)
    {
        var current = await store.GetAsync<int?>(Channel, Stats, counter) ?? 0;
        await store.PutAsync(Channel, Stats, counter, current + 1);
    }
}
