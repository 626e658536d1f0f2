using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Ebay.EbaySandboxCollections;

namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// A published offer's available quantity as the order generator and the cancellations move it: eBay takes the units
/// off the listing (the offer's availableQuantity, and the inventory item's ship-to-location quantity) when a buyer
/// commits to buy and puts them back when the order is cancelled. A SKU without a published offer has no count.
/// Callers hold <see cref="SandboxStore.SerializedAsync{T}"/> for the channel.
/// </summary>
internal static class EbaySandboxStock
{
    public static async Task<SandboxStock> LoadAsync(SandboxStore store, string user, IEnumerable<string> skus, CancellationToken ct)
    {
        var wanted = skus.ToHashSet(StringComparer.Ordinal);
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var offer in await PublishedAsync(store, user, wanted, ct))
        {
            var item = await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(user, offer.Offer.Sku), ct);
            shown[offer.Offer.Sku] = offer.Offer.AvailableQuantity ?? item?.Item.Availability?.ShipToLocationAvailability?.Quantity ?? 0;
        }

        return new SandboxStock(shown);
    }

    public static async Task SaveAsync(SandboxStore store, string user, SandboxStock stock, CancellationToken ct)
    {
        var changed = stock.Changed.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var offer in await PublishedAsync(store, user, changed.Keys.ToHashSet(StringComparer.Ordinal), ct))
        {
            var quantity = changed[offer.Offer.Sku];
            await store.PutAsync(Channel, Offers, offer.Offer.OfferId!, offer with { Offer = offer.Offer with { AvailableQuantity = quantity } }, ct: ct);
            if (await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(user, offer.Offer.Sku), ct) is { } item)
            {
                await store.PutAsync(Channel, Items, ItemKey(user, offer.Offer.Sku), item with
                {
                    Item = item.Item with { Availability = new EbayWireAvailability(new EbayWireShipToLocationAvailability(quantity)) },
                }, ct: ct);
            }
        }
    }

    /// <summary>The published offer's available quantity for the SKU, or null when no offer of it is published.</summary>
    public static async Task<int?> ListedAsync(SandboxStore store, string user, string sku, CancellationToken ct)
    {
        var offer = (await PublishedAsync(store, user, [sku], ct)).FirstOrDefault();
        if (offer is null)
        {
            return null;
        }

        var item = await store.GetAsync<EbaySandboxItem>(Channel, Items, ItemKey(user, sku), ct);
        return offer.Offer.AvailableQuantity ?? item?.Item.Availability?.ShipToLocationAvailability?.Quantity ?? 0;
    }

    /// <summary>Sets what buyers see, as a change in Seller Hub would: false when no offer of the SKU is published.</summary>
    public static async Task<bool> SetListedAsync(SandboxStore store, string user, string sku, int quantity, CancellationToken ct)
    {
        if ((await PublishedAsync(store, user, [sku], ct)).Count == 0)
        {
            return false;
        }

        var stock = new SandboxStock(new Dictionary<string, int>(StringComparer.Ordinal) { [sku] = 0 });
        stock.Give([(sku, quantity)]);
        await SaveAsync(store, user, stock, ct);
        return true;
    }

    private static async Task<List<EbaySandboxOffer>> PublishedAsync(SandboxStore store, string user, IReadOnlyCollection<string> skus, CancellationToken ct) =>
        [.. (await store.ListAsync<EbaySandboxOffer>(Channel, Offers, ct: ct)).Select(o => o.Document)
            .Where(o => o.Username == user && o.Offer.Status == "PUBLISHED" && skus.Contains(o.Offer.Sku))
            .GroupBy(o => o.Offer.Sku).Select(g => g.First())];
}
