using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>TikTok Shop in the merchant's words, over <see cref="TikTokShopClient"/>.</summary>
public sealed class TikTokShopConnector(TikTokShopClient client, TikTokShopImages images) : IChannelConnector
{
    /// <summary>Account property naming the warehouse the portal's stock goes to (<see cref="TikTokShopAccountSettings"/>); else the shop's default sales warehouse.</summary>
    public const string WarehouseProperty = TikTokShopAccountSettings.Warehouse;

    public ChannelKind Channel => ChannelKind.TikTokShop;

    /// <summary>
    /// Stock and price go per product, all its SKUs in one call (TikTok has no cross-product batch): a batch is split
    /// into one call per product. 100 is our cap per batch, the SKU limit we assume per product (the emulator enforces
    /// it; TikTok's per-region limit is not confirmed). Titles up to 255 characters.
    /// </summary>
    public ChannelCapabilities Capabilities { get; } = new()
    {
        Listings = true,
        Variations = true,
        Inventory = true,
        Prices = true,
        Orders = true,
        Shipping = true,
        Webhooks = true,
        OAuthConnect = true,
        InventoryBatchSize = 100,
        PriceBatchSize = 100,
        OrdersOldestUpdateFirst = true,
        // Create Product needs a leaf category_id.
        RequiresCategory = true,
    };

    public async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
    {
        var shops = await client.GetAuthorizedShopsAsync(account, ct);
        var shop = shops.Shops.FirstOrDefault(s => s.Id == account.ShopId) ?? shops.Shops.FirstOrDefault();
        return shop is null
            ? new ConnectionTestResult(false, "TikTok Shop answered, but this authorization covers no shop.")
            : new ConnectionTestResult(true, $"Connected to {shop.Name}.", shop.Name);
    }

