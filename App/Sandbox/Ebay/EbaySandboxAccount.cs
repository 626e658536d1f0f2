using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;
using static SellerPortal.Sandbox.Ebay.EbaySandboxGate;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// The seller's business policies (Account API: getFulfillmentPolicies, getPaymentPolicies, getReturnPolicies, each
/// by <c>marketplace_id</c>) and inventory locations (Inventory API: getInventoryLocations, createInventoryLocation).
/// Every seller has one policy of each kind and the location <c>warehouse-1</c>, as if set up in Seller Hub.
/// https://developer.ebay.com/api-docs/sell/account/resources/fulfillment_policy/methods/getFulfillmentPolicies
/// https://developer.ebay.com/api-docs/sell/inventory/resources/location/methods/createInventoryLocation
/// </summary>
internal static class EbaySandboxAccount
{
    public const string FulfillmentPolicyId = "6196932000";
    public const string PaymentPolicyId = "6196933000";
    public const string ReturnPolicyId = "6196934000";
    public const string SeededLocation = "warehouse-1";
    private const string Seeded = "locations_seeded";

    public static void Map(RouteGroupBuilder ebay)
    {
        var account = ebay.MapGroup("/sell/account/v1");
        account.MapGet("/fulfillment_policy", (HttpContext http) => Policies(http, m =>
            new EbayWireFulfillmentPolicies([new(FulfillmentPolicyId, "Standard shipping", m)], 1))).Api("account");
        account.MapGet("/payment_policy", (HttpContext http) => Policies(http, m =>
            new EbayWirePaymentPolicies([new(PaymentPolicyId, "eBay managed payments", m)], 1))).Api("account");
        account.MapGet("/return_policy", (HttpContext http) => Policies(http, m =>
            new EbayWireReturnPolicies([new(ReturnPolicyId, "30 days returns", m)], 1))).Api("account");

        var inventory = ebay.MapGroup("/sell/inventory/v1");
        inventory.MapGet("/location", ListLocationsAsync).Api("inventory");
        inventory.MapPost("/location/{merchantLocationKey}", CreateLocationAsync).Api("inventory");
    }

    public static bool KnownPolicies(EbayWireListingPolicies? p) =>
        p is { FulfillmentPolicyId: FulfillmentPolicyId, PaymentPolicyId: PaymentPolicyId, ReturnPolicyId: ReturnPolicyId };

    /// <summary>marketplace_id is required (https://developer.ebay.com/api-docs/sell/account/resources/return_policy/methods/getReturnPolicies).</summary>
    private static IResult Policies<T>(HttpContext http, Func<string, T> page) =>
        http.Request.Query["marketplace_id"].ToString() is { Length: > 0 } marketplace
            ? Results.Json(page(marketplace), EbaySandboxJson.Options)
            : Error(400, 20401, "API_ACCOUNT", "REQUEST", "Missing field marketplaceId.", null, new EbayWireErrorParameter("marketplace_id", ""));

    public static async Task<List<EbayWireLocationResponse>> LocationsAsync(SandboxStore store, string user, CancellationToken ct = default)
    {
        if (await store.GetAsync<bool?>(Channel, Stats, Seeded + "|" + user, ct) is not true)
        {
            await store.PutAsync(Channel, Locations, user + "|" + SeededLocation, new EbaySandboxLocation(user, new EbayWireLocationResponse
            {
                MerchantLocationKey = SeededLocation,
                Name = "Main warehouse",
                MerchantLocationStatus = "ENABLED",
                LocationTypes = ["WAREHOUSE"],
                Location = new EbayWireLocation(new EbayWireLocationAddress { City = "San Jose", StateOrProvince = "CA", PostalCode = "95125", Country = "US" }),
            }), ct: ct);
            await store.PutAsync(Channel, Stats, Seeded + "|" + user, true, ct: ct);
        }

        return [.. (await store.ListAsync<EbaySandboxLocation>(Channel, Locations, ct: ct)).Where(l => l.Document.Username == user).Select(l => l.Document.Location)];
    }

