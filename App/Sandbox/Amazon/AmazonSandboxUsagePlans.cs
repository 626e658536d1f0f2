namespace SellerPortal.Sandbox.Amazon;

/// <summary>A token bucket: <see cref="RatePerSecond"/> restores, <see cref="Burst"/> is the bucket size.</summary>
public sealed record AmazonSandboxUsagePlan(double RatePerSecond, int Burst);

/// <summary>
/// The default usage plan of each operation the emulator serves, as each API reference publishes it ("Usage Plan"),
/// written here from those pages rather than taken from the client, so a wrong figure on either side shows.
/// https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits-in-the-sp-api
/// </summary>
public static class AmazonSandboxUsagePlans
{
    public const string GetOrders = "getOrders";
    public const string GetOrder = "getOrder";
    public const string GetOrderItems = "getOrderItems";
    public const string ConfirmShipment = "confirmShipment";
    public const string SearchOrders = "searchOrders";
    public const string GetOrder2026 = "getOrder (2026-01-01)";
    public const string GetListingsItem = "getListingsItem";
    public const string PutListingsItem = "putListingsItem";
    public const string PatchListingsItem = "patchListingsItem";
    public const string DeleteListingsItem = "deleteListingsItem";
    public const string SearchListingsItems = "searchListingsItems";
    public const string SearchCatalogItems = "searchCatalogItems";
    public const string GetInventorySummaries = "getInventorySummaries";
    public const string CreateFeedDocument = "createFeedDocument";
    public const string CreateFeed = "createFeed";
    public const string GetFeed = "getFeed";
    public const string GetFeedDocument = "getFeedDocument";

    public static IReadOnlyDictionary<string, AmazonSandboxUsagePlan> Defaults { get; } = new Dictionary<string, AmazonSandboxUsagePlan>
    {
        [GetOrders] = new(0.0167, 20),
        [GetOrder] = new(0.5, 30),
        [GetOrderItems] = new(0.5, 30),
        [ConfirmShipment] = new(2, 10),
        [SearchOrders] = new(0.0056, 20),
        [GetOrder2026] = new(0.5, 30),
        [GetListingsItem] = new(5, 10),
        [PutListingsItem] = new(5, 10),
        [PatchListingsItem] = new(5, 5),
        [DeleteListingsItem] = new(5, 5),
        [SearchListingsItems] = new(5, 5),
        [SearchCatalogItems] = new(2, 2),
        [GetInventorySummaries] = new(2, 2),
        [CreateFeedDocument] = new(0.5, 15),
        [CreateFeed] = new(0.0083, 15),
        [GetFeed] = new(2, 15),
        [GetFeedDocument] = new(0.0222, 10),
    };
}
