using System.Globalization;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>Pure translations between eBay's Sell API shapes and the portal's channel records. Money stays decimal.</summary>
public static class EbayMapper
{
    /// <summary>ebay.md, "Fulfillment API": cancelled first, then payment pending, then the fulfillment state.</summary>
    public static OrderStatus MapStatus(string orderFulfillmentStatus, string? orderPaymentStatus, string? cancelState)
    {
        if (cancelState == "CANCELED")
        {
            return OrderStatus.Cancelled;
        }

        if (orderPaymentStatus == "PENDING")
        {
            return OrderStatus.Pending;
        }

        return orderFulfillmentStatus switch
        {
            "FULFILLED" => OrderStatus.Shipped,
            "NOT_STARTED" or "IN_PROGRESS" => OrderStatus.Processing,
            _ => OrderStatus.Pending,
        };
    }

    /// <summary>The raw word kept beside the mapped status: the cancel state when cancelled, else the fulfillment status.</summary>
    public static string RawStatus(EbayOrder order) =>
        order.CancelStatus?.CancelState == "CANCELED" ? "CANCELED" : order.OrderFulfillmentStatus;

    public static ChannelOrder ToChannelOrder(EbayOrder order)
    {
        var shipTo = order.FulfillmentStartInstructions?.FirstOrDefault()?.ShippingStep?.ShipTo;
        var total = ToMoney(order.PricingSummary?.Total)
            ?? new ChannelMoney(0m, order.LineItems.Select(l => l.LineItemCost?.Currency).FirstOrDefault(c => c is not null) ?? "USD");
        return new ChannelOrder
        {
            ExternalOrderId = order.OrderId,
            // The orderId (27-13000-00001 form) is the number Seller Hub and the buyer see; the legacy Trading API id
            // (110…-27…) is not shown (https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:Order).
            OrderNumber = order.OrderId,
            AlternateOrderNumber = order.LegacyOrderId,
            Status = MapStatus(order.OrderFulfillmentStatus, order.OrderPaymentStatus, order.CancelStatus?.CancelState),
            RawStatus = RawStatus(order),
            BuyerName = order.Buyer?.BuyerRegistrationAddress?.FullName ?? shipTo?.FullName,
            // Kept: eBay's account deletion notifications name the buyer by username.
            BuyerUsername = order.Buyer?.Username,
            ShipTo = shipTo is null ? null : new ChannelAddress(
                shipTo.FullName,
                shipTo.ContactAddress?.AddressLine1,
                shipTo.ContactAddress?.AddressLine2,
                shipTo.ContactAddress?.City,
                shipTo.ContactAddress?.StateOrProvince,
                shipTo.ContactAddress?.PostalCode,
                shipTo.ContactAddress?.CountryCode,
                shipTo.PrimaryPhone?.PhoneNumber),
            Total = total,
            PlacedUtc = ParseUtc(order.CreationDate),
            UpdatedUtc = ParseUtc(order.LastModifiedDate),
            Lines = order.LineItems.Select(l => ToLine(l, total.Currency)).ToList(),
        };
    }

    /// <summary>lineItemCost is unit price × quantity; the portal keeps the unit price.</summary>
    public static ChannelOrderLine ToLine(EbayLineItem line, string fallbackCurrency)
    {
        var cost = ToMoney(line.LineItemCost) ?? new ChannelMoney(0m, fallbackCurrency);
        var unit = line.Quantity > 0 ? Math.Round(cost.Amount / line.Quantity, 2, MidpointRounding.AwayFromZero) : cost.Amount;
        return new ChannelOrderLine(line.LineItemId, line.Sku ?? line.LegacyItemId ?? line.LineItemId, line.Title, line.Quantity, cost with { Amount = unit });
    }

    public static ChannelMoney? ToMoney(EbayAmount? amount) =>
        amount is null ? null : new ChannelMoney(decimal.Parse(amount.Value, NumberStyles.Number, CultureInfo.InvariantCulture), amount.Currency);

    /// <summary>eBay wants the amount as a decimal string: invariant culture, never a float.</summary>
    public static EbayAmount ToAmount(ChannelMoney money) =>
        new(money.Amount.ToString("0.00##", CultureInfo.InvariantCulture), money.Currency);

    public static DateTime ParseUtc(string value) =>
        DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// eBay's ConditionEnum for the catalog's conditions
    /// (https://developer.ebay.com/api-docs/sell/inventory/types/slr:ConditionEnum): New is NEW (1000), Used is
    /// USED_EXCELLENT (3000), Refurbished is SELLER_REFURBISHED (2500, refurbished by the seller, not the maker). A
    /// ConditionEnum value itself passes as is; anything else is refused before any call rather than sent as NEW.
    /// </summary>
    public static string Condition(string condition)
    {
        var word = condition.Trim().ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        return word switch
        {
            "NEW" => "NEW",
            "USED" => "USED_EXCELLENT",
            "REFURBISHED" => "SELLER_REFURBISHED",
            "FOR_PARTS" => "FOR_PARTS_OR_NOT_WORKING",
            _ when ConditionEnum.Contains(word) => word,
            _ => throw new ChannelValidationException(ChannelKind.Ebay,
                $"The condition \"{condition}\" has no eBay equivalent: set the product's condition to New, Used or Refurbished.",
                [new ChannelFieldError("condition", "Not one of eBay's conditions.")]),
        };
    }

