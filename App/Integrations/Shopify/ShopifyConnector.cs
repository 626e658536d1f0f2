using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify through the GraphQL Admin API 2026-10: one product per master product with its variants as real variants
/// (productSet), stock set at the account's location with inventorySetQuantities' compare-and-set, prices with
/// productVariantsBulkUpdate per product, orders oldest change first, shipping through fulfillment orders.
/// </summary>
public sealed class ShopifyConnector(ShopifyClient client, IOptions<ShopifyOptions> options) : IChannelConnector
{
    /// <summary>Attempts of one inventory push when Shopify says a quantity changed since it was read.</summary>
    public const int StaleAttempts = 3;

    public ChannelKind Channel => ChannelKind.Shopify;

    public ChannelCapabilities Capabilities => new()
    {
        Listings = true,
        Variations = true,
        Inventory = true,
        Prices = true,
        Orders = true,
        Shipping = true,
        Webhooks = true,
        OAuthConnect = true,
        InventoryBatchSize = options.Value.InventoryQuantitiesPerCall,
        // Grouped by product: one productVariantsBulkUpdate per product.
        PriceBatchSize = 250,
        OrdersOldestUpdateFirst = true,
    };

    public async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
    {
        try
        {
            var data = await client.SendAsync<ShopifyTestData>(account, nameof(ShopifyDocuments.TestConnection), ShopifyDocuments.TestConnection, null, 1, ct);
            return new ConnectionTestResult(true, $"Connected to Shopify shop {data.Shop.Name} ({data.Shop.MyshopifyDomain}).", data.Shop.Name);
        }
        catch (ChannelAuthException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }

    public async Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyProductsData>(account, nameof(ShopifyDocuments.Products), ShopifyDocuments.Products,
            new { first = ShopifyDocuments.ProductsPerPage, after = cursor }, 530, ct);
        var page = data.Products;
        return new Page<ChannelListingSnapshot>([.. page.Nodes.Select(ShopifyMapper.ToSnapshot)], page.PageInfo is { HasNextPage: true } p ? p.EndCursor : null);
    }

    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => SetAsync(account, draft, ct);

    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) => SetAsync(account, draft, ct);

    /// <summary>
    /// DRAFT: off the sales channels and out of the storefront, kept with its variants, stock and history so a
    /// publish sets it ACTIVE again; ARCHIVED is Shopify's word for a product no longer sold at all, which the
    /// merchant may still choose in Shopify. Deletion, where asked, is <see cref="DeleteListingAsync"/>.
    /// </summary>
    public async Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyProductUpdateData>(account, nameof(ShopifyDocuments.ProductStatus), ShopifyDocuments.ProductStatus,
            new { product = new ShopifyProductUpdateInput(listing.ExternalId, "DRAFT") }, 10, ct);
        Throw(data.ProductUpdate, "productUpdate");
    }

    public async Task DeleteListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyProductDeleteData>(account, nameof(ShopifyDocuments.ProductDelete), ShopifyDocuments.ProductDelete,
            new { input = new ShopifyIdentifier(listing.ExternalId) }, 10, ct);
        Throw(data.ProductDelete, "productDelete");
    }

    /// <summary>
    /// Reads each SKU's <c>available</c> at the location, then sets the new figure with that reading as
    /// <c>changeFromQuantity</c>; on CHANGE_FROM_QUANTITY_STALE it reads again and retries (bounded). A SKU Shopify
    /// does not know, or not stocked at the location, fails alone.
    /// </summary>
    public async Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct)
    {
        var location = Location(account);
        var results = new Dictionary<string, SkuUpdateResult>(StringComparer.Ordinal);
        // A SKU named twice takes its last figure.
        var pending = items.GroupBy(i => i.Sku, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var variants = await FindAsync(account, pending.Select(p => (p.Sku, p.ExternalSkuId)), location, ct);
            var sendable = new List<(SkuQuantity Item, ShopifyInventoryQuantityInput Input)>();
            foreach (var item in pending)
            {
                if (!variants.TryGetValue(item.Sku, out var variant) || variant.InventoryItem is null)
                {
                    results[item.Sku] = new SkuUpdateResult(item.Sku, false, "unknown_sku", $"Shopify has no variant with SKU {item.Sku}; publish the product again.");
                }
                else if (ShopifyMapper.Available(variant) is not { } available)
                {
                    results[item.Sku] = new SkuUpdateResult(item.Sku, false, "not_stocked", $"SKU {item.Sku} is not stocked at the account's Shopify location.");
                }
                else
                {
                    sendable.Add((item, new ShopifyInventoryQuantityInput(variant.InventoryItem.Id, location, Math.Max(0, item.Quantity), available)));
                }
            }

            pending = [];
            if (sendable.Count == 0)
            {
                break;
            }

            var input = new ShopifyInventorySetQuantitiesInput("available", "correction",
                $"gid://seller-portal/StockPush/{account.AccountId}-{Guid.NewGuid():N}", [.. sendable.Select(s => s.Input)]);
            var payload = (await client.SendAsync<ShopifyInventorySetData>(account, nameof(ShopifyDocuments.InventorySet), ShopifyDocuments.InventorySet,
                new { input }, 10, ct)).InventorySetQuantities;
            var errors = payload?.UserErrors ?? [];
            if (errors.Count == 0)
            {
                foreach (var s in sendable)
                {
                    results[s.Item.Sku] = SkuUpdateResult.Ok(s.Item.Sku);
                }

                break;
            }

            // The call is all or nothing: SKUs a userError names fail (or, stale, are read again); the rest go again.
            var named = new HashSet<int>();
            foreach (var error in errors)
            {
                if (ShopifyErrors.IndexAfter(error, "quantities") is { } index && index < sendable.Count)
                {
                    named.Add(index);
                    var sku = sendable[index].Item.Sku;
                    if (error.Code == "CHANGE_FROM_QUANTITY_STALE" && attempt < StaleAttempts)
                    {
                        continue;
                    }

                    // Stale on the last attempt: sales kept moving the figure; the job goes again later, re-reading it.
                    results[sku] = new SkuUpdateResult(sku, false, error.Code ?? "user_error", ShopifyErrors.Describe(error),
                        Retryable: error.Code == "CHANGE_FROM_QUANTITY_STALE");
                }
            }

            if (named.Count == 0)
            {
                var message = string.Join("; ", errors.Select(ShopifyErrors.Describe));
                foreach (var s in sendable)
                {
                    results[s.Item.Sku] = new SkuUpdateResult(s.Item.Sku, false, errors[0].Code ?? "user_error", message);
                }

                break;
            }

            pending = attempt < StaleAttempts ? [.. sendable.Select(s => s.Item).Where(i => !results.ContainsKey(i.Sku))] : [];
            foreach (var left in sendable.Where(s => !results.ContainsKey(s.Item.Sku) && !pending.Contains(s.Item)))
            {
                results[left.Item.Sku] = new SkuUpdateResult(left.Item.Sku, false, "CHANGE_FROM_QUANTITY_STALE",
                    "The quantity kept changing in Shopify while the push compared it; it goes again.", Retryable: true);
            }
        }

        return [.. results.Values];
    }

    /// <summary>Grouped by product, one productVariantsBulkUpdate each; a userError fails the SKU it names.</summary>
    public async Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct)
    {
        var results = new List<SkuUpdateResult>(items.Count);
        var latest = items.GroupBy(i => i.Sku, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var unknown = latest.Where(i => i.ExternalId is null || i.ExternalSkuId is null).ToList();
        var resolved = latest.Except(unknown).Select(i => (Item: i, Product: i.ExternalId!, Variant: i.ExternalSkuId!)).ToList();
        if (unknown.Count > 0)
        {
            var found = await FindAsync(account, unknown.Select(u => (u.Sku, u.ExternalSkuId)), locationId: null, ct);
            foreach (var item in unknown)
            {
                if (found.TryGetValue(item.Sku, out var v) && v.Product is not null)
                {
                    resolved.Add((item, v.Product.Id, v.Id));
                }
                else
                {
                    results.Add(new SkuUpdateResult(item.Sku, false, "unknown_sku", $"Shopify has no variant with SKU {item.Sku}; publish the product again."));
                }
            }
        }

        foreach (var product in resolved.GroupBy(r => r.Product, StringComparer.Ordinal))
        {
            var group = product.ToList();
            var payload = (await client.SendAsync<ShopifyVariantsBulkUpdateData>(account, nameof(ShopifyDocuments.VariantPrices), ShopifyDocuments.VariantPrices,
                new { productId = product.Key, variants = group.Select(g => new ShopifyVariantPriceInput(g.Variant, ShopifyMapper.Money(g.Item.Price.Amount))).ToList() },
                ShopifyRateLimits.PriceUpdateCost, ct)).ProductVariantsBulkUpdate;
            var errors = payload?.UserErrors ?? [];
            var byIndex = errors.Where(e => ShopifyErrors.IndexAfter(e, "variants") is not null).ToLookup(e => ShopifyErrors.IndexAfter(e, "variants")!.Value);
            var general = errors.Where(e => ShopifyErrors.IndexAfter(e, "variants") is null).ToList();
            results.AddRange(group.Select((g, i) =>
                byIndex[i].FirstOrDefault() is { } error ? new SkuUpdateResult(g.Item.Sku, false, error.Code ?? "user_error", ShopifyErrors.Describe(error))
                : general.Count > 0 ? new SkuUpdateResult(g.Item.Sku, false, general[0].Code ?? "user_error", string.Join("; ", general.Select(ShopifyErrors.Describe)))
                : SkuUpdateResult.Ok(g.Item.Sku)));
        }

        return results;
    }

    public async Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyOrdersData>(account, nameof(ShopifyDocuments.Orders), ShopifyDocuments.Orders, new
        {
            first = Math.Clamp(query.PageSize, 1, ShopifyDocuments.OrdersPerPage),
            after = query.Cursor,
            query = ShopifyMapper.UpdatedQuery(query.UpdatedSinceUtc, query.UpdatedUntilUtc),
        }, ShopifyRateLimits.OrdersPageCost, ct);
        var page = data.Orders;
        return new Page<ChannelOrder>([.. page.Nodes.Select(ShopifyMapper.ToOrder)], page.PageInfo is { HasNextPage: true } p ? p.EndCursor : null);
    }

    public async Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyOrderData>(account, nameof(ShopifyDocuments.Order), ShopifyDocuments.Order, new { id = OrderGid(externalOrderId) }, 80, ct);
        return data.Order is { } order ? ShopifyMapper.ToOrder(order) : null;
    }

    /// <summary>
    /// The order's open fulfillment orders and what remains on their lines; the lines the shipment names (all when it
    /// names none) in one fulfillmentCreate with the tracking, the customer not notified by Shopify (the portal does).
    /// </summary>
    public async Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct)
    {
        var data = await client.SendAsync<ShopifyFulfillmentOrdersData>(account, nameof(ShopifyDocuments.FulfillmentOrders), ShopifyDocuments.FulfillmentOrders,
            new { id = OrderGid(shipment.ExternalOrderId) }, 540, ct);
        var order = data.Order ?? throw new ChannelNotFoundException(ChannelKind.Shopify, $"Shopify does not know order {shipment.ExternalOrderId}.");
        var lines = shipment.ExternalLineIds is { Count: > 0 } named ? named.ToHashSet(StringComparer.Ordinal) : null;
        var groups = ShopifyFulfillments.Select(order.FulfillmentOrders.Nodes, lines);
        if (groups.Count == 0)
        {
            throw new ChannelValidationException(ChannelKind.Shopify,
                $"Shopify order {shipment.ExternalOrderId} has nothing left to ship{(lines is null ? "" : " on the lines named")}.", []);
        }

        var fulfillment = new ShopifyFulfillmentInput(groups,
            new ShopifyFulfillmentTrackingInput(ShopifyFulfillments.Company(shipment.Carrier), shipment.TrackingNumber,
                ShopifyFulfillments.TrackingUrl(shipment.Carrier, shipment.TrackingNumber)),
            NotifyCustomer: false);
        var payload = (await client.SendAsync<ShopifyFulfillmentCreateData>(account, nameof(ShopifyDocuments.FulfillmentCreate), ShopifyDocuments.FulfillmentCreate,
            new { fulfillment }, 10, ct, retrySafe: false)).FulfillmentCreate;
        Throw(payload, "fulfillmentCreate");
    }

    private async Task<ListingResult> SetAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        var input = ShopifyMapper.ToProductSet(draft, Location(account), new Dictionary<string, string>());
        var data = await client.SendAsync<ShopifyProductSetData>(account, nameof(ShopifyDocuments.ProductSet), ShopifyDocuments.ProductSet,
            new { identifier = draft.ExternalId is { } id ? new ShopifyProductSetIdentifier(Id: id) : new ShopifyProductSetIdentifier(Handle: input.Handle), input }, 10, ct,
            // An update names the product and a create upserts on its handle, so a repeat sets the same product.
            retrySafe: true);
        var payload = data.ProductSet;
        Throw(payload, "productSet");
        var product = payload!.Product ?? throw new ChannelServerException(ChannelKind.Shopify, "Shopify's productSet answered without the product.");
        var skus = (product.Variants?.Nodes ?? []).Where(v => !string.IsNullOrEmpty(v.Sku))
            .GroupBy(v => v.Sku!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        return new ListingResult(product.Id, product.OnlineStoreUrl, skus, product.Status);
    }

    /// <summary>The variants of these SKUs, in lookups of <see cref="ShopifyDocuments.VariantsPerLookup"/>; the known variant id wins over a namesake.</summary>
    private async Task<Dictionary<string, ShopifyVariant>> FindAsync(ChannelAccountContext account, IEnumerable<(string Sku, string? VariantId)> skus,
        string? locationId, CancellationToken ct)
    {
        var wanted = skus.ToList();
        var found = new Dictionary<string, ShopifyVariant>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(ShopifyDocuments.VariantsPerLookup))
        {
            var data = await client.SendAsync<ShopifyVariantsData>(account, nameof(ShopifyDocuments.VariantsBySku), ShopifyDocuments.VariantsBySku, new
            {
                first = ShopifyDocuments.VariantsPerLookup,
                query = ShopifyMapper.SkuQuery(chunk.Select(c => c.Sku)),
                locationId = locationId ?? Location(account),
            }, 5 * chunk.Length + 2, ct);
            foreach (var (sku, variantId) in chunk)
            {
                var matches = data.ProductVariants.Nodes.Where(v => string.Equals(v.Sku, sku, StringComparison.Ordinal)).ToList();
                if ((matches.FirstOrDefault(v => v.Id == variantId) ?? matches.FirstOrDefault()) is { } match)
                {
                    found[sku] = match;
                }
            }
        }

        return found;
    }

    private static void Throw(ShopifyPayload? payload, string operation)
    {
        if (payload is null)
        {
            throw new ChannelServerException(ChannelKind.Shopify, $"Shopify's {operation} answered without its payload.");
        }

        if (payload.UserErrors.Count > 0)
        {
            throw ShopifyErrors.FromUserErrors(payload.UserErrors, operation);
        }
    }

    private static string Location(ChannelAccountContext account) =>
        account.Property(ShopifyAuthorization.LocationProperty)
        ?? throw new ChannelValidationException(ChannelKind.Shopify, "The Shopify account has no stock location; connect the shop again.", []);

    private static string OrderGid(string id) => id.StartsWith("gid://", StringComparison.Ordinal) ? id : $"gid://shopify/Order/{id}";
}
