using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Amazon;

/// <summary>A token bucket: <see cref="RatePerSecond"/> restores, <see cref="Burst"/> is the bucket size.</summary>
public sealed record AmazonRateLimit(double RatePerSecond, int Burst);

/// <summary>
/// SP-API's published per-operation default limits (amazon-sp-api.md, "Errors and limits"). The operation names are the
/// ones this client puts on each request (<see cref="Abstractions.ChannelRequestOptions.Operation"/>), so the shared rate
/// limiter and the emulator read the same table. searchOrders is by far the slowest: one call every three minutes after a burst of 20.
/// </summary>
public static class AmazonRateLimits
{

    public const string GetOrders = "getOrders";
    public const string SearchOrders = "searchOrders";
    public const string GetOrderV2 = "getOrder (2026-01-01)";
    public const string GetOrder = "getOrder";
    public const string GetOrderItems = "getOrderItems";
    public const string ConfirmShipment = "confirmShipment";
    public const string GetListingsItem = "getListingsItem";
    public const string PutListingsItem = "putListingsItem";
    public const string PatchListingsItem = "patchListingsItem";
    public const string DeleteListingsItem = "deleteListingsItem";
    public const string SearchListingsItems = "searchListingsItems";
    public const string SearchCatalogItems = "searchCatalogItems";
    public const string GetCatalogItem = "getCatalogItem";
    public const string GetInventorySummaries = "getInventorySummaries";
    public const string CreateFeedDocument = "createFeedDocument";
    public const string CreateFeed = "createFeed";
    public const string GetFeed = "getFeed";
    public const string GetFeedDocument = "getFeedDocument";

    public static IReadOnlyDictionary<string, AmazonRateLimit> Published { get; } = new Dictionary<string, AmazonRateLimit>
    {
        [GetOrders] = new(0.0167, 20),
        // Orders 2026-01-01 publishes its own, slower plan: one call every three minutes after a burst of 20.
        // https://developer-docs.amazon.com/sp-api/reference/searchorders
        [SearchOrders] = new(0.0056, 20),
        [GetOrderV2] = new(0.5, 30),
        [GetOrder] = new(0.5, 30),
        [GetOrderItems] = new(0.5, 30),
        [ConfirmShipment] = new(2, 10),
        [GetListingsItem] = new(5, 10),
        [PutListingsItem] = new(5, 10),
        [PatchListingsItem] = new(5, 5),
        [DeleteListingsItem] = new(5, 5),
        [SearchListingsItems] = new(5, 5),
        [SearchCatalogItems] = new(2, 2),
        [GetCatalogItem] = new(2, 2),
        [GetInventorySummaries] = new(2, 2),
        [CreateFeedDocument] = new(0.5, 15),
        [CreateFeed] = new(0.0083, 15),
        [GetFeed] = new(2, 15),
        // Not in the notes' table; the Feeds API reference gives getFeedDocument 0.0222/s, burst 10.
        // https://developer-docs.amazon.com/sp-api/reference/getfeeddocument
        [GetFeedDocument] = new(0.0222, 10),
    };

    /// <summary>
    /// The client's budget: the per-operation buckets above, under an account-wide ceiling of 5 calls a second with
    /// bursts of 10 (amazon-sp-api.md). Declared after <see cref="Published"/>, which it reads as it is initialised.
    /// </summary>
    public static ChannelRateLimits Client { get; } = new(5, 10)
    {
        Operations = Published.ToDictionary(o => o.Key, o => new OperationRateLimit(o.Value.RatePerSecond, o.Value.Burst)),
    };
}