    /// <summary>Every value of eBay's ConditionEnum (Inventory API).</summary>
    public static readonly IReadOnlySet<string> ConditionEnum = new HashSet<string>(StringComparer.Ordinal)
    {
        "NEW", "LIKE_NEW", "NEW_OTHER", "NEW_WITH_DEFECTS", "CERTIFIED_REFURBISHED", "EXCELLENT_REFURBISHED",
        "VERY_GOOD_REFURBISHED", "GOOD_REFURBISHED", "SELLER_REFURBISHED", "USED_EXCELLENT", "USED_VERY_GOOD", "USED_GOOD",
        "USED_ACCEPTABLE", "FOR_PARTS_OR_NOT_WORKING", "PRE_OWNED_EXCELLENT", "PRE_OWNED_FAIR", "MANUFACTURER_REFURBISHED",
    };

    /// <summary>
    /// The offer's listingDuration from the listing's field, GTC when unset. eBay's fixed-price listings are
    /// good-'til-cancelled only (https://developer.ebay.com/api-docs/sell/inventory/types/slr:ListingDurationEnum),
    /// so another value is refused here with a sentence instead of being dropped silently.
    /// </summary>
    public static string ListingDuration(string? value)
    {
        var duration = string.IsNullOrWhiteSpace(value) ? "GTC" : value.Trim().ToUpperInvariant();
        return duration == "GTC"
            ? duration
            : throw new ChannelValidationException(ChannelKind.Ebay,
                $"eBay fixed-price listings run until cancelled: set the listing duration to GTC instead of \"{value}\".",
                [new ChannelFieldError("listing_duration", "Only GTC is accepted for fixed-price listings.")]);
    }

    public static EbayInventoryItem ToInventoryItem(ListingDraft draft, ListingVariantDraft variant) => new()
    {
        Availability = new EbayAvailability(new EbayShipToLocationAvailability(variant.Quantity)),
        Condition = Condition(draft.ChannelFields.GetValueOrDefault("condition") is { Length: > 0 } chosen ? chosen : draft.Condition),
        Product = new EbayProduct
        {
            Title = draft.Title,
            Description = draft.Description,
            Brand = draft.Brand,
            ImageUrls = draft.ImageUrls.Count == 0 ? null : draft.ImageUrls,
            Aspects = draft.Attributes.Concat(variant.Options).Count() == 0
                ? null
                : draft.Attributes.Concat(variant.Options)
                    .GroupBy(a => a.Key)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Value).Distinct().ToList()),
        },
    };

    /// <summary>A fixed-price, good-'til-cancelled offer; policies and location from the draft, then the account.</summary>
    public static EbayOffer ToOffer(ListingDraft draft, ListingVariantDraft variant, string marketplaceId, Func<string, string?> accountProperty)
    {
        string? Field(string key) => draft.ChannelFields.GetValueOrDefault(key) ?? accountProperty(key);
        return new EbayOffer
        {
            Sku = variant.Sku,
            MarketplaceId = marketplaceId,
            Format = "FIXED_PRICE",
            AvailableQuantity = variant.Quantity,
            CategoryId = draft.CategoryId ?? Field("category_id"),
            ListingDescription = draft.Description,
            ListingDuration = ListingDuration(Field("listing_duration")),
            ListingPolicies = new EbayListingPolicies(Field("fulfillment_policy_id"), Field("payment_policy_id"), Field("return_policy_id")),
            PricingSummary = new EbayPricingSummary(ToAmount(variant.Price)),
            MerchantLocationKey = Field("merchant_location_key"),
        };
    }

    public static EbayPriceQuantity ToPriceQuantity(EbayOfferUpdate update) => new()
    {
        Sku = update.Sku,
        ShipToLocationAvailability = update.Quantity is { } q ? new EbayShipToLocationAvailability(q) : null,
        Offers = update.OfferId is null ? null : [new EbayOfferPriceQuantity(update.OfferId, update.Quantity, update.Price is { } p ? ToAmount(p) : null)],
    };

    public static SkuUpdateResult ToSkuResult(EbayPriceQuantityResult result, string sku)
    {
        if (result.StatusCode is >= 200 and < 300 && (result.Errors is null || result.Errors.Count == 0))
        {
            return SkuUpdateResult.Ok(sku);
        }

        var error = result.Errors?.FirstOrDefault();
        return new SkuUpdateResult(sku, false,
            error?.ErrorId.ToString(CultureInfo.InvariantCulture) ?? result.StatusCode.ToString(CultureInfo.InvariantCulture),
            error?.LongMessage ?? error?.Message ?? $"HTTP {result.StatusCode}");
    }

    public static ChannelListingSnapshot ToSnapshot(EbayInventoryItem item, IReadOnlyList<EbayOffer> offers)
    {
        var sku = item.Sku ?? "";
        var offer = offers.FirstOrDefault(o => o.Status == "PUBLISHED") ?? offers.FirstOrDefault();
        return new ChannelListingSnapshot(
            offer?.Listing?.ListingId ?? sku,
            item.Product?.Title ?? sku,
            offer?.Status ?? "UNPUBLISHED",
            [new ChannelSkuSnapshot(sku, offer?.OfferId, ToMoney(offer?.PricingSummary?.Price),
                offer?.AvailableQuantity ?? item.Availability?.ShipToLocationAvailability?.Quantity)]);
    }
}
