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
                    Item = item.Item with { Availability = new Integrations.Ebay.Dto.EbayAvailability(new Integrations.Ebay.Dto.EbayShipToLocationAvailability(quantity)) },
                }, ct: ct);
            }
        }
    }

    private static async Task<List<EbaySandboxOffer>> PublishedAsync(SandboxStore store, string user, HashSet<string> skus, CancellationToken ct) =>
        [.. (await store.ListAsync<EbaySandboxOffer>(Channel, Offers, ct: ct)).Select(o => o.Document)
            .Where(o => o.Username == user && o.Offer.Status == "PUBLISHED" && skus.Contains(o.Offer.Sku))
            .GroupBy(o => o.Offer.Sku).Select(g => g.First())];
}
