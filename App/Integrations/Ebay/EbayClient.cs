using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// The eBay Sell API calls this portal makes, one method per operation, in the wire's shapes. Each request is tagged
/// for the shared pipeline; the host follows the account's environment (production or sandbox keyset).
/// </summary>
public sealed class EbayClient(HttpClient http, IOptions<EbayOptions> options)
{
    /// <summary>eBay accepts at most 25 requests per bulk_update_price_quantity call (ebay.md, "Inventory API").</summary>
    public const int BulkPriceQuantityLimit = 25;

    /// <summary>getOrders answers at most 200 per page; more is an error (ebay.md, "Fulfillment API").</summary>
    public const int OrdersPageLimit = 200;

    private const string Inventory = "/sell/inventory/v1";
    private const string Fulfillment = "/sell/fulfillment/v1";
    private const string Account = "/sell/account/v1";
    private readonly EbayOptions settings = options.Value;

    public string MarketplaceId(ChannelAccountContext account) => account.Property("marketplace_id") ?? settings.MarketplaceId;

    /// <summary>PUT creates or replaces the item: retry-safe.</summary>
    public Task PutInventoryItemAsync(ChannelAccountContext account, string sku, EbayInventoryItem item, CancellationToken ct) =>
        SendAsync<JsonElement?>(account, HttpMethod.Put, $"{Inventory}/inventory_item/{Esc(sku)}", Json(item), "createOrReplaceInventoryItem", ct,
            retrySafe: true, contentLanguage: true);

    public async Task<EbayInventoryItem?> GetInventoryItemAsync(ChannelAccountContext account, string sku, CancellationToken ct)
    {
        try
        {
            return await SendAsync<EbayInventoryItem>(account, HttpMethod.Get, $"{Inventory}/inventory_item/{Esc(sku)}", null, "getInventoryItem", ct);
        }
        catch (ChannelNotFoundException)
        {
            return null;
        }
    }

    public async Task<EbayInventoryItemsPage> GetInventoryItemsAsync(ChannelAccountContext account, int limit, int offset, CancellationToken ct) =>
        await SendAsync<EbayInventoryItemsPage>(account, HttpMethod.Get,
            $"{Inventory}/inventory_item?limit={limit.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}",
            null, "getInventoryItems", ct) ?? new EbayInventoryItemsPage();

    /// <summary>Not retry-safe: a repeat would try a second offer for the SKU.</summary>
    public async Task<string> CreateOfferAsync(ChannelAccountContext account, EbayOffer offer, CancellationToken ct) =>
        (await SendAsync<EbayOfferIdResponse>(account, HttpMethod.Post, $"{Inventory}/offer", Json(offer), "createOffer", ct, contentLanguage: true))!.OfferId;

    /// <summary>
    /// updateOffer takes EbayOfferDetailsWithId: the offer's details without its keys (sku, marketplaceId, format) or
    /// what eBay sets (offerId, status, listing)
    /// (https://developer.ebay.com/api-docs/sell/inventory/resources/offer/methods/updateOffer).
    /// </summary>
    public Task UpdateOfferAsync(ChannelAccountContext account, string offerId, EbayOffer offer, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToNode(offer, EbayJson.Options)!.AsObject();
        foreach (var key in new[] { "sku", "marketplaceId", "format", "offerId", "status", "listing" })
        {
            body.Remove(key);
        }

        return SendAsync<JsonElement?>(account, HttpMethod.Put, $"{Inventory}/offer/{Esc(offerId)}", JsonContent.Create(body, options: EbayJson.Options),
            "updateOffer", ct, retrySafe: true, contentLanguage: true);
    }

    public async Task<IReadOnlyList<EbayOffer>> GetOffersAsync(ChannelAccountContext account, string sku, CancellationToken ct)
    {
        try
        {
            return (await SendAsync<EbayOffersPage>(account, HttpMethod.Get, $"{Inventory}/offer?sku={Esc(sku)}", null, "getOffers", ct))?.Offers ?? [];
        }
        catch (ChannelNotFoundException)
        {
            return [];
        }
    }

    public async Task<string> PublishOfferAsync(ChannelAccountContext account, string offerId, CancellationToken ct) =>
        (await SendAsync<EbayListingIdResponse>(account, HttpMethod.Post, $"{Inventory}/offer/{Esc(offerId)}/publish", null, "publishOffer", ct))!.ListingId;

    public Task WithdrawOfferAsync(ChannelAccountContext account, string offerId, CancellationToken ct) =>
        SendAsync<JsonElement?>(account, HttpMethod.Post, $"{Inventory}/offer/{Esc(offerId)}/withdraw", null, "withdrawOffer", ct, retrySafe: true);

    /// <summary>Sets absolute values, so a repeat is harmless: retry-safe. 200, or 207 when some SKUs failed.</summary>
    public async Task<IReadOnlyList<EbayPriceQuantityResult>> BulkUpdatePriceQuantityAsync(
        ChannelAccountContext account, IReadOnlyList<EbayPriceQuantity> requests, CancellationToken ct)
    {
        if (requests.Count is 0 or > BulkPriceQuantityLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(requests), requests.Count, $"eBay accepts 1 to {BulkPriceQuantityLimit} requests per call.");
        }

