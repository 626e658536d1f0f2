using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop Partner API (version 202309 paths), one method per call we make. Signing and the token are added by
/// <see cref="TikTokShopSigningMessageHandler"/>; every answer is unwrapped from TikTok's envelope, and a non-zero code
/// becomes the matching <see cref="ChannelException"/>.
/// </summary>
public sealed class TikTokShopClient
{
    /// <summary>The name of the underlying client (pipeline and signing handler).</summary>
    public const string HttpClientName = "TikTokShop.Api";

    /// <summary>TikTok's page size limit for search calls.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Order detail takes up to 50 ids per call.</summary>
    public const int MaxOrderIdsPerCall = 50;

    /// <summary>The image upload path, relative to the API base (app-scoped: sent without shop_cipher).</summary>
    public const string ImageUploadPath = "product/202309/images/upload";

    private readonly HttpClient http;

    public TikTokShopClient(HttpClient http, IOptionsMonitor<TikTokShopOptions> options)
    {
        this.http = http;
        http.BaseAddress ??= options.CurrentValue.ApiBase;
    }

    public Task<TikTokAuthorizedShops> GetAuthorizedShopsAsync(ChannelAccountContext account, CancellationToken ct) =>
        SendAsync<TikTokAuthorizedShops>(Request(HttpMethod.Get, "authorization/202309/shops", account, "GetAuthorizedShops"), ct);

    /// <summary>Shops for a token that is not stored yet (while completing the connect flow).</summary>
    public Task<TikTokAuthorizedShops> GetAuthorizedShopsAsync(ChannelAccountContext account, string accessToken, CancellationToken ct)
    {
        var request = Request(HttpMethod.Get, "authorization/202309/shops", account, "GetAuthorizedShops");
        request.Options.Set(TikTokShopSigningMessageHandler.AccessTokenOverride, accessToken);
        return SendAsync<TikTokAuthorizedShops>(request, ct);
    }

    public Task<TikTokProductSearchResult> SearchProductsAsync(
        ChannelAccountContext account, TikTokProductSearchRequest filter, int pageSize, string? pageToken, CancellationToken ct) =>
        SendAsync<TikTokProductSearchResult>(
            Request(HttpMethod.Post, "product/202309/products/search" + Paging(pageSize, pageToken), account, "SearchProducts", filter, retrySafe: true), ct);

    public Task<TikTokProduct> GetProductAsync(ChannelAccountContext account, string productId, CancellationToken ct) =>
        SendAsync<TikTokProduct>(Request(HttpMethod.Get, $"product/202309/products/{Uri.EscapeDataString(productId)}", account, "GetProduct"), ct);

    /// <summary>Create carries an idempotency_key when the mapper set one, so a retry cannot create a twin.</summary>
    public Task<TikTokProductWriteResult> CreateProductAsync(ChannelAccountContext account, TikTokProductRequest product, CancellationToken ct) =>
        SendAsync<TikTokProductWriteResult>(
            Request(HttpMethod.Post, "product/202309/products", account, "CreateProduct", product, retrySafe: product.IdempotencyKey is not null), ct);

    /// <summary>A full edit: TikTok deletes the SKUs the body leaves out.</summary>
    public Task<TikTokProductWriteResult> EditProductAsync(ChannelAccountContext account, string productId, TikTokProductRequest product, CancellationToken ct) =>
        SendAsync<TikTokProductWriteResult>(
            Request(HttpMethod.Put, $"product/202309/products/{Uri.EscapeDataString(productId)}", account, "EditProduct", product, retrySafe: true), ct);

    public Task<TikTokPartialResult> ActivateProductsAsync(ChannelAccountContext account, IReadOnlyList<string> productIds, CancellationToken ct) =>
        SendAsync<TikTokPartialResult>(
            Request(HttpMethod.Post, "product/202309/products/activate", account, "ActivateProducts", new TikTokProductIds(productIds), retrySafe: true), ct);

    public Task<TikTokPartialResult> DeactivateProductsAsync(ChannelAccountContext account, IReadOnlyList<string> productIds, CancellationToken ct) =>
        SendAsync<TikTokPartialResult>(
            Request(HttpMethod.Post, "product/202309/products/deactivate", account, "DeactivateProducts", new TikTokProductIds(productIds), retrySafe: true), ct);

    /// <summary>All SKUs of one product, every warehouse of each SKU (absolute quantities: safe to retry).</summary>
    public Task<TikTokPartialResult> UpdateInventoryAsync(ChannelAccountContext account, string productId, TikTokInventoryUpdate body, CancellationToken ct) =>
        SendAsync<TikTokPartialResult>(
            Request(HttpMethod.Post, $"product/202309/products/{Uri.EscapeDataString(productId)}/inventory/update", account, "UpdateInventory", body, retrySafe: true), ct);

    public Task<TikTokEmpty> UpdatePricesAsync(ChannelAccountContext account, string productId, TikTokPriceUpdate body, CancellationToken ct) =>
        SendAsync<TikTokEmpty>(
            Request(HttpMethod.Post, $"product/202309/products/{Uri.EscapeDataString(productId)}/prices/update", account, "UpdatePrices", body, retrySafe: true), ct);

