using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// eBay through the Sell APIs: an inventory item, a fixed-price GTC offer and a publish per SKU; price and quantity
/// through bulk_update_price_quantity in batches of 25; orders from the Fulfillment API by last-modified date.
/// </summary>
public sealed class EbayConnector(EbayClient client, IOptions<EbayOptions> options, TimeProvider time) : IChannelConnector
{
    private const int ListingsPageSize = 100;

    public ChannelKind Channel => ChannelKind.Ebay;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        Listings = true,
        // Inventory item groups are not built yet: a product with several variants becomes one listing per variant.
        Variations = false,
        Inventory = true,
        Prices = true,
        Orders = true,
        Shipping = true,
        // Only the marketplace account deletion notification, which every app must take.
        Webhooks = true,
        OAuthConnect = true,
        InventoryBatchSize = EbayClient.BulkPriceQuantityLimit,
        PriceBatchSize = EbayClient.BulkPriceQuantityLimit,
        // eBay's listing title limit.
        // An offer needs a leaf categoryId (ebay.md, createOffer): mapped from the master category before any call.
        RequiresCategory = true,
    };

    public async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
    {
        try
        {
            var page = await client.GetInventoryItemsAsync(account, 1, 0, ct);
            return new ConnectionTestResult(true, $"Connected; {page.Total} inventory items.", account.ShopId);
        }
        catch (ChannelAuthException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }

    /// <summary>A page of inventory items (cursor = offset) with each SKU's offer for price, quantity and listing id.</summary>
    public async Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        var offset = cursor is null ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.GetInventoryItemsAsync(account, ListingsPageSize, offset, ct);
        var snapshots = new List<ChannelListingSnapshot>(page.InventoryItems.Count);
        foreach (var item in page.InventoryItems)
        {
            snapshots.Add(EbayMapper.ToSnapshot(item, item.Sku is null ? [] : await client.GetOffersAsync(account, item.Sku, ct)));
        }

        var next = page.Next is null ? null : (offset + page.InventoryItems.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Page<ChannelListingSnapshot>(snapshots, next);
    }

    /// <summary>
    /// Without inventory item groups, each variant is its own eBay listing (inventory item, offer, publish per SKU). The
    /// result names the first variant's listing and every SKU's offer id. Retries are safe: an existing offer for the SKU
    /// is updated, not duplicated.
    /// </summary>
    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) =>
        ListEachVariantAsync(account, draft, ct);

    /// <summary>Replaces each SKU's item and offer; a published offer's listing is revised by the offer update.</summary>
    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) =>
        ListEachVariantAsync(account, draft, ct);

    /// <summary>Withdraws each SKU's published offer: the listing ends, the inventory item and offer stay for relisting.</summary>
    public async Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct)
    {
        foreach (var sku in listing.Skus)
        {
            foreach (var offer in await client.GetOffersAsync(account, sku, ct))
            {
                if (offer.OfferId is { } id && offer.Status == "PUBLISHED")
                {
                    await client.WithdrawOfferAsync(account, id, ct);
                }
            }
        }
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) =>
        UpdateOffersAsync(account, items.Select(i => new EbayOfferUpdate(i.Sku, null, i.Quantity, i.ExternalSkuId)).ToList(), ct);

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) =>
        UpdateOffersAsync(account, items.Select(i => new EbayOfferUpdate(i.Sku, i.Price, null, i.ExternalSkuId)).ToList(), ct);

    /// <summary>
    /// Price and/or quantity in bulk_update_price_quantity calls of at most 25 SKUs; a 207 answer gives each SKU its
    /// own outcome. A SKU without a known offer id is looked up first (one getOffers call each).
    /// </summary>
    public async Task<IReadOnlyList<SkuUpdateResult>> UpdateOffersAsync(ChannelAccountContext account, IReadOnlyList<EbayOfferUpdate> updates, CancellationToken ct)
    {
        var results = new List<SkuUpdateResult>(updates.Count);
        var resolved = new List<EbayOfferUpdate>(updates.Count);
        foreach (var update in updates)
        {
            if (update.OfferId is not null)
            {
                resolved.Add(update);
                continue;
            }

            var offer = (await client.GetOffersAsync(account, update.Sku, ct)).FirstOrDefault(o => o.OfferId is not null);
            if (offer is null && update.Price is not null)
            {
                results.Add(new SkuUpdateResult(update.Sku, false, "NO_OFFER", "The SKU has no eBay offer to carry a price."));
                continue;
            }

            resolved.Add(update with { OfferId = offer?.OfferId });
        }

        foreach (var batch in resolved.Chunk(EbayClient.BulkPriceQuantityLimit))
        {
            var responses = await client.BulkUpdatePriceQuantityAsync(account, batch.Select(EbayMapper.ToPriceQuantity).ToList(), ct);
            foreach (var update in batch)
            {
                var answers = responses.Where(r => r.Sku == update.Sku).ToList();
                var failed = answers.FirstOrDefault(r => r.StatusCode is < 200 or >= 300 || r.Errors is { Count: > 0 });
                results.Add(failed is not null
                    ? EbayMapper.ToSkuResult(failed, update.Sku)
                    : answers.Count > 0
                        ? SkuUpdateResult.Ok(update.Sku)
                        : new SkuUpdateResult(update.Sku, false, "NO_RESPONSE", "eBay answered nothing for this SKU."));
            }
        }

        return results;
    }

    /// <summary>Cursor = offset into the filtered result; the caller passes the same watermark with each page.</summary>
    /// <summary>
    /// eBay pages getOrders by offset, and an order modified again while we page leaves the window, moving every later
    /// order one place up: read front to back, the order that moves onto the page just read is skipped. So the window
    /// is read from its last page back to its first (a one-order call first learns the total): a move then only
    /// brings an order already read into the next page, a duplicate the import ignores, never a skip.
    /// </summary>
    public async Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        var limit = Math.Clamp(query.PageSize, 1, EbayClient.OrdersPageLimit);
        int offset;
        if (query.Cursor is null)
        {
            var probe = await client.GetOrdersAsync(account, query.UpdatedSinceUtc, query.UpdatedUntilUtc, 1, 0, ct);
            if (probe.Total <= 1)
            {
                return new Page<ChannelOrder>([.. probe.Orders.Select(EbayMapper.ToChannelOrder)], null);
            }

            offset = (probe.Total - 1) / limit * limit;
        }
        else
        {
            offset = int.Parse(query.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        }

        var page = await client.GetOrdersAsync(account, query.UpdatedSinceUtc, query.UpdatedUntilUtc, limit, offset, ct);
        var next = offset > 0 ? Math.Max(0, offset - limit).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new Page<ChannelOrder>([.. page.Orders.Select(EbayMapper.ToChannelOrder)], next);
    }

    public async Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct) =>
        await client.GetOrderAsync(account, externalOrderId, ct) is { } order ? EbayMapper.ToChannelOrder(order) : null;

    /// <summary>Lists the real line items and quantities; eBay does not take "all" (ebay.md).</summary>
    public async Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct)
    {
        var order = await client.GetOrderAsync(account, shipment.ExternalOrderId, ct)
            ?? throw new ChannelNotFoundException(ChannelKind.Ebay, $"eBay has no order {shipment.ExternalOrderId}.");
        var lines = order.LineItems
            .Where(l => shipment.ExternalLineIds is null || shipment.ExternalLineIds.Contains(l.LineItemId))
            .Select(l => new EbayLineItemReference(l.LineItemId, l.Quantity))
            .ToList();
        if (lines.Count == 0)
        {
            throw new ChannelValidationException(ChannelKind.Ebay, "No line of this eBay order matches the shipment.",
                [new ChannelFieldError("lineItems", "No matching line items.")]);
        }

        await client.CreateShippingFulfillmentAsync(account, shipment.ExternalOrderId, new EbayShippingFulfillmentRequest
        {
            LineItems = lines,
            ShippedDate = EbayClient.Iso(shipment.ShippedUtc ?? time.GetUtcNow().UtcDateTime),
            ShippingCarrierCode = shipment.Carrier,
            TrackingNumber = shipment.TrackingNumber,
        }, ct);
    }

    private async Task<ListingResult> ListEachVariantAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        if (draft.Variants.Count == 0)
        {
            throw new ChannelValidationException(ChannelKind.Ebay, "An eBay listing needs at least one SKU.", [new ChannelFieldError("variants", "No SKU given.")]);
        }

        // publishOffer needs a merchantLocationKey and the three business policies
        // (https://developer.ebay.com/api-docs/sell/inventory/resources/offer/methods/publishOffer): refused here,
        // before any call, with what to set, rather than after an item and an offer were written.
        EbayAccountSettings.RequireListingSettings(draft, account);
        // The condition and the listing duration are checked the same way (both throw with a sentence).
        foreach (var variant in draft.Variants)
        {
            _ = EbayMapper.ToInventoryItem(draft, variant);
            _ = EbayMapper.ToOffer(draft, variant, client.MarketplaceId(account), account.Property);
        }

        string? firstListing = null;
        var offers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variant in draft.Variants)
        {
            var (listingId, offerId) = await ListVariantAsync(account, draft, variant, ct);
            firstListing ??= listingId;
            offers[variant.Sku] = offerId;
        }

        return new ListingResult(firstListing!, options.Value.SiteUrl + firstListing, offers, "PUBLISHED");
    }

    private async Task<(string ListingId, string OfferId)> ListVariantAsync(ChannelAccountContext account, ListingDraft draft, ListingVariantDraft variant, CancellationToken ct)
    {
        await client.PutInventoryItemAsync(account, variant.Sku, EbayMapper.ToInventoryItem(draft, variant), ct);
        var offer = EbayMapper.ToOffer(draft, variant, client.MarketplaceId(account), account.Property);
        var existing = (await client.GetOffersAsync(account, variant.Sku, ct)).FirstOrDefault(o => o.MarketplaceId == offer.MarketplaceId);
        if (existing?.OfferId is { } offerId)
        {
            // An update, or a retried create after a lost answer: reuse the SKU's offer instead of failing on a duplicate.
            await client.UpdateOfferAsync(account, offerId, offer, ct);
            if (existing.Status == "PUBLISHED" && existing.Listing?.ListingId is { } live)
            {
                return (live, offerId);
            }
        }
        else
        {
            offerId = await client.CreateOfferAsync(account, offer, ct);
        }

        return (await client.PublishOfferAsync(account, offerId, ct), offerId);
    }
}