        return (await SendAsync<EbayBulkPriceQuantityResponse>(account, HttpMethod.Post, $"{Inventory}/bulk_update_price_quantity",
            Json(new EbayBulkPriceQuantityRequest(requests)), "bulkUpdatePriceQuantity", ct, retrySafe: true))?.Responses ?? [];
    }

    public async Task<EbayOrdersPage> GetOrdersAsync(
        ChannelAccountContext account, DateTime modifiedSinceUtc, DateTime? modifiedUntilUtc, int limit, int offset, CancellationToken ct)
    {
        // Brackets URL-encoded as eBay asks; the colon after the field name stays literal.
        var filter = $"lastmodifieddate:%5B{Iso(modifiedSinceUtc)}..{(modifiedUntilUtc is { } until ? Iso(until) : "")}%5D";
        var path = $"{Fulfillment}/order?filter={filter}&limit={Math.Clamp(limit, 1, OrdersPageLimit).ToString(CultureInfo.InvariantCulture)}"
            + $"&offset={offset.ToString(CultureInfo.InvariantCulture)}";
        return await SendAsync<EbayOrdersPage>(account, HttpMethod.Get, path, null, "getOrders", ct) ?? new EbayOrdersPage();
    }

    public async Task<EbayOrder?> GetOrderAsync(ChannelAccountContext account, string orderId, CancellationToken ct)
    {
        try
        {
            return await SendAsync<EbayOrder>(account, HttpMethod.Get, $"{Fulfillment}/order/{Esc(orderId)}", null, "getOrder", ct);
        }
        catch (ChannelNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Not retry-safe: each call records another fulfillment.</summary>
    public Task CreateShippingFulfillmentAsync(ChannelAccountContext account, string orderId, EbayShippingFulfillmentRequest body, CancellationToken ct) =>
        SendAsync<JsonElement?>(account, HttpMethod.Post, $"{Fulfillment}/order/{Esc(orderId)}/shipping_fulfillment", Json(body), "createShippingFulfillment", ct);

    /// <summary>getFulfillmentPolicies (Account API v1): the seller's shipping policies on the marketplace.</summary>
    public async Task<IReadOnlyList<EbayFulfillmentPolicy>> GetFulfillmentPoliciesAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EbayFulfillmentPolicies>(account, HttpMethod.Get, $"{Account}/fulfillment_policy?marketplace_id={Esc(MarketplaceId(account))}",
            null, "getFulfillmentPolicies", ct))?.FulfillmentPolicies ?? [];

    public async Task<IReadOnlyList<EbayPaymentPolicy>> GetPaymentPoliciesAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EbayPaymentPolicies>(account, HttpMethod.Get, $"{Account}/payment_policy?marketplace_id={Esc(MarketplaceId(account))}",
            null, "getPaymentPolicies", ct))?.PaymentPolicies ?? [];

    public async Task<IReadOnlyList<EbayReturnPolicy>> GetReturnPoliciesAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EbayReturnPolicies>(account, HttpMethod.Get, $"{Account}/return_policy?marketplace_id={Esc(MarketplaceId(account))}",
            null, "getReturnPolicies", ct))?.ReturnPolicies ?? [];

    /// <summary>getInventoryLocations (Inventory API v1), first page of up to 100.</summary>
    public async Task<IReadOnlyList<EbayLocationResponse>> GetInventoryLocationsAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EbayLocations>(account, HttpMethod.Get, $"{Inventory}/location?limit=100&offset=0", null, "getInventoryLocations", ct))?.Locations ?? [];

    /// <summary>createInventoryLocation: 204; a repeat with the same key is refused by eBay, so not retried blindly.</summary>
    public Task CreateInventoryLocationAsync(ChannelAccountContext account, string merchantLocationKey, EbayInventoryLocation location, CancellationToken ct) =>
        SendAsync<JsonElement?>(account, HttpMethod.Post, $"{Inventory}/location/{Esc(merchantLocationKey)}", Json(location), "createInventoryLocation", ct);

    public static string Iso(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task<T?> SendAsync<T>(
        ChannelAccountContext account, HttpMethod method, string pathAndQuery, HttpContent? content, string operation, CancellationToken ct,
        bool retrySafe = false, bool contentLanguage = false)
    {
        var baseUrl = settings.For(account.Environment).ApiBaseUrl.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(method, baseUrl + pathAndQuery) { Content = content }.For(account, operation, retrySafe);
        request.Headers.TryAddWithoutValidation("X-EBAY-C-MARKETPLACE-ID", MarketplaceId(account));
        if (contentLanguage && content is not null)
        {
            content.Headers.ContentLanguage.Add(settings.ContentLanguage);
        }

        return await http.SendAsync(ChannelKind.Ebay, request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await EbayErrors.FromResponseAsync(response, operation, ct);
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, EbayJson.Options);
        }, ct);
    }

    private static JsonContent Json<T>(T body) => JsonContent.Create(body, options: EbayJson.Options);

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
