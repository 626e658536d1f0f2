namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// The least time a marketplace's published limits allow for the work the benches measure, stated by the marketplace's
/// own descriptor, so every bench prints its figures against the floor without naming a marketplace. The defaults are
/// for a channel that publishes no per-second limit: no wait, one call per item.
/// </summary>
public sealed record ChannelLimitFloors
{
    /// <summary>Seconds the published limits need to read this many pages of orders (after any burst).</summary>
    public Func<int, double> OrderPages { get; init; } = _ => 0;

    /// <summary>The fewest calls a price update of this many one-SKU products takes, and the seconds the published limits need for them.</summary>
    public Func<int, ChannelWorkFloor> PriceUpdates { get; init; } = products => new(products, 0, "one call per product, no published rate");

    /// <summary>The longest a client may have to wait between two calls of one operation (Amazon's searchOrders: 180 s after its burst).</summary>
    public TimeSpan LongestRefill { get; init; }
}

/// <param name="Calls">The fewest calls the channel's endpoints allow for the work.</param>
/// <param name="Seconds">The time its published limits need for those calls.</param>
/// <param name="Rule">How the floor is reckoned, in a few words for the bench's table.</param>
public sealed record ChannelWorkFloor(int Calls, double Seconds, string Rule);
