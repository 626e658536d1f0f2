using System.Text.Json;
using System.Text.Json.Nodes;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// A merchant-fulfilled listing's quantity (<c>fulfillment_availability[0].quantity</c>) as the order generator and the
/// cancellations move it: Amazon takes the units off when a buyer orders and puts them back when the order is
/// cancelled. A SKU with no listing, or a listing without a quantity, has no count (<see cref="SandboxStock"/>).
/// Callers hold <see cref="SandboxStore.SerializedAsync{T}"/> for the channel.
/// </summary>
internal static class AmazonSandboxStock
{
    public static async Task<SandboxStock> LoadAsync(SandboxStore store, string sellerId, IEnumerable<string> skus, CancellationToken ct)
    {
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sku in skus.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetAsync<SandboxListing>(Channel, Listings, AmazonSandboxListings.Key(sellerId, sku), ct) is { } listing
                && AmazonSandboxListings.Quantity(listing.Attributes) is { } quantity)
            {
                shown[sku] = quantity;
            }
        }

        return new SandboxStock(shown);
    }

    public static async Task SaveAsync(SandboxStore store, string sellerId, SandboxStock stock, CancellationToken ct)
    {
        foreach (var (sku, quantity) in stock.Changed)
        {
            var key = AmazonSandboxListings.Key(sellerId, sku);
            if (await store.GetAsync<SandboxListing>(Channel, Listings, key, ct) is not { } listing
                || !listing.Attributes.TryGetValue("fulfillment_availability", out var availability))
            {
                continue;
            }

            var node = JsonNode.Parse(availability.GetRawText())!.AsArray();
            node[0]!["quantity"] = quantity;
            var attributes = new Dictionary<string, JsonElement>(listing.Attributes) { ["fulfillment_availability"] = JsonSerializer.SerializeToElement(node) };
            await store.PutAsync(Channel, Listings, key, listing with { Attributes = attributes }, ct: ct);
        }
    }
}
