using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon.Dto;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// The SP-API calls this portal makes, one method per operation, in the wire's own shapes. Each request is tagged
/// with account, operation and retry-safety for the shared pipeline; the host comes from the account's region and
/// environment. Feed documents are uploaded and downloaded through <see cref="DocumentsClientName"/>, which carries
/// no Amazon token: the URLs are pre-signed storage URLs.
/// </summary>
public sealed class AmazonClient(HttpClient http, IHttpClientFactory clients, IOptions<AmazonOptions> options)
{
    public const string DocumentsClientName = "Amazon.FeedDocuments";

    /// <summary>
    /// Amazon asks every SP-API caller to name itself as <c>AppName/Version (Language=LanguageName/Version; Platform=OS/Version)</c>
    /// so its support can find an app's calls. https://developer-docs.amazon.com/sp-api/docs/include-a-user-agent-header-in-all-requests
    /// </summary>
    public static string UserAgent { get; } =
        $"SellerPortal/{typeof(AmazonClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"} "
        + $"(Language=csharp/{Environment.Version}; Platform={Platform()}/{Environment.OSVersion.Version})";
    private readonly AmazonOptions settings = options.Value;

    public string MarketplaceId(ChannelAccountContext account) =>
        account.Property("marketplace_id") ?? settings.Region(account.Region).DefaultMarketplaceId;

    public static string SellerId(ChannelAccountContext account) =>
        account.SellerId ?? account.ShopId ?? throw new ChannelValidationException(
            ChannelKind.Amazon, "The Amazon account has no selling partner id; connect it again.", []);

    // Orders API 2026-01-01 (v0's getOrders/getOrder/getOrderItems are no longer read; confirmShipment stays on v0)

    /// <summary>
    /// searchOrders: orders last updated in a window, each with its items, so a page of 100 orders is one call where
    /// v0 needs a getOrderItems per order (Amazon's migration guide). FULFILLMENT carries the status, PROCEEDS the total,
    /// RECIPIENT the address shipping needs; buyer data beyond that is not asked for.
    /// </summary>
    public async Task<AmazonSearchOrdersResponse> SearchOrdersAsync(
        ChannelAccountContext account, DateTime lastUpdatedAfterUtc, DateTime? lastUpdatedBeforeUtc, string? paginationToken, int maxResults, CancellationToken ct)
    {
        var query = new List<string> { "marketplaceIds=" + Esc(MarketplaceId(account)), "includedData=" + Esc(SearchOrdersIncludedData) };
        if (paginationToken is not null)
        {
            query.Add("paginationToken=" + Esc(paginationToken));
        }
        else
        {
            query.Add("lastUpdatedAfter=" + Esc(Iso(lastUpdatedAfterUtc)));
            if (lastUpdatedBeforeUtc is { } before)
            {
                query.Add("lastUpdatedBefore=" + Esc(Iso(before)));
            }

            query.Add("maxResultsPerPage=" + Math.Clamp(maxResults, 1, 100).ToString(CultureInfo.InvariantCulture));
        }

        return await SendAsync<AmazonSearchOrdersResponse>(
            account, HttpMethod.Get, "/orders/2026-01-01/orders?" + string.Join('&', query), null, AmazonRateLimits.SearchOrders, AmazonJson.Web, ct)
            ?? new AmazonSearchOrdersResponse();
    }

    public const string SearchOrdersIncludedData = "FULFILLMENT,PROCEEDS,RECIPIENT";

    /// <summary>getOrder (2026-01-01, 0.5/s, burst 30): one order with its items and the same blocks as the import reads; null when Amazon has none.</summary>
    public async Task<AmazonOrderV2?> GetOrderV2Async(ChannelAccountContext account, string orderId, CancellationToken ct)
    {
        try
        {
            var response = await SendAsync<AmazonGetOrderResponse>(account, HttpMethod.Get,
                $"/orders/2026-01-01/orders/{Esc(orderId)}?includedData={Esc(SearchOrdersIncludedData)}", null, AmazonRateLimits.GetOrderV2, AmazonJson.Web, ct);
            return response?.Order;
        }
        catch (ChannelNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Not retry-safe: a second confirmation of the same package is refused or duplicated.</summary>
    public Task ConfirmShipmentAsync(ChannelAccountContext account, string orderId, AmazonConfirmShipmentRequest body, CancellationToken ct) =>
        SendAsync<JsonElement?>(account, HttpMethod.Post, $"/orders/v0/orders/{Esc(orderId)}/shipmentConfirmation",
            JsonContent.Create(body, options: AmazonJson.Orders), AmazonRateLimits.ConfirmShipment, AmazonJson.Orders, ct);

    // Listings Items API 2021-08-01

    public async Task<ListingsItem?> GetListingsItemAsync(ChannelAccountContext account, string sku, CancellationToken ct)
    {
        try
        {
            return await SendAsync<ListingsItem>(account, HttpMethod.Get,
                $"{ListingsPath(account, sku)}&includedData=summaries,attributes,issues,offers,fulfillmentAvailability",
                null, AmazonRateLimits.GetListingsItem, AmazonJson.Web, ct);
        }
        catch (ChannelNotFoundException)
        {
            return null;
        }
    }

    /// <summary>PUT replaces the whole listing, so a repeat is harmless: retry-safe.</summary>
    public async Task<ListingsItemSubmissionResponse> PutListingsItemAsync(ChannelAccountContext account, string sku, ListingsItemPutRequest body, CancellationToken ct) =>
        (await SendAsync<ListingsItemSubmissionResponse>(account, HttpMethod.Put, ListingsPath(account, sku),
            JsonContent.Create(body, options: AmazonJson.Web), AmazonRateLimits.PutListingsItem, AmazonJson.Web, ct, retrySafe: true))!;

    /// <summary>Our patches are all "replace": repeating one gives the same result, so retry-safe.</summary>
    public async Task<ListingsItemSubmissionResponse> PatchListingsItemAsync(ChannelAccountContext account, string sku, ListingsItemPatchRequest body, CancellationToken ct) =>
        (await SendAsync<ListingsItemSubmissionResponse>(account, HttpMethod.Patch, ListingsPath(account, sku),
            JsonContent.Create(body, options: AmazonJson.Web), AmazonRateLimits.PatchListingsItem, AmazonJson.Web, ct, retrySafe: true))!;

    public async Task<ListingsItemSubmissionResponse> DeleteListingsItemAsync(ChannelAccountContext account, string sku, CancellationToken ct) =>
        (await SendAsync<ListingsItemSubmissionResponse>(account, HttpMethod.Delete, ListingsPath(account, sku),
            null, AmazonRateLimits.DeleteListingsItem, AmazonJson.Web, ct, retrySafe: true))!;

    public async Task<ListingsSearchResponse> SearchListingsItemsAsync(ChannelAccountContext account, string? pageToken, int pageSize, CancellationToken ct)
    {
        var path = $"/listings/2021-08-01/items/{Esc(SellerId(account))}?marketplaceIds={Esc(MarketplaceId(account))}"
            + $"&includedData=summaries,offers,fulfillmentAvailability&pageSize={Math.Clamp(pageSize, 1, 20)}"
            + (pageToken is null ? "" : "&pageToken=" + Esc(pageToken));
        return (await SendAsync<ListingsSearchResponse>(account, HttpMethod.Get, path, null, AmazonRateLimits.SearchListingsItems, AmazonJson.Web, ct))
            ?? new ListingsSearchResponse();
    }

    // Catalog Items API 2022-04-01

    /// <summary>Search by keywords, or by identifiers of one type (ASIN, EAN, UPC, ISBN, SKU).</summary>
    public async Task<CatalogSearchResponse> SearchCatalogItemsAsync(
        ChannelAccountContext account, string? keywords, IReadOnlyList<string>? identifiers, string? identifiersType, string? pageToken, CancellationToken ct)
    {
        var query = new List<string> { "marketplaceIds=" + Esc(MarketplaceId(account)), "includedData=summaries,images,identifiers", "pageSize=20" };
        if (!string.IsNullOrWhiteSpace(keywords))
        {
            query.Add("keywords=" + Esc(keywords));
        }

        if (identifiers is { Count: > 0 })
        {
            query.Add("identifiers=" + Esc(string.Join(',', identifiers)));
            query.Add("identifiersType=" + Esc(identifiersType ?? "ASIN"));
            if (string.Equals(identifiersType, "SKU", StringComparison.OrdinalIgnoreCase))
            {
                query.Add("sellerId=" + Esc(SellerId(account)));
            }
        }

        if (pageToken is not null)
        {
            query.Add("pageToken=" + Esc(pageToken));
        }

        return (await SendAsync<CatalogSearchResponse>(account, HttpMethod.Get, "/catalog/2022-04-01/items?" + string.Join('&', query),
            null, AmazonRateLimits.SearchCatalogItems, AmazonJson.Web, ct)) ?? new CatalogSearchResponse();
    }

    // FBA Inventory API v1

    /// <summary>Amazon accepts at most 50 sellerSkus per getInventorySummaries call.</summary>
    public const int InventorySkusPerCall = 50;

    /// <summary>
    /// One page of FBA inventory summaries with details, at marketplace granularity: either for up to 50 SKUs, or every
    /// SKU changed since <paramref name="startDateTimeUtc"/>. With a nextToken Amazon wants the same filters again.
    /// </summary>
    public async Task<InventorySummariesResponse> GetInventorySummariesAsync(
        ChannelAccountContext account, IReadOnlyList<string>? skus, DateTime? startDateTimeUtc, string? nextToken, CancellationToken ct)
    {
        if (skus is { Count: > InventorySkusPerCall })
        {
            throw new ArgumentOutOfRangeException(nameof(skus), $"getInventorySummaries takes at most {InventorySkusPerCall} SKUs.");
        }

        var marketplace = MarketplaceId(account);
        var query = new List<string>
        {
            "details=true", "granularityType=Marketplace", "granularityId=" + Esc(marketplace), "marketplaceIds=" + Esc(marketplace),
        };
        if (skus is { Count: > 0 })
        {
            query.Add("sellerSkus=" + Esc(string.Join(',', skus)));
        }
        else if (startDateTimeUtc is { } start)
        {
            query.Add("startDateTime=" + Esc(Iso(start)));
        }

        if (nextToken is not null)
        {
            query.Add("nextToken=" + Esc(nextToken));
        }

        return (await SendAsync<InventorySummariesResponse>(account, HttpMethod.Get, "/fba/inventory/v1/summaries?" + string.Join('&', query),
            null, AmazonRateLimits.GetInventorySummaries, AmazonJson.Web, ct)) ?? new InventorySummariesResponse();
    }

    /// <summary>Every summary for <paramref name="skus"/>, 50 SKUs a call, following nextToken.</summary>
    public async Task<IReadOnlyList<InventorySummary>> GetAllInventorySummariesAsync(ChannelAccountContext account, IReadOnlyList<string> skus, CancellationToken ct)
    {
        var all = new List<InventorySummary>();
        foreach (var chunk in skus.Distinct().Chunk(InventorySkusPerCall))
        {
            string? next = null;
            do
            {
                var page = await GetInventorySummariesAsync(account, chunk, null, next, ct);
                all.AddRange(page.Payload?.InventorySummaries ?? []);
                var token = page.Pagination?.NextToken;
                next = string.IsNullOrEmpty(token) || token == next ? null : token;
            }
            while (next is not null);
        }

        return all;
    }

    // Feeds API 2021-06-30

    public async Task<CreateFeedDocumentResponse> CreateFeedDocumentAsync(ChannelAccountContext account, string contentType, CancellationToken ct) =>
        (await SendAsync<CreateFeedDocumentResponse>(account, HttpMethod.Post, "/feeds/2021-06-30/documents",
            JsonContent.Create(new CreateFeedDocumentRequest(contentType), options: AmazonJson.Web), AmazonRateLimits.CreateFeedDocument, AmazonJson.Web, ct))!;

    /// <summary>PUTs the content to the pre-signed URL; no SP-API token may travel to the storage host.</summary>
    public async Task UploadFeedDocumentAsync(string url, string contentType, string content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(content)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await clients.CreateClient(DocumentsClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChannelServerException(ChannelKind.Amazon,
                $"Amazon feed document upload failed with HTTP {(int)response.StatusCode}.", httpStatus: (int)response.StatusCode);
        }
    }

    public async Task<CreateFeedResponse> CreateFeedAsync(ChannelAccountContext account, CreateFeedRequest body, CancellationToken ct) =>
        (await SendAsync<CreateFeedResponse>(account, HttpMethod.Post, "/feeds/2021-06-30/feeds",
            JsonContent.Create(body, options: AmazonJson.Web), AmazonRateLimits.CreateFeed, AmazonJson.Web, ct))!;

    public async Task<AmazonFeed> GetFeedAsync(ChannelAccountContext account, string feedId, CancellationToken ct) =>
        (await SendAsync<AmazonFeed>(account, HttpMethod.Get, $"/feeds/2021-06-30/feeds/{Esc(feedId)}",
            null, AmazonRateLimits.GetFeed, AmazonJson.Web, ct))!;

    public async Task<FeedDocument> GetFeedDocumentAsync(ChannelAccountContext account, string feedDocumentId, CancellationToken ct) =>
        (await SendAsync<FeedDocument>(account, HttpMethod.Get, $"/feeds/2021-06-30/documents/{Esc(feedDocumentId)}",
            null, AmazonRateLimits.GetFeedDocument, AmazonJson.Web, ct))!;

    /// <summary>
    /// Downloads a document Amazon wrote. When getFeedDocument named <c>compressionAlgorithm: GZIP</c> the bytes are
    /// gzip and are unpacked here: read as text they are no JSON at all and every per-SKU outcome would be lost.
    /// https://developer-docs.amazon.com/sp-api/reference/getfeeddocument
    /// </summary>
    public async Task<string> DownloadDocumentAsync(string url, string? compressionAlgorithm, CancellationToken ct)
    {
        using var response = await clients.CreateClient(DocumentsClientName).GetAsync(url, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new ChannelServerException(ChannelKind.Amazon,
                $"Amazon report download failed with HTTP {(int)response.StatusCode}.", httpStatus: (int)response.StatusCode);
        }

        if (compressionAlgorithm is null)
        {
            return await response.Content.ReadAsStringAsync(ct);
        }

        if (!string.Equals(compressionAlgorithm, "GZIP", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelServerException(ChannelKind.Amazon,
                $"Amazon sent a document compressed with {compressionAlgorithm}, which this portal cannot read.", httpStatus: null);
        }

        await using var packed = await response.Content.ReadAsStreamAsync(ct);
        await using var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private string ListingsPath(ChannelAccountContext account, string sku) =>
        $"/listings/2021-08-01/items/{Esc(SellerId(account))}/{Esc(sku)}?marketplaceIds={Esc(MarketplaceId(account))}";

    private async Task<T?> SendAsync<T>(
        ChannelAccountContext account, HttpMethod method, string pathAndQuery, HttpContent? content, string operation,
        JsonSerializerOptions json, CancellationToken ct, bool retrySafe = false)
    {
        var baseUrl = settings.ApiBaseUrl(account.Region, account.Environment).ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(method, baseUrl + pathAndQuery) { Content = content }
            .For(account, operation, retrySafe);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return await http.SendAsync(ChannelKind.Amazon, request, async (response, ct) =>
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await AmazonErrors.FromResponseAsync(response, operation, ct);
            }

            if (response.Content.Headers.ContentLength == 0 || response.StatusCode == System.Net.HttpStatusCode.NoContent)
            {
                return default;
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, json);
        }, ct);
    }

    private static string Platform() =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsLinux() ? "Linux" : "Other";

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Iso(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
