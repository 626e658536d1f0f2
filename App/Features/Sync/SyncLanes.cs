namespace SellerPortal.Features.Sync;

/// <summary>
/// Priority lanes: a lower number is claimed first, so order imports, shipments and stock pushes never wait behind a
/// bulk publish or a price wave (a 1,000-offer bulk submit blocking stock writes for an hour is an oversell factory).
/// </summary>
public static class SyncLanes
{
    public const int Orders = 0;
    public const int Shipments = 10;
    public const int Stock = 20;
    public const int Prices = 50;
    public const int Listings = 100;

    public static int PriorityOf(SyncJobKind kind) => kind switch
    {
        SyncJobKind.ImportOrders or SyncJobKind.RefreshOrder => Orders,
        SyncJobKind.PushShipment => Shipments,
        SyncJobKind.PushStock => Stock,
        SyncJobKind.PushPrice => Prices,
        _ => Listings,
    };

    public static string NameOf(int priority) => priority switch
    {
        <= Orders => "Orders",
        <= Shipments => "Shipments",
        <= Stock => "Stock",
        <= Prices => "Prices",
        _ => "Listings",
    };
}
