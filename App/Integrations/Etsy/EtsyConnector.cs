using System.Globalization;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Etsy.Dto;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// Etsy through Open API v3: one listing per product with its variants as the inventory's products (a draft, its
/// inventory, its pictures uploaded, then active); stock and prices by reading the listing's inventory and writing it back whole with the
/// SKUs changed, one listing at a time; orders are receipts read by last-modified time; tracking through
/// createReceiptShipment. Etsy sends no order webhooks.
/// </summary>
public sealed class EtsyConnector(EtsyClient client, ChannelImageSource images) : IChannelConnector
{
    /// <summary>Etsy keeps at most ten pictures a listing.</summary>
    public const int MaxImages = 10;

    /// <summary>Our cap on one picture read from the merchant's host: Etsy's upload limit.</summary>
    public const int MaxImageBytes = 20 * 1024 * 1024;

    public const string TaxonomyField = "taxonomy_id";
    public const string ShippingProfileField = "shipping_profile_id";
    public const string WhoMadeField = "who_made";
    public const string WhenMadeField = "when_made";
    public const string ReturnPolicyField = "return_policy_id";

    public ChannelKind Channel => ChannelKind.Etsy;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        Listings = true,
        Variations = true,
        Inventory = true,
        Prices = true,
        Orders = true,
        Shipping = true,
        OAuthConnect = true,
        // SKUs of one push: grouped by listing, each listing's inventory read and written once.
        InventoryBatchSize = 50,
        PriceBatchSize = 50,
        // createDraftListing needs a taxonomy_id: mapped from the master category before any call.
        RequiresCategory = true,
        OrdersOldestUpdateFirst = true,
    };

    public async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
    {
        try
        {
            var me = await client.GetMeAsync(account, ct);
            return new ConnectionTestResult(true, $"Connected to Etsy shop {me.ShopId}.", account.ShopId);
        }
        catch (ChannelAuthException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }

    /// <summary>The shop's active listings, a page of 100 (cursor = offset), each with its inventory for the SKUs.</summary>
    public async Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        var offset = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var page = await client.GetListingsByShopAsync(account, "active", EtsyClient.PageLimit, offset, ct);
        var snapshots = new List<ChannelListingSnapshot>(page.Results.Count);
        foreach (var listing in page.Results)
        {
            snapshots.Add(EtsyMapper.ToSnapshot(listing, await client.GetListingInventoryAsync(account, listing.ListingId, ct)));
        }

        return new Page<ChannelListingSnapshot>(snapshots, NextOffset(offset, page.Results.Count, page.Count));
    }

    /// <summary>A draft with the required fields, its inventory (a product per variant), then active.</summary>
    public async Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        EtsyAccountSettings.RequireListingSettings(draft, account);
        if (draft.ImageUrls.Count == 0)
        {
            // Etsy keeps a listing without a picture as a draft: refuse before making one.
            throw new ChannelValidationException(ChannelKind.Etsy, "Etsy needs at least one product image before a listing can go on sale: add one to the product.",
                [new ChannelFieldError("ImageUrls", "No image.")], httpStatus: null);
        }

        var created = await client.CreateDraftListingAsync(account, new Dictionary<string, string>
        {
            ["quantity"] = Math.Max(1, draft.Variants.Sum(v => v.Quantity)).ToString(CultureInfo.InvariantCulture),
            ["title"] = draft.Title,
            ["description"] = string.IsNullOrWhiteSpace(draft.Description) ? draft.Title : draft.Description,
            ["price"] = draft.Variants.Min(v => v.Price.Amount).ToString("0.00", CultureInfo.InvariantCulture),
            [WhoMadeField] = Field(draft, account, WhoMadeField) ?? "i_did",
            [WhenMadeField] = Field(draft, account, WhenMadeField) ?? "made_to_order",
            [TaxonomyField] = Field(draft, account, TaxonomyField) ?? draft.CategoryId
                ?? throw new ChannelValidationException(ChannelKind.Etsy, "Etsy needs a taxonomy id: map the product's category to one.", []),
            [ShippingProfileField] = Field(draft, account, ShippingProfileField)!,
            [ReturnPolicyField] = Field(draft, account, ReturnPolicyField)!,
        }, ct);
        return await WriteAsync(account, created.ListingId, draft, ct);
    }

    /// <summary>Title and description, then the inventory written whole from the draft, then active.</summary>
    public async Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        if (draft.ExternalId is null)
        {
            return await CreateListingAsync(account, draft, ct);
        }

        var id = long.Parse(draft.ExternalId, CultureInfo.InvariantCulture);
        await client.UpdateListingAsync(account, id, new Dictionary<string, string>
        {
            ["title"] = draft.Title,
            ["description"] = string.IsNullOrWhiteSpace(draft.Description) ? draft.Title : draft.Description,
        }, ct);
        return await WriteAsync(account, id, draft, ct);
    }

    /// <summary>Inactive: off sale, kept for relisting.</summary>
    public async Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) =>
        await client.UpdateListingAsync(account, long.Parse(listing.ExternalId, CultureInfo.InvariantCulture),
            new Dictionary<string, string> { ["state"] = "inactive" }, ct);

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) =>
        ChangeAsync(account, [.. items.Select(i => (i.Sku, ListingOf(i.ExternalId, i.ExternalSkuId), (int?)i.Quantity, (decimal?)null))], ct);

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) =>
        ChangeAsync(account, [.. items.Select(i => (i.Sku, ListingOf(i.ExternalId, i.ExternalSkuId), (int?)null, (decimal?)i.Price.Amount))], ct);

    /// <summary>Receipts changed in the window, oldest change first (sort_on=updated), 100 a page (cursor = offset).</summary>
    public async Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        var offset = query.Cursor is null ? 0 : int.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var since = new DateTimeOffset(DateTime.SpecifyKind(query.UpdatedSinceUtc, DateTimeKind.Utc)).ToUnixTimeSeconds();
        long? until = query.UpdatedUntilUtc is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)).ToUnixTimeSeconds() : null;
        var page = await client.GetShopReceiptsAsync(account, since, until, Math.Min(query.PageSize, EtsyClient.PageLimit), offset, ct);
        return new Page<ChannelOrder>([.. page.Results.Select(EtsyMapper.ToOrder)], NextOffset(offset, page.Results.Count, page.Count));
    }

    public async Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) =>
        await client.GetShopReceiptAsync(account, externalOrderId, ct) is { } receipt ? EtsyMapper.ToOrder(receipt) : null;

    /// <summary>Etsy ships a whole receipt: its carrier (Etsy's carrier names are lower case) and tracking code.</summary>
    public Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct) =>
        client.CreateReceiptShipmentAsync(account, shipment.ExternalOrderId, shipment.Carrier.Trim().ToLowerInvariant(), shipment.TrackingNumber, ct);

    private async Task<ListingResult> WriteAsync(ChannelAccountContext account, long listingId, ListingDraft draft, CancellationToken ct)
    {
        await client.UpdateListingInventoryAsync(account, listingId, EtsyMapper.ToInventory(draft), ct);
        await UploadImagesAsync(account, listingId, draft, ct);
        var listing = await client.UpdateListingAsync(account, listingId, new Dictionary<string, string> { ["state"] = "active" }, ct);
        var id = listingId.ToString(CultureInfo.InvariantCulture);
        // Each SKU's external id is its listing: stock and price pushes find the inventory to rewrite by it.
        return new ListingResult(id, listing.Url, draft.Variants.ToDictionary(v => v.Sku, _ => id, StringComparer.Ordinal), listing.State);
    }

    /// <summary>
    /// The product's pictures, in order, on a listing that has none yet (a new draft, or one whose upload failed part
    /// way). A listing that already has pictures keeps them: Etsy's are edited in Shop Manager.
    /// </summary>
    private async Task UploadImagesAsync(ChannelAccountContext account, long listingId, ListingDraft draft, CancellationToken ct)
    {
        var held = await client.GetListingImagesAsync(account, listingId, ct);
        if (held.Count > 0)
        {
            return;
        }

        foreach (var (url, rank) in draft.ImageUrls.Take(MaxImages).Select((url, i) => (url, i + 1)))
        {
            await client.UploadListingImageAsync(account, listingId, await images.ReadAsync(ChannelKind.Etsy, url, MaxImageBytes, ct), rank, ct);
        }
    }

    /// <summary>One read and one whole write per listing, with the SKUs' new figures; a SKU the listing lacks fails alone.</summary>
    private async Task<IReadOnlyList<SkuUpdateResult>> ChangeAsync(ChannelAccountContext account,
        IReadOnlyList<(string Sku, long? Listing, int? Quantity, decimal? Price)> changes, CancellationToken ct)
    {
        var results = new List<SkuUpdateResult>(changes.Count);
        results.AddRange(changes.Where(c => c.Listing is null).Select(c => new SkuUpdateResult(c.Sku, false, "unknown_listing", "The SKU's Etsy listing is not known; publish it again.")));
        foreach (var group in changes.Where(c => c.Listing is not null).GroupBy(c => c.Listing!.Value))
        {
            var inventory = await client.GetListingInventoryAsync(account, group.Key, ct);
            var skus = inventory.Products.Where(p => !p.IsDeleted).Select(p => p.Sku).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var present = group.Where(c => skus.Contains(c.Sku)).ToList();
            results.AddRange(group.Where(c => !skus.Contains(c.Sku)).Select(c => new SkuUpdateResult(c.Sku, false, "not_in_listing", $"Etsy listing {group.Key} has no SKU {c.Sku}.")));
            if (present.Count == 0)
            {
                continue;
            }

            // A SKU named twice in one push takes its last figure.
            var update = EtsyMapper.WithChanges(inventory,
                present.Where(c => c.Quantity is not null).GroupBy(c => c.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Quantity!.Value, StringComparer.Ordinal),
                present.Where(c => c.Price is not null).GroupBy(c => c.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Price!.Value, StringComparer.Ordinal));
            await client.UpdateListingInventoryAsync(account, group.Key, update, ct);
            results.AddRange(present.Select(c => SkuUpdateResult.Ok(c.Sku)));
        }

        return results;
    }

    /// <summary>Etsy pages by offset with the total in <c>count</c>: the next page's offset while results remain.</summary>
    private static string? NextOffset(int offset, int returned, int total) =>
        returned > 0 && offset + returned < total ? (offset + returned).ToString(CultureInfo.InvariantCulture) : null;

    private static long? ListingOf(string? externalId, string? externalSkuId) =>
        long.TryParse(externalId ?? externalSkuId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    internal static string? Field(ListingDraft draft, ChannelAccountContext account, string key) =>
        draft.ChannelFields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : account.Property(key);
}