    /// <summary>
    /// POST /product/202309/images/upload: multipart/form-data, the picture in field <c>data</c> and its
    /// <c>use_case</c>; the sign leaves the multipart body out, and no shop_cipher is sent (the image belongs to the
    /// app, not a shop). https://partner.tiktokshop.com/docv2/page/upload-product-image-202309
    /// </summary>
    public Task<TikTokUploadedImage> UploadProductImageAsync(
        ChannelAccountContext account, byte[] image, string fileName, string mediaType, string useCase, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ImageUploadPath).For(account, "UploadProductImage", retrySafe: true);
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Content = new MultipartFormDataContent { { file, "data", fileName }, { new StringContent(useCase), "use_case" } };
        return SendAsync<TikTokUploadedImage>(request, ct);
    }

    public Task<TikTokWarehouses> GetWarehousesAsync(ChannelAccountContext account, CancellationToken ct) =>
        SendAsync<TikTokWarehouses>(Request(HttpMethod.Get, "logistics/202309/warehouses", account, "GetWarehouses"), ct);

    /// <summary>Orders in a time window, sorted by update time (oldest first) so a watermark can follow the pages.</summary>
    public Task<TikTokOrderSearchResult> SearchOrdersAsync(
        ChannelAccountContext account, TikTokOrderSearchRequest filter, int pageSize, string? pageToken, CancellationToken ct) =>
        SendAsync<TikTokOrderSearchResult>(
            Request(HttpMethod.Post, "order/202309/orders/search" + Paging(pageSize, pageToken) + "&sort_field=update_time&sort_order=ASC",
                account, "SearchOrders", filter, retrySafe: true), ct);

    public Task<TikTokOrderList> GetOrdersAsync(ChannelAccountContext account, IReadOnlyList<string> orderIds, CancellationToken ct)
    {
        if (orderIds.Count is 0 or > MaxOrderIdsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(orderIds), $"Order detail takes 1 to {MaxOrderIdsPerCall} ids.");
        }

        var ids = Uri.EscapeDataString(string.Join(',', orderIds));
        return SendAsync<TikTokOrderList>(Request(HttpMethod.Get, $"order/202309/orders?ids={ids}", account, "GetOrderDetail"), ct);
    }

    public Task<TikTokShippingProviders> GetShippingProvidersAsync(ChannelAccountContext account, string deliveryOptionId, CancellationToken ct) =>
        SendAsync<TikTokShippingProviders>(
            Request(HttpMethod.Get, $"logistics/202309/delivery_options/{Uri.EscapeDataString(deliveryOptionId)}/shipping_providers", account, "GetShippingProviders"), ct);

    /// <summary>Marks order lines shipped with our own carrier; not retried blindly (a second call would fail or split).</summary>
    public Task<TikTokMarkShippedResult> MarkShippedAsync(ChannelAccountContext account, string orderId, TikTokMarkShippedRequest body, CancellationToken ct) =>
        SendAsync<TikTokMarkShippedResult>(
            Request(HttpMethod.Post, $"fulfillment/202309/orders/{Uri.EscapeDataString(orderId)}/packages", account, "MarkPackageShipped", body), ct);

    public Task<TikTokEmpty> ShipPackageAsync(ChannelAccountContext account, string packageId, TikTokShipPackageRequest body, CancellationToken ct) =>
        SendAsync<TikTokEmpty>(
            Request(HttpMethod.Post, $"fulfillment/202309/packages/{Uri.EscapeDataString(packageId)}/ship", account, "ShipPackage", body), ct);

    public Task<TikTokEmpty> UpdateShippingInfoAsync(ChannelAccountContext account, string orderId, TikTokShippingInfoUpdate body, CancellationToken ct) =>
        SendAsync<TikTokEmpty>(
            Request(HttpMethod.Post, $"fulfillment/202309/orders/{Uri.EscapeDataString(orderId)}/shipping_info/update", account, "UpdateShippingInfo", body, retrySafe: true), ct);

    private static string Paging(int pageSize, string? pageToken)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize).ToString(CultureInfo.InvariantCulture);
        return pageToken is null ? $"?page_size={size}" : $"?page_size={size}&page_token={Uri.EscapeDataString(pageToken)}";
    }

    private static HttpRequestMessage Request(
        HttpMethod method, string relativeUri, ChannelAccountContext account, string operation, object? body = null, bool retrySafe = false)
    {
        var request = new HttpRequestMessage(method, relativeUri).For(account, operation, retrySafe);
        if (body is not null)
        {
            // Serialized once: the signing handler signs exactly this string.
            var json = JsonSerializer.Serialize(body, body.GetType(), TikTokJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
        where T : new()
    {
        using (request)
        {
            return await http.SendAsync(ChannelKind.TikTokShop, request, async (response, ct) =>
                Unwrap<T>(await response.Content.ReadAsStringAsync(ct), (int)response.StatusCode, response.Headers.RetryAfter), ct);
        }
    }

    /// <summary>Unwraps an envelope; anything but code 0 with a success status throws.</summary>
    internal static T Unwrap<T>(string text, int httpStatus, RetryConditionHeaderValue? retryAfterHeader = null)
        where T : new()
    {
        TikTokEnvelope<T>? envelope = null;
        try
        {
            envelope = text.Length == 0 ? null : JsonSerializer.Deserialize<TikTokEnvelope<T>>(text, TikTokJson.Options);
        }
        catch (JsonException)
        {
            // Not TikTok's envelope (a gateway page): judged by the HTTP status below.
        }

        var retryAfter = retryAfterHeader?.Delta;
        if (envelope is null)
        {
            throw TikTokShopErrors.ToException(httpStatus >= 500 ? TikTokShopErrors.InternalError : -1,
                $"unexpected answer (HTTP {httpStatus})", null, httpStatus < 400 ? 502 : httpStatus, retryAfter);
        }

        if (envelope.Code != 0 || httpStatus >= 400)
        {
            throw TikTokShopErrors.ToException(envelope.Code, envelope.Message, envelope.RequestId, httpStatus, retryAfter);
        }

        return envelope.Data ?? new T();
    }
}
