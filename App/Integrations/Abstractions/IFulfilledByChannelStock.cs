
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// Stock the channel itself holds and ships (Fulfilled by Amazon): read-only for us. It is never mixed into our on hand
/// or available figures and never pushed; a connector implements this only when its channel keeps such stock.
/// </summary>
public interface IFulfilledByChannelStock
{
    ChannelKind Channel { get; }

    /// <summary>The channel's fulfillable quantity for each of <paramref name="skus"/> it holds; SKUs it does not hold are left out.</summary>
    Task<IReadOnlyList<ChannelFulfilledStock>> GetAsync(ChannelAccountContext account, IReadOnlyList<string> skus, CancellationToken ct);
}

/// <summary>One SKU's stock in the channel's own warehouses: <see cref="Fulfillable"/> can be sold now, <see cref="Total"/> includes inbound and reserved.</summary>
public sealed record ChannelFulfilledStock(string Sku, int Fulfillable, int Total, string? ExternalId = null);
