using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Etsy.Dto;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// The Etsy Open API v3 calls this portal makes, one method per operation, in the wire's shapes: form-encoded writes
/// (listings, tracking), JSON for the inventory, and <c>x-api-key</c> on every call. Each request is tagged for the
/// shared pipeline, whose token handler adds the seller's bearer token.
/// </summary>
public sealed class EtsyClient(HttpClient http, IOptions<EtsyOptions> options)
{
    /// <summary>getListingsByShop and getShopReceipts answer at most 100 a page.</summary>
    public const int PageLimit = 100;

    private const string V3 = "/v3/application";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public Task<EtsySelf> GetMeAsync(ChannelAccountContext account, CancellationToken ct) =>
        SendAsync<EtsySelf>(account, HttpMethod.Get, $"{V3}/users/me", null, "getMe", ct, retrySafe: true);

    /// <summary>Not retry-safe: a repeat would make a second draft.</summary>
    public Task<EtsyListing> CreateDraftListingAsync(ChannelAccountContext account, IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        SendAsync<EtsyListing>(account, HttpMethod.Post, $"{V3}/shops/{Shop(account)}/listings", new FormUrlEncodedContent(form), "createDraftListing", ct);

    /// <summary>Sets the given fields: a repeat sets them again, so retry-safe.</summary>
    public Task<EtsyListing> UpdateListingAsync(ChannelAccountContext account, long listingId, IReadOnlyDictionary<string, string> form, CancellationToken ct) =>
        SendAsync<EtsyListing>(account, HttpMethod.Patch, $"{V3}/shops/{Shop(account)}/listings/{Id(listingId)}", new FormUrlEncodedContent(form),
            "updateListing", ct, retrySafe: true);

    public Task<EtsyListingsPage> GetListingsByShopAsync(ChannelAccountContext account, string state, int limit, int offset, CancellationToken ct) =>
        SendAsync<EtsyListingsPage>(account, HttpMethod.Get,
            $"{V3}/shops/{Shop(account)}/listings?state={state}&limit={Id(Math.Clamp(limit, 1, PageLimit))}&offset={Id(offset)}", null, "getListingsByShop", ct,
            retrySafe: true);

    public Task<EtsyInventory> GetListingInventoryAsync(ChannelAccountContext account, long listingId, CancellationToken ct) =>
        SendAsync<EtsyInventory>(account, HttpMethod.Get, $"{V3}/listings/{Id(listingId)}/inventory", null, "getListingInventory", ct, retrySafe: true);

    /// <summary>A full replace of the listing's products: repeating it leaves the same inventory, so retry-safe.</summary>
    public Task<EtsyInventory> UpdateListingInventoryAsync(ChannelAccountContext account, long listingId, EtsyInventoryUpdate inventory, CancellationToken ct) =>
        SendAsync<EtsyInventory>(account, HttpMethod.Put, $"{V3}/listings/{Id(listingId)}/inventory", JsonContent.Create(inventory, options: Json),
            "updateListingInventory", ct, retrySafe: true);

    public Task<EtsyReceiptsPage> GetShopReceiptsAsync(ChannelAccountContext account, long minLastModified, long? maxLastModified, int limit, int offset, CancellationToken ct)
    {
        var query = $"min_last_modified={Id(minLastModified)}" + (maxLastModified is { } max ? $"&max_last_modified={Id(max)}" : "")
            + $"&sort_on=updated&sort_order=asc&limit={Id(Math.Clamp(limit, 1, PageLimit))}&offset={Id(offset)}";
        return SendAsync<EtsyReceiptsPage>(account, HttpMethod.Get, $"{V3}/shops/{Shop(account)}/receipts?{query}", null, "getShopReceipts", ct, retrySafe: true);
    }

    public async Task<EtsyReceipt?> GetShopReceiptAsync(ChannelAccountContext account, string receiptId, CancellationToken ct)
    {
        try
        {
            return await SendAsync<EtsyReceipt>(account, HttpMethod.Get, $"{V3}/shops/{Shop(account)}/receipts/{Uri.EscapeDataString(receiptId)}", null,
                "getShopReceipt", ct, retrySafe: true);
        }
        catch (ChannelNotFoundException)
        {
            return null;
        }
    }

    public Task<EtsyListingImagesPage> GetListingImagesAsync(ChannelAccountContext account, long listingId, CancellationToken ct) =>
        SendAsync<EtsyListingImagesPage>(account, HttpMethod.Get, $"{V3}/listings/{Id(listingId)}/images", null, "getListingImages", ct, retrySafe: true);

    /// <summary>uploadListingImage, multipart with the file in <c>image</c>. Not retry-safe: a repeat would add the picture twice.</summary>
    public Task<EtsyListingImage> UploadListingImageAsync(ChannelAccountContext account, long listingId, ChannelImage image, int rank, CancellationToken ct)
    {
        var file = new ByteArrayContent(image.Bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(image.MediaType);
        var form = new MultipartFormDataContent { { file, "image", image.FileName }, { new StringContent(Id(rank)), "rank" } };
        return SendAsync<EtsyListingImage>(account, HttpMethod.Post, $"{V3}/shops/{Shop(account)}/listings/{Id(listingId)}/images", form, "uploadListingImage", ct);
    }

    /// <summary>The shop's shipping profiles, set up in Shop Manager (needs the shops_r scope).</summary>
    public async Task<IReadOnlyList<EtsyShippingProfile>> GetShippingProfilesAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EtsyShippingProfilesPage>(account, HttpMethod.Get, $"{V3}/shops/{Shop(account)}/shipping-profiles", null, "getShopShippingProfiles", ct,
            retrySafe: true)).Results;

    /// <summary>The shop's return policies (needs the shops_r scope).</summary>
    public async Task<IReadOnlyList<EtsyReturnPolicy>> GetReturnPoliciesAsync(ChannelAccountContext account, CancellationToken ct) =>
        (await SendAsync<EtsyReturnPoliciesPage>(account, HttpMethod.Get, $"{V3}/shops/{Shop(account)}/policies/return", null, "getShopReturnPolicies", ct,
            retrySafe: true)).Results;

    /// <summary>Not retry-safe: a repeat would add the shipment twice.</summary>
    public Task<EtsyReceipt> CreateReceiptShipmentAsync(ChannelAccountContext account, string receiptId, string carrier, string trackingCode, CancellationToken ct) =>
        SendAsync<EtsyReceipt>(account, HttpMethod.Post, $"{V3}/shops/{Shop(account)}/receipts/{Uri.EscapeDataString(receiptId)}/tracking",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["tracking_code"] = trackingCode, ["carrier_name"] = carrier }), "createReceiptShipment", ct);

    private async Task<T> SendAsync<T>(ChannelAccountContext account, HttpMethod method, string path, HttpContent? content, string operation,
        CancellationToken ct, bool retrySafe = false)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(method, new Uri(settings.ApiBaseUrl.ToString().TrimEnd('/') + path)) { Content = content }.For(account, operation, retrySafe);
        request.Headers.TryAddWithoutValidation("x-api-key", settings.ApiKey);
        return await http.SendAsync(ChannelKind.Etsy, request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await EtsyErrors.FromResponseAsync(response, operation, ct);
            }

            return (await response.Content.ReadFromJsonAsync<T>(Json, ct))
                ?? throw new ChannelServerException(ChannelKind.Etsy, $"Etsy {operation} answered without a body.");
        }, ct);
    }

    private static string Shop(ChannelAccountContext account) =>
        account.ShopId ?? throw new InvalidOperationException("The Etsy account has no shop id; connect it again.");

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Etsy's ErrorSchema (<c>{"error":"…"}</c>) as the typed exception its status means.</summary>
internal static class EtsyErrors
{
    public static async Task<ChannelException> FromResponseAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize<EtsyError>(body)?.Error;
        }
        catch (JsonException)
        {
        }

        var text = $"Etsy refused {operation}: {message ?? "HTTP " + (int)response.StatusCode}.";
        // A token Etsy no longer takes (revoked, or the refresh failed) needs the seller's consent again.
        return ChannelErrors.FromResponse(ChannelKind.Etsy, response, message, text,
            requiresReauthorization: response.StatusCode == HttpStatusCode.Unauthorized && message == "invalid_token");
    }
}
