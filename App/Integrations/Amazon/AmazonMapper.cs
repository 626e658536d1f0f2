using System.Globalization;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;

namespace SellerPortal.Integrations.Amazon;

/// <summary>Pure translations between SP-API shapes and the portal's channel records. Money stays decimal throughout.</summary>
public static class AmazonMapper
{
    /// <summary>Orders 2026-01-01's fulfillment status: v0's OrderStatus in upper snake case.</summary>
    public static OrderStatus MapFulfillmentStatus(string? status) => status switch
    {
        "PENDING_AVAILABILITY" or "PENDING" => OrderStatus.Pending,
        "UNSHIPPED" or "PARTIALLY_SHIPPED" => OrderStatus.Processing,
        "SHIPPED" or "INVOICE_UNCONFIRMED" => OrderStatus.Shipped,
        "CANCELLED" or "UNFULFILLABLE" => OrderStatus.Cancelled,
        _ => OrderStatus.Pending,
    };

    /// <summary>A searchOrders order, items inline. Unit prices come as such; a cancelled order may have no proceeds.</summary>
    public static ChannelOrder ToChannelOrder(AmazonOrderV2 order)
    {
        var currency = order.Proceeds?.GrandTotal?.CurrencyCode
            ?? order.OrderItems.Select(i => i.Product?.Price?.UnitPrice?.CurrencyCode).FirstOrDefault(c => c is not null)
            ?? CurrencyOf(order.SalesChannel?.MarketplaceId);
        var address = order.Recipient?.DeliveryAddress;
        return new ChannelOrder
        {
            ExternalOrderId = order.OrderId,
            OrderNumber = order.OrderId,
            Status = MapFulfillmentStatus(order.Fulfillment?.FulfillmentStatus),
            RawStatus = order.Fulfillment?.FulfillmentStatus ?? "",
            BuyerName = address?.Name,
            BuyerUsername = null,
            ShipTo = ToAddress(address),
            Total = ToMoney(order.Proceeds?.GrandTotal) ?? new ChannelMoney(0m, currency),
            PlacedUtc = ParseUtc(order.CreatedTime),
            UpdatedUtc = ParseUtc(order.LastUpdatedTime),
            Lines = [.. order.OrderItems.Select(i => new ChannelOrderLine(i.OrderItemId, i.Product?.SellerSku ?? "", i.Product?.Title, i.QuantityOrdered,
                ToMoney(i.Product?.Price?.UnitPrice) ?? new ChannelMoney(0m, currency)))],
        };
    }

    public static ChannelAddress? ToAddress(AmazonAddress? a) => a is null
        ? null
        : new ChannelAddress(a.Name, a.AddressLine1, a.AddressLine2, a.City, a.StateOrRegion, a.PostalCode, a.CountryCode, a.Phone);

    public static ChannelMoney? ToMoney(AmazonMoney? money) =>
        money?.Amount is { } amount && money.CurrencyCode is { } currency ? new ChannelMoney(ParseDecimal(amount), currency) : null;

    public static ChannelMoney? ToMoney(ListingsMoney? money) =>
        money is null ? null : new ChannelMoney(ParseDecimal(money.Amount), money.CurrencyCode);

