using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// Amazon through SP-API: listings per SKU (Listings Items API), price and quantity in bulk through one
/// JSON_LISTINGS_FEED, orders from Orders API 2026-01-01 (searchOrders and getOrder, items inline), shipment confirmation for MFN orders.
/// </summary>
public sealed class AmazonConnector(AmazonClient client, IOptions<AmazonOptions> options, TimeProvider time) : IChannelConnector, IFulfilledByChannelStock, IChannelCatalogSearch
{
    private const string FeedContentType = "application/json; charset=UTF-8";
    private readonly AmazonOptions settings = options.Value;

    public ChannelKind Channel => ChannelKind.Amazon;

    public ChannelCapabilities Capabilities { get; } = new()
    {
        Listings = true,
        // Parent/child variation families need product-type specific theme attributes; not built yet.
        Variations = false,
        Inventory = true,
        Prices = true,
        Orders = true,
        Shipping = true,
        // Amazon pushes notifications through SQS/EventBridge, not HTTP webhooks.
        Webhooks = false,
        OAuthConnect = true,
        // One JSON_LISTINGS_FEED carries up to 25,000 messages (listings-feed-schema-v2).
        InventoryBatchSize = 25_000,
        PriceBatchSize = 25_000,
    };

    public async Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct)
    {
        try
        {
            var page = await client.SearchListingsItemsAsync(account, null, 1, ct);
            return new ConnectionTestResult(true, $"Connected; {page.NumberOfResults} listings in {client.MarketplaceId(account)}.", account.SellerId);
        }
        catch (ChannelAuthException ex)
        {
            return new ConnectionTestResult(false, ex.Message);
        }
    }

    public async Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct)
    {
        var page = await client.SearchListingsItemsAsync(account, cursor, 20, ct);
        var marketplace = client.MarketplaceId(account);
        return new Page<ChannelListingSnapshot>(page.Items.Select(i => AmazonMapper.ToSnapshot(i, marketplace)).ToList(), page.Pagination?.NextToken);
    }

    /// <summary>FBA stock per SKU from getInventorySummaries: Amazon's own warehouses, read-only for us.</summary>
    public async Task<IReadOnlyList<ChannelFulfilledStock>> GetAsync(ChannelAccountContext account, IReadOnlyList<string> skus, CancellationToken ct)
    {
        if (skus.Count == 0)
        {
            return [];
        }

        var summaries = await client.GetAllInventorySummariesAsync(account, skus, ct);
        return summaries
            .Where(s => !string.IsNullOrEmpty(s.SellerSku))
            .GroupBy(s => s.SellerSku)
            .Select(g => new ChannelFulfilledStock(g.Key, g.Sum(s => s.InventoryDetails?.FulfillableQuantity ?? 0), g.Sum(s => s.TotalQuantity), g.First().Asin))
            .ToList();
    }

    /// <summary>The listing exactly as Amazon holds it now, or null.</summary>
    public async Task<ChannelListingSnapshot?> GetListingAsync(ChannelAccountContext account, string sku, CancellationToken ct) =>
        await client.GetListingsItemAsync(account, sku, ct) is { } item ? AmazonMapper.ToSnapshot(item, client.MarketplaceId(account)) : null;

    /// <summary>Each SKU is its own Amazon listing (PUT per SKU); the first SKU names the listing.</summary>
    public Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) =>
        PutListingAsync(account, draft, ct);

    public Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct) =>
        PutListingAsync(account, draft, ct);

    public async Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct)
    {
        foreach (var sku in listing.Skus.DefaultIfEmpty(listing.ExternalId))
        {
            try
            {
                await client.DeleteListingsItemAsync(account, sku, ct);
            }
            catch (ChannelNotFoundException)
            {
                // Already gone: the outcome asked for.
            }
        }
    }

    public Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct) =>
        UpdateOffersAsync(account, items.Select(i => new AmazonOfferUpdate(i.Sku, null, i.Quantity)).ToList(), ct);

    public Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct) =>
        UpdateOffersAsync(account, items.Select(i => new AmazonOfferUpdate(i.Sku, i.Price, null)).ToList(), ct);

    /// <summary>
    /// Price and/or quantity for many SKUs in one JSON_LISTINGS_FEED: create a feed document, upload, create the feed,
    /// poll until done, read the processing report and give each SKU its outcome (amazon-sp-api.md, "Feeds API").
    /// </summary>
    public async Task<IReadOnlyList<SkuUpdateResult>> UpdateOffersAsync(ChannelAccountContext account, IReadOnlyList<AmazonOfferUpdate> updates, CancellationToken ct)
    {
        if (updates.Count == 0)
        {
            return [];
        }

        var marketplace = client.MarketplaceId(account);
        if (updates.Count <= settings.PatchUpToSkus)
        {
            return await PatchOffersAsync(account, marketplace, updates, ct);
        }

        var feed = AmazonMapper.ToPriceQuantityFeed(AmazonClient.SellerId(account), marketplace, settings.DefaultProductType, updates);
        var document = await client.CreateFeedDocumentAsync(account, FeedContentType, ct);
        await client.UploadFeedDocumentAsync(document.Url, FeedContentType, JsonSerializer.Serialize(feed, AmazonJson.Web), ct);
        var created = await client.CreateFeedAsync(account, new CreateFeedRequest
        {
            FeedType = "JSON_LISTINGS_FEED",
            MarketplaceIds = [marketplace],
            InputFeedDocumentId = document.FeedDocumentId,
        }, ct);

        var done = await WaitForFeedAsync(account, created.FeedId, ct);
        if (done.ResultFeedDocumentId is null)
        {
            var why = $"The feed ended {done.ProcessingStatus} without a processing report.";
            return feed.Messages.Select(m => new SkuUpdateResult(m.Sku, false, done.ProcessingStatus, why)).ToList();
        }

        var reportDocument = await client.GetFeedDocumentAsync(account, done.ResultFeedDocumentId, ct);
        var reportJson = await client.DownloadDocumentAsync(reportDocument.Url, reportDocument.CompressionAlgorithm, ct);
        var report = JsonSerializer.Deserialize<ListingsFeedProcessingReport>(reportJson, AmazonJson.Web) ?? new ListingsFeedProcessingReport();
        return AmazonMapper.ToSkuResults(feed, report);
    }

    /// <summary>
    /// Amazon refuses a lastUpdatedBefore later than two minutes before the request (400 InvalidInput), so a window is
    /// cut to end there; the orders of those two minutes come in the next run, whose window overlaps this one
    /// (Orders:Import:OverlapWindow, 10 minutes by default).
    /// https://developer-docs.amazon.com/sp-api/reference/searchorders
    /// </summary>
    public static readonly TimeSpan SearchOrdersSettleTime = TimeSpan.FromMinutes(2);

    /// <summary>Orders 2026-01-01 searchOrders: one call per page of up to 100 orders with their items.</summary>
    public async Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct)
    {
        // A few seconds more than Amazon's two minutes, for the clocks of the two sides and the time the call travels.
        var latest = time.GetUtcNow().UtcDateTime - SearchOrdersSettleTime - TimeSpan.FromSeconds(5);
        var until = query.UpdatedUntilUtc is { } asked && asked < latest ? asked : latest;
        if (query.Cursor is null && query.UpdatedSinceUtc >= until)
        {
            // Nothing can have settled in a window that ends before it starts.
            return new Page<ChannelOrder>([], null);
        }

        var page = await client.SearchOrdersAsync(account, query.UpdatedSinceUtc, until, query.Cursor, query.PageSize, ct);
        return new Page<ChannelOrder>([.. page.Orders.Select(AmazonMapper.ToChannelOrder)], page.Pagination?.NextToken is { Length: > 0 } next ? next : null);
    }

    public async Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct)
    {
        var order = await client.GetOrderV2Async(account, externalOrderId, ct);
        return order is null ? null : AmazonMapper.ToChannelOrder(order);
    }

    /// <summary>Confirms an MFN shipment with every unshipped unit of the named lines (all lines when none are named).</summary>
    public async Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct)
    {
        var order = await client.GetOrderV2Async(account, shipment.ExternalOrderId, ct)
            ?? throw new ChannelNotFoundException(ChannelKind.Amazon, $"Amazon has no order {shipment.ExternalOrderId}.");
        var lines = order.OrderItems
            .Where(i => shipment.ExternalLineIds is null || shipment.ExternalLineIds.Contains(i.OrderItemId))
            .Select(i => new AmazonConfirmShipmentItem(i.OrderItemId, i.QuantityOrdered - (i.Fulfillment?.QuantityFulfilled ?? 0)))
            .Where(i => i.Quantity > 0)
            .ToList();
        if (lines.Count == 0)
        {
            throw new ChannelValidationException(ChannelKind.Amazon, "Nothing left to ship on this Amazon order.",
                [new ChannelFieldError("orderItems", "No unshipped items match the shipment.")]);
        }

        var (carrierCode, carrierName) = AmazonCarrierCodes.Resolve(shipment.Carrier);
        await client.ConfirmShipmentAsync(account, shipment.ExternalOrderId, new AmazonConfirmShipmentRequest
        {
            MarketplaceId = client.MarketplaceId(account),
            PackageDetail = new AmazonPackageDetail
            {
                PackageReferenceId = "1",
                CarrierCode = carrierCode,
                CarrierName = carrierName,
                TrackingNumber = shipment.TrackingNumber,
                ShipDate = AmazonMapper.FormatUtc(shipment.ShippedUtc ?? time.GetUtcNow().UtcDateTime),
                OrderItems = lines,
            },
        }, ct);
    }

    /// <summary>Catalog search by keywords or identifiers, for matching a product to an existing ASIN.</summary>
    public async Task<IReadOnlyList<CatalogItem>> SearchCatalogAsync(
        ChannelAccountContext account, string? keywords, IReadOnlyList<string>? identifiers, string? identifiersType, CancellationToken ct) =>
        (await client.SearchCatalogItemsAsync(account, keywords, identifiers, identifiersType, null, ct)).Items;

    /// <summary>searchCatalogItems takes these identifiersType values besides SKU (Catalog Items API 2022-04-01).</summary>
    public IReadOnlyList<string> IdentifierTypes { get; } = ["EAN", "UPC", "ISBN", "ASIN"];

    public async Task<IReadOnlyList<ChannelCatalogMatch>> SearchAsync(ChannelAccountContext account, ChannelCatalogQuery query, CancellationToken ct)
    {
        var byIdentifier = !string.IsNullOrWhiteSpace(query.Identifier);
        if (!byIdentifier && string.IsNullOrWhiteSpace(query.Keywords))
        {
            throw new ChannelValidationException(ChannelKind.Amazon, "Enter keywords or an identifier to search the Amazon catalog.", []);
        }

        var items = byIdentifier
            ? await SearchCatalogAsync(account, null, [query.Identifier!.Trim()], (query.IdentifierType ?? "EAN").ToUpperInvariant(), ct)
            : await SearchCatalogAsync(account, query.Keywords!.Trim(), null, null, ct);
        var marketplace = client.MarketplaceId(account);
        return items.Select(i => AmazonMapper.ToCatalogMatch(i, marketplace)).ToList();
    }

    private async Task<ListingResult> PutListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct)
    {
        if (draft.Variants.Count == 0)
        {
            throw new ChannelValidationException(ChannelKind.Amazon, "A listing needs at least one SKU.", [new ChannelFieldError("variants", "No SKU given.")]);
        }

        var marketplace = client.MarketplaceId(account);
        var productType = draft.ChannelFields.GetValueOrDefault("product_type") ?? draft.CategoryId ?? settings.DefaultProductType;
        var language = draft.ChannelFields.GetValueOrDefault("language_tag") ?? "en_US";
        var ids = new Dictionary<string, string>();
        string? status = null;
        foreach (var variant in draft.Variants)
        {
            var response = await client.PutListingsItemAsync(account, variant.Sku,
                AmazonMapper.ToPutRequest(draft, variant, marketplace, productType, language), ct);
            if (response.Status != "ACCEPTED")
            {
                var errors = response.Issues.Where(i => i.Severity == "ERROR").ToList();
                throw new ChannelValidationException(ChannelKind.Amazon,
                    $"Amazon refused SKU {variant.Sku}: {errors.FirstOrDefault()?.Message ?? response.Status}.",
                    errors.Select(e => new ChannelFieldError(e.AttributeNames?.FirstOrDefault(), e.Message, variant.Sku)).ToList(),
                    errors.FirstOrDefault()?.Code);
            }

            // The ASIN is assigned later, asynchronously; the SKU is what Amazon keys the listing by.
            ids[variant.Sku] = variant.Sku;
            status = response.Status;
        }

        return new ListingResult(draft.Variants[0].Sku, null, ids, status);
    }

    /// <summary>
    /// A few SKUs go by patchListingsItem, one synchronous call each (5/s): Amazon recommends the Listings Items API for
    /// individual updates and feeds for bulk; a feed is processed minutes later (polled every FeedPollInterval), which
    /// for the stock push after a sale elsewhere is minutes in which Amazon can sell units that are gone.
    /// </summary>
    private async Task<IReadOnlyList<SkuUpdateResult>> PatchOffersAsync(ChannelAccountContext account, string marketplace, IReadOnlyList<AmazonOfferUpdate> updates, CancellationToken ct)
    {
        var feed = AmazonMapper.ToPriceQuantityFeed(AmazonClient.SellerId(account), marketplace, settings.DefaultProductType, updates);
        var results = new List<SkuUpdateResult>(updates.Count);
        foreach (var message in feed.Messages)
        {
            try
            {
                var response = await client.PatchListingsItemAsync(account, message.Sku,
                    new ListingsItemPatchRequest { ProductType = message.ProductType ?? settings.DefaultProductType, Patches = message.Patches ?? [] }, ct);
                var error = response.Issues.FirstOrDefault(i => i.Severity == "ERROR");
                results.Add(error is null && response.Status == "ACCEPTED"
                    ? SkuUpdateResult.Ok(message.Sku)
                    : new SkuUpdateResult(message.Sku, false, error?.Code ?? response.Status, error?.Message ?? $"Amazon answered {response.Status}."));
            }
            catch (ChannelException ex) when (ex is ChannelValidationException or ChannelNotFoundException)
            {
                results.Add(new SkuUpdateResult(message.Sku, false, ex.ErrorCode, ex.Message));
            }
        }

        return results;
    }

    private async Task<AmazonFeed> WaitForFeedAsync(ChannelAccountContext account, string feedId, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + settings.FeedPollTimeout;
        while (true)
        {
            var feed = await client.GetFeedAsync(account, feedId, ct);
            if (feed.ProcessingStatus is "DONE" or "CANCELLED" or "FATAL")
            {
                return feed;
            }

            if (time.GetUtcNow() >= deadline)
            {
                throw new ChannelServerException(ChannelKind.Amazon,
                    $"Amazon feed {feedId} is still {feed.ProcessingStatus} after {settings.FeedPollTimeout}; check it later.", httpStatus: null);
            }

            await Task.Delay(settings.FeedPollInterval, time, ct);
        }
    }
}