    /// <summary>Control: the seller's locations gone (<paramref name="reseed"/> false) or back to the seeded one.</summary>
    public static async Task ClearLocationsAsync(SandboxStore store, string user, bool reseed)
    {
        foreach (var location in (await store.ListAsync<EbaySandboxLocation>(Channel, Locations)).Where(l => l.Document.Username == user))
        {
            await store.DeleteAsync(Channel, Locations, location.Id);
        }

        if (reseed)
        {
            await store.DeleteAsync(Channel, Stats, Seeded + "|" + user);
        }
        else
        {
            await store.PutAsync(Channel, Stats, Seeded + "|" + user, true);
        }
    }

    private static async Task<IResult> ListLocationsAsync(HttpContext http, SandboxStore store, int? limit, int? offset)
    {
        var all = await LocationsAsync(store, http.User(), http.RequestAborted);
        var size = limit ?? 20;
        var start = offset ?? 0;
        var page = all.Skip(start).Take(size).ToList();
        return Results.Json(new EbayWireLocationsPage
        {
            Href = $"{http.Request.PathBase}{http.Request.Path}?limit={size}&offset={start}",
            Limit = size,
            Offset = start,
            Total = all.Count,
            Locations = page,
        }, EbaySandboxJson.Options);
    }

    /// <summary>
    /// A warehouse needs a country and either a postal code or a city and state (createInventoryLocation); a key
    /// already used is error 25803.
    /// </summary>
    private static async Task<IResult> CreateLocationAsync(HttpContext http, string merchantLocationKey, SandboxStore store)
    {
        var (body, problem) = await EbaySandboxRequests.ReadAsync<EbayWireInventoryLocation>(http, "API_INVENTORY");
        if (problem is not null)
        {
            return problem;
        }

        var address = body!.Location?.Address;
        if (address?.Country is not { Length: 2 } || (address.PostalCode is null && (address.City is null || address.StateOrProvince is null)))
        {
            return Error(400, 25802, "API_INVENTORY", "REQUEST", "Input error. location.address needs country and postalCode, or country, city and stateOrProvince.",
                null, new EbayWireErrorParameter("location.address", ""));
        }

        var existing = await LocationsAsync(store, http.User(), http.RequestAborted);
        if (existing.Any(l => l.MerchantLocationKey == merchantLocationKey))
        {
            return Error(409, 25803, "API_INVENTORY", "REQUEST", $"{merchantLocationKey} already exists.", null,
                new EbayWireErrorParameter("merchantLocationKey", merchantLocationKey));
        }

        await store.PutAsync(Channel, Locations, http.User() + "|" + merchantLocationKey, new EbaySandboxLocation(http.User(), new EbayWireLocationResponse
        {
            MerchantLocationKey = merchantLocationKey,
            Name = body.Name,
            MerchantLocationStatus = body.MerchantLocationStatus ?? "ENABLED",
            LocationTypes = body.LocationTypes ?? ["WAREHOUSE"],
            Location = body.Location,
        }));
        return Results.NoContent();
    }
}

/// <summary>How the emulator takes a JSON body, as eBay does: JSON content type, exact member names and JSON types.</summary>
internal static class EbaySandboxRequests
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http, string domain) where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            // eBay answers 415 for a body that is not application/json.
            return (null, Error(415, 2004, domain, "REQUEST", "Unsupported Media Type. The request Content-Type must be application/json.",
                null, new EbayWireErrorParameter("Content-Type", http.Request.ContentType ?? "")));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, EbaySandboxJson.Options, http.RequestAborted);
            return body is null
                ? (null, Error(400, 2004, domain, "REQUEST", "The request has errors. The request body is empty."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            // An unknown or wrongly cased member, a missing required one, or a value of the wrong JSON type.
            return (null, Error(400, 2004, domain, "REQUEST", "The request has errors. For help, see the documentation for this API.",
                $"Could not serialize field [{ex.Path ?? "body"}]: {ex.Message}", new EbayWireErrorParameter("body", ex.Path ?? "")));
        }
    }
}