    public static decimal ParseDecimal(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string FormatUtc(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The currency of a marketplace, for orders that carry no amount at all.</summary>
    public static string CurrencyOf(string? marketplaceId) => marketplaceId switch
    {
        "A2EUQ1WTGCTBG2" => "CAD",
        "A1F83G8C2ARO7P" => "GBP",
        "A1PA6795UKMFR9" or "A13V1IB3VIYZZH" or "APJ6JRA9NG5V4" or "A1RKKUPIHCS9HS" => "EUR",
        "A21TJRUUN4KGV" => "INR",
        "A1VC38T7YXB528" => "JPY",
        _ => "USD",
    };

    public static ChannelListingSnapshot ToSnapshot(ListingsItem item, string marketplaceId)
    {
        var summary = item.Summaries?.FirstOrDefault(s => s.MarketplaceId == marketplaceId) ?? item.Summaries?.FirstOrDefault();
        var offer = item.Offers?.FirstOrDefault(o => o.MarketplaceId == marketplaceId && o.OfferType == "B2C") ?? item.Offers?.FirstOrDefault();
        var quantity = item.FulfillmentAvailability?.FirstOrDefault(f => f.FulfillmentChannelCode == "DEFAULT")?.Quantity;
        var status = summary?.Status is { Count: > 0 } s ? string.Join(',', s) : "UNKNOWN";
        return new ChannelListingSnapshot(
            summary?.Asin ?? item.Sku,
            summary?.ItemName ?? item.Sku,
            status,
            [new ChannelSkuSnapshot(item.Sku, summary?.Asin, ToMoney(offer?.Price), quantity)]);
    }

    /// <summary>A full listing (requirements LISTING) for one SKU of a draft.</summary>
    public static ListingsItemPutRequest ToPutRequest(ListingDraft draft, ListingVariantDraft variant, string marketplaceId, string productType, string languageTag)
    {
        var attributes = new Dictionary<string, JsonElement>
        {
            ["item_name"] = Json(new TextAttribute(draft.Title, marketplaceId, languageTag)),
            ["condition_type"] = Json(new TextAttribute(ConditionType(draft.Condition), marketplaceId)),
            ["purchasable_offer"] = PurchasableOffer(variant.Price, marketplaceId),
            ["fulfillment_availability"] = FulfillmentAvailability(variant.Quantity),
        };
        if (!string.IsNullOrWhiteSpace(draft.Brand))
        {
            attributes["brand"] = Json(new TextAttribute(draft.Brand, marketplaceId, languageTag));
        }

        if (!string.IsNullOrWhiteSpace(draft.Description))
        {
            attributes["product_description"] = Json(new TextAttribute(draft.Description, marketplaceId, languageTag));
        }

        if (draft.ChannelFields.TryGetValue(AmazonDescriptor.AsinField, out var asin) && !string.IsNullOrWhiteSpace(asin))
        {
            attributes["merchant_suggested_asin"] = Json(new TextAttribute(asin, marketplaceId));
        }

        return new ListingsItemPutRequest { ProductType = productType, Requirements = "LISTING", Attributes = attributes };
    }

    public static JsonElement PurchasableOffer(ChannelMoney price, string marketplaceId) =>
        Json(new PurchasableOfferAttribute(price.Currency, [new OurPrice([new PriceSchedule(price.Amount)])], marketplaceId));

    public static JsonElement FulfillmentAvailability(int quantity) =>
        Json(new FulfillmentAvailabilityAttribute("DEFAULT", quantity));

    /// <summary>
    /// One JSON_LISTINGS_FEED message per SKU, replacing its price and/or quantity (listings-feed-schema-v2 PATCH).
    /// Message ids count from 1 in the order given, so report issues can be traced back by id.
    /// </summary>
    public static ListingsFeed ToPriceQuantityFeed(string sellerId, string marketplaceId, string productType, IReadOnlyList<AmazonOfferUpdate> updates)
    {
        var messages = new List<ListingsFeedMessage>(updates.Count);
        for (var i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            var patches = new List<ListingsPatch>();
            if (u.Price is { } price)
            {
                patches.Add(new ListingsPatch("replace", "/attributes/purchasable_offer", PurchasableOffer(price, marketplaceId)));
            }

            if (u.Quantity is { } quantity)
            {
                patches.Add(new ListingsPatch("replace", "/attributes/fulfillment_availability", FulfillmentAvailability(quantity)));
            }

            messages.Add(new ListingsFeedMessage
            {
                MessageId = i + 1,
                Sku = u.Sku,
                OperationType = "PATCH",
                ProductType = u.ProductType ?? productType,
                Patches = patches,
            });
        }

        return new ListingsFeed { Header = new ListingsFeedHeader(sellerId, "2.0", "en_US"), Messages = messages };
    }

    /// <summary>
    /// Per-SKU outcome of a processed feed: a message with an ERROR issue failed (first error's code and message),
    /// every other message succeeded. Issues are matched by messageId first, SKU second.
    /// </summary>
    public static IReadOnlyList<SkuUpdateResult> ToSkuResults(ListingsFeed feed, ListingsFeedProcessingReport report)
    {
        var errors = report.Issues.Where(i => string.Equals(i.Severity, "ERROR", StringComparison.OrdinalIgnoreCase)).ToList();
        return feed.Messages.Select(m =>
        {
            var error = errors.FirstOrDefault(e => e.MessageId == m.MessageId)
                ?? errors.FirstOrDefault(e => e.MessageId is null && e.Sku == m.Sku);
            return error is null ? SkuUpdateResult.Ok(m.Sku) : new SkuUpdateResult(m.Sku, false, error.Code, error.Message);
        }).ToList();
    }

    /// <summary>Amazon's condition_type values for the portal's condition words.</summary>
    public static string ConditionType(string condition) => condition.Trim().ToUpperInvariant() switch
    {
        "NEW" => "new_new",
        "USED" or "USED - GOOD" => "used_good",
        "USED - LIKE NEW" => "used_like_new",
        "REFURBISHED" => "refurbished_refurbished",
        _ => "new_new",
    };

    /// <summary>Attribute values are always arrays of objects on the wire.</summary>
    private static JsonElement Json(params object[] values) => JsonSerializer.SerializeToElement(values, AmazonJson.Web);

    /// <summary>The marketplace's summary and MAIN image where present, else the first of each.</summary>
    public static ChannelCatalogMatch ToCatalogMatch(CatalogItem item, string marketplaceId)
    {
        var summary = item.Summaries?.FirstOrDefault(s => s.MarketplaceId == marketplaceId) ?? item.Summaries?.FirstOrDefault();
        var images = (item.Images?.FirstOrDefault(i => i.MarketplaceId == marketplaceId) ?? item.Images?.FirstOrDefault())?.Images;
        var image = images?.FirstOrDefault(i => i.Variant == "MAIN") ?? images?.FirstOrDefault();
        return new ChannelCatalogMatch(item.Asin, summary?.ItemName, summary?.Brand, image?.Link);
    }
}