    public async Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        var page = await client.SearchProductsAsync(account, new TikTokProductSearchRequest { Status = "ALL" }, TikTokShopClient.MaxPageSize, cursor, ct);
        return new Page<ChannelListingSnapshot>([.. page.Products.Select(TikTokShopMapper.ToListingSnapshot)], NullIfEmpty(page.NextPageToken));
    }

    public async Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        TikTokShopMapper.RequireListable(draft);
        var uris = await ImageUrisAsync(account, draft, ct);
        var warehouse = await WarehouseAsync(account, ct);
        var created = await client.CreateProductAsync(account, TikTokShopMapper.ToCreateProductRequest(draft, warehouse, uris), ct);
        return ToResult(created, created.ProductId ?? throw new ChannelServerException(Channel, "TikTok Shop returned no product id."));
    }

    public async Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        var productId = draft.ExternalId ?? throw new ArgumentException("Only a published listing can be updated.", nameof(draft));
        TikTokShopMapper.RequireListable(draft);
        var uris = await ImageUrisAsync(account, draft, ct);
        var warehouse = await WarehouseAsync(account, ct);
        // The SKUs' stock in the shop's other warehouses is read first and sent back unchanged.
        var current = await client.GetProductAsync(account, productId, ct);
        var edited = await client.EditProductAsync(account, productId, TikTokShopMapper.ToEditProductRequest(draft, warehouse, uris, current), ct);
        if (current.Status == SellerDeactivated)
        {
            // Published again after an unpublish: an edit alone leaves it off sale, so it is activated as eBay's
            // republished offer and Amazon's recreated listing are.
            Refused(await client.ActivateProductsAsync(account, [productId], ct), "activate");
        }

        return ToResult(edited, edited.ProductId ?? productId);
    }

    public async Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct) =>
        Refused(await client.DeactivateProductsAsync(account, [listing.ExternalId], ct), "deactivate");

    /// <summary>TikTok's status of a product its seller took off sale (Deactivate Products).</summary>
    public const string SellerDeactivated = "SELLER_DEACTIVATED";

    private void Refused(TikTokPartialResult result, string what)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new ChannelValidationException(Channel, $"TikTok Shop did not {what} the product: {errors[0].Message}",
                [.. errors.Select(e => new ChannelFieldError("product_ids", e.Message ?? "rejected"))], errors[0].Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public async Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct)
    {
        var results = new List<SkuUpdateResult>();
        results.AddRange(items.Where(i => !IsLinked(i.ExternalId, i.ExternalSkuId)).Select(NotLinked));
        var products = items.Where(i => IsLinked(i.ExternalId, i.ExternalSkuId)).GroupBy(i => i.ExternalId!).ToList();
        if (products.Count == 0)
        {
            return results;
        }

        var warehouse = await WarehouseAsync(account, ct);
        foreach (var product in products)
        {
            try
            {
                // An update must list every warehouse of each SKU: TikTok's own figures for the others go back as read.
                var current = (await client.GetProductAsync(account, product.Key, ct)).Skus
                    .Where(s => s.Id is not null).ToDictionary(s => s.Id!, StringComparer.Ordinal);
                var body = new TikTokInventoryUpdate([.. product.Select(i => new TikTokSkuInventory(
                    i.ExternalSkuId!, TikTokShopMapper.Inventory(current.GetValueOrDefault(i.ExternalSkuId!), warehouse, i.Quantity)))]);
                var answer = await client.UpdateInventoryAsync(account, product.Key, body, ct);
                results.AddRange(PerSku(product.Select(i => (i.Sku, i.ExternalSkuId!)), answer));
            }
            catch (ChannelException ex) when (ex is ChannelValidationException or ChannelNotFoundException)
            {
                // One product refused (deleted, unknown SKU): its SKUs fail, the other products still go.
                results.AddRange(product.Select(i => new SkuUpdateResult(i.Sku, false, ex.ErrorCode, ex.Message)));
            }
        }

        return results;
    }

    public async Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct)
    {
        var results = new List<SkuUpdateResult>();
        results.AddRange(items.Where(i => !IsLinked(i.ExternalId, i.ExternalSkuId)).Select(i => NotLinked(i.Sku)));
        foreach (var product in items.Where(i => IsLinked(i.ExternalId, i.ExternalSkuId)).GroupBy(i => i.ExternalId!))
        {
            var body = new TikTokPriceUpdate([.. product.Select(i => new TikTokSkuPrice(
                i.ExternalSkuId!, new TikTokPrice { Amount = TikTokShopMapper.Amount(i.Price.Amount), Currency = i.Price.Currency }))]);
            try
            {
                await client.UpdatePricesAsync(account, product.Key, body, ct);
                results.AddRange(product.Select(i => SkuUpdateResult.Ok(i.Sku)));
            }
            catch (ChannelException ex) when (ex is ChannelValidationException or ChannelNotFoundException)
            {
                // The price call is all-or-nothing per product: every SKU of it carries the refusal.
                results.AddRange(product.Select(i => new SkuUpdateResult(i.Sku, false, ex.ErrorCode, ex.Message)));
            }
        }

        return results;
    }

    public async Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        var filter = new TikTokOrderSearchRequest
        {
            UpdateTimeGe = TikTokShopMapper.ToUnix(query.UpdatedSinceUtc),
            UpdateTimeLt = query.UpdatedUntilUtc is { } until ? TikTokShopMapper.ToUnix(until) : null,
        };
        var page = await client.SearchOrdersAsync(account, filter, query.PageSize, query.Cursor, ct);
        return new Page<ChannelOrder>([.. page.Orders.Select(TikTokShopMapper.ToChannelOrder)], NullIfEmpty(page.NextPageToken));
    }

    public async Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct)
    {
        var order = await FindOrderAsync(account, externalOrderId, ct);
        return order is null ? null : TikTokShopMapper.ToChannelOrder(order);
    }

    /// <summary>
    /// Marks the lines shipped with the seller's carrier. TikTok wants its own provider id: a numeric carrier is taken
    /// as that id, a name is looked up among the providers of the order's delivery option.
    /// </summary>
    public async Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct)
    {
        var order = await FindOrderAsync(account, shipment.ExternalOrderId, ct)
            ?? throw new ChannelNotFoundException(Channel, $"TikTok Shop has no order {shipment.ExternalOrderId}.");
        var providerId = await ProviderIdAsync(account, order, shipment.Carrier, ct);
        if (!string.IsNullOrEmpty(order.TrackingNumber) && TikTokShopMapper.MapStatus(order.Status) is OrderStatus.Shipped)
        {
            await client.UpdateShippingInfoAsync(account, order.Id, new TikTokShippingInfoUpdate(shipment.TrackingNumber, providerId), ct);
            return;
        }

        var lineIds = shipment.ExternalLineIds is { Count: > 0 } chosen
            ? chosen
            : [.. (order.LineItems ?? []).Select(l => l.Id).OfType<string>()];
        await client.MarkShippedAsync(account, order.Id, new TikTokMarkShippedRequest
        {
            OrderLineItemIds = lineIds,
            TrackingNumber = shipment.TrackingNumber,
            ShippingProviderId = providerId,
        }, ct);
    }

    private async Task<TikTokOrder?> FindOrderAsync(ChannelAccountContext account, string orderId, CancellationToken ct) =>
        (await client.GetOrdersAsync(account, [orderId], ct)).Orders.FirstOrDefault(o => o.Id == orderId);

    private async Task<string> ProviderIdAsync(ChannelAccountContext account, TikTokOrder order, string carrier, CancellationToken ct)
    {
        if (carrier.Length > 0 && carrier.All(char.IsAsciiDigit))
        {
            return carrier;
        }

        var providers = order.DeliveryOptionId is null
            ? []
            : (await client.GetShippingProvidersAsync(account, order.DeliveryOptionId, ct)).ShippingProviders;
        return providers.FirstOrDefault(p => string.Equals(p.Name, carrier, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw new ChannelValidationException(Channel, $"TikTok Shop does not offer the carrier \"{carrier}\" for this order.",
                [new("shipping_provider_id", $"Choose one of: {string.Join(", ", providers.Select(p => p.Name))}")], httpStatus: null);
    }

    private async Task<string> WarehouseAsync(ChannelAccountContext account, CancellationToken ct) =>
        account.Property(WarehouseProperty) is { Length: > 0 } chosen
            ? chosen
            : TikTokShopAccountSettings.DefaultWarehouse(await client.GetWarehousesAsync(account, ct))?.Id
                ?? throw new ChannelValidationException(Channel, "The TikTok shop has no sales warehouse.", [new(WarehouseProperty, "Add a warehouse in Seller Center.")], httpStatus: null);

    private async Task<IReadOnlyList<string>> ImageUrisAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) =>
        TikTokShopMapper.GivenImageUris(draft) ?? await images.UrisAsync(account, draft.ImageUrls, ct);

    private static IEnumerable<SkuUpdateResult> PerSku(IEnumerable<(string Sku, string SkuId)> sent, TikTokPartialResult answer)
    {
        var failures = (answer.Errors ?? []).Where(e => e.Detail?.SkuId is not null).ToDictionary(e => e.Detail!.SkuId!);
        foreach (var (sku, skuId) in sent)
        {
            if (!failures.TryGetValue(skuId, out var error))
            {
                yield return SkuUpdateResult.Ok(sku);
                continue;
            }

            var inner = error.Detail?.ExtraErrors?.FirstOrDefault();
            yield return new SkuUpdateResult(sku, false,
                (inner?.Code ?? error.Code).ToString(System.Globalization.CultureInfo.InvariantCulture),
                inner is null ? error.Message : $"{error.Message}: {inner.Message} (warehouse {inner.WarehouseId})");
        }
    }

    private static bool IsLinked(string? productId, string? skuId) => !string.IsNullOrEmpty(productId) && !string.IsNullOrEmpty(skuId);

    private static SkuUpdateResult NotLinked(SkuQuantity item) => NotLinked(item.Sku);

    private static SkuUpdateResult NotLinked(string sku) =>
        new(sku, false, "not_linked", "The SKU is not linked to a TikTok product and SKU id yet.");

    private static ListingResult ToResult(TikTokProductWriteResult result, string productId) => new(
        productId,
        null,
        result.Skus.Where(s => s.SellerSku is not null && s.Id is not null).ToDictionary(s => s.SellerSku!, s => s.Id!),
        Status: null);

    private static string? NullIfEmpty(string? token) => string.IsNullOrEmpty(token) ? null : token;
}
