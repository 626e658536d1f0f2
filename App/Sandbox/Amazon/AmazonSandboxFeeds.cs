using System.Globalization;
using System.Text;
using System.Text.Json;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxCollections;
using static SellerPortal.Sandbox.Amazon.AmazonSandboxGate;

namespace SellerPortal.Sandbox.Amazon;

/// <summary>
/// Feeds API 2021-06-30 with JSON_LISTINGS_FEED processing, and the pre-signed storage URLs the documents travel by
/// (no SP-API token there: the signature in the URL is the credential, valid five minutes). A feed is IN_QUEUE when
/// created, IN_PROGRESS at the first poll and DONE, with its processing report, at the next.
/// </summary>
internal static class AmazonSandboxFeeds
{
    public static void Map(RouteGroupBuilder amazon)
    {
        amazon.MapPost("/feeds/2021-06-30/documents", CreateDocumentAsync).Operation(AmazonSandboxUsagePlans.CreateFeedDocument);
        amazon.MapGet("/feeds/2021-06-30/documents/{feedDocumentId}", GetDocumentAsync).Operation(AmazonSandboxUsagePlans.GetFeedDocument);
        amazon.MapPost("/feeds/2021-06-30/feeds", CreateFeedAsync).Operation(AmazonSandboxUsagePlans.CreateFeed);
        amazon.MapGet("/feeds/2021-06-30/feeds/{feedId}", GetFeedAsync).Operation(AmazonSandboxUsagePlans.GetFeed);
        amazon.MapPut("/_storage/{documentId}", UploadAsync);
        amazon.MapGet("/_storage/{documentId}", DownloadAsync);
    }

    private static async Task<IResult> CreateDocumentAsync(HttpContext http, SandboxStore store, TimeProvider time)
    {
        var (body, problem) = await AmazonSandboxRequests.ReadAsync<AmazonWireCreateFeedDocument>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body!.ContentType))
        {
            return Error(400, "InvalidInput", "contentType is required.");
        }

        // Only the feed formats Amazon takes; a document is later served back with its type, so no other type is stored.
        if (!FeedContentTypes.Contains(body.ContentType))
        {
            return Error(400, "InvalidInput", $"contentType {body.ContentType} is not a supported feed content type.");
        }

        var document = NewDocument(http.Seller(), body.ContentType, null, time);
        await store.PutAsync(Channel, Documents, document.Id, document);
        return Results.Json(new AmazonWireFeedDocumentCreated(document.Id, StorageUrl(http, document)), AmazonSandboxJson.Options, statusCode: 201);
    }

    private static async Task<IResult> GetDocumentAsync(HttpContext http, string feedDocumentId, SandboxStore store, TimeProvider time)
    {
        var document = await store.GetAsync<SandboxFeedDocument>(Channel, Documents, feedDocumentId);
        if (document is null || document.SellerId != http.Seller())
        {
            return Error(404, "NotFound", $"Feed document {feedDocumentId} was not found.");
        }

        // Each answer signs a fresh download URL, valid five minutes.
        var renewed = document with { Signature = AmazonSandboxAuth.Token(16), UrlExpiresUtc = time.GetUtcNow().UtcDateTime.AddMinutes(5) };
        await store.PutAsync(Channel, Documents, renewed.Id, renewed);
        return Results.Json(new AmazonWireFeedDocument(renewed.Id, StorageUrl(http, renewed), renewed.CompressionAlgorithm), AmazonSandboxJson.Options);
    }

    private static async Task<IResult> CreateFeedAsync(HttpContext http, SandboxStore store, TimeProvider time)
    {
        var (body, problem) = await AmazonSandboxRequests.ReadAsync<AmazonWireCreateFeed>(http);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body!.FeedType) || body.MarketplaceIds is not { Count: > 0 } || string.IsNullOrEmpty(body.InputFeedDocumentId))
        {
            return Error(400, "InvalidInput", "feedType, marketplaceIds and inputFeedDocumentId are required.");
        }

        if (body.FeedType != "JSON_LISTINGS_FEED")
        {
            return Error(400, "InvalidInput", $"Feed type {body.FeedType} is not supported by this sandbox.");
        }

        var input = await store.GetAsync<SandboxFeedDocument>(Channel, Documents, body.InputFeedDocumentId);
        if (input is null || input.SellerId != http.Seller() || input.Content is null)
        {
            return Error(400, "InvalidInput", "inputFeedDocumentId does not name an uploaded feed document.");
        }

        var feedId = (50_000_000_000L + Random.Shared.NextInt64(1, 9_999_999_999L)).ToString(CultureInfo.InvariantCulture);
        var feed = new AmazonWireFeed
        {
            FeedId = feedId,
            FeedType = body.FeedType,
            MarketplaceIds = body.MarketplaceIds,
            CreatedTime = AmazonSandboxJson.Utc(time.GetUtcNow().UtcDateTime),
            ProcessingStatus = "IN_QUEUE",
        };
        await store.PutAsync(Channel, Feeds, feedId, new SandboxFeed(http.Seller(), feed, input.Id));
        await CountAsync(store, "feeds");
        return Results.Json(new AmazonWireFeedCreated(feedId), AmazonSandboxJson.Options, statusCode: 202);
    }

    private static async Task<IResult> GetFeedAsync(HttpContext http, string feedId, SandboxStore store, TimeProvider time, AmazonSandboxReports reports)
    {
        var stored = await store.GetAsync<SandboxFeed>(Channel, Feeds, feedId);
        if (stored is null || stored.SellerId != http.Seller())
        {
            return Error(404, "NotFound", $"Feed {feedId} was not found.");
        }

        var now = AmazonSandboxJson.Utc(time.GetUtcNow().UtcDateTime);
        var feed = stored.Feed.ProcessingStatus switch
        {
            "IN_QUEUE" => stored.Feed with { ProcessingStatus = "IN_PROGRESS", ProcessingStartTime = now },
            "IN_PROGRESS" => await ProcessAsync(stored, store, time, reports.Gzip) with { ProcessingEndTime = now },
            _ => stored.Feed,
        };
        await store.PutAsync(Channel, Feeds, feedId, stored with { Feed = feed });
        return Results.Json(feed, AmazonSandboxJson.Options);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, string documentId, SandboxStore store, TimeProvider time)
    {
        var document = await store.GetAsync<SandboxFeedDocument>(Channel, Documents, documentId);
        if (document is null || !SignatureValid(http, document, time))
        {
            return AccessDenied();
        }

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        await store.PutAsync(Channel, Documents, documentId, document with { Content = await reader.ReadToEndAsync(http.RequestAborted) });
        return Results.Ok();
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, string documentId, SandboxStore store, TimeProvider time)
    {
        var document = await store.GetAsync<SandboxFeedDocument>(Channel, Documents, documentId);
        if (document?.Content is null || !SignatureValid(http, document, time))
        {
            return AccessDenied();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (document.CompressionAlgorithm == "GZIP")
        {
            using var packed = new MemoryStream();
            await using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(Encoding.UTF8.GetBytes(document.Content), http.RequestAborted);
            }

            return Results.Bytes(packed.ToArray(), document.ContentType);
        }

        return Results.Text(document.Content, document.ContentType);
    }

    /// <summary>Applies each message to the seller's listings and writes the processing report (listings-feed-schema-v2).</summary>
    private static async Task<AmazonWireFeed> ProcessAsync(SandboxFeed stored, SandboxStore store, TimeProvider time, bool gzipReports)
    {
        var input = await store.GetAsync<SandboxFeedDocument>(Channel, Documents, stored.InputFeedDocumentId);
        AmazonWireListingsFeed? content;
        try
        {
            content = JsonSerializer.Deserialize<AmazonWireListingsFeed>(input?.Content ?? "", AmazonSandboxJson.Options);
        }
        catch (JsonException)
        {
            content = null;
        }

        if (content is null || content.Header.SellerId != stored.SellerId)
        {
            // An unreadable feed, or one for another seller, ends FATAL with a report naming why.
            var fatal = Report(stored, [new AmazonWireReportIssue(null, null, "100001", "ERROR", "The feed could not be parsed or names another seller.")], 0, 0);
            return stored.Feed with { ProcessingStatus = "FATAL", ResultFeedDocumentId = await SaveReportAsync(stored.SellerId, fatal, store, time, gzipReports) };
        }

        var issues = new List<AmazonWireReportIssue>();
        var accepted = 0;
        var now = time.GetUtcNow().UtcDateTime;
        var marketplace = stored.Feed.MarketplaceIds?.FirstOrDefault() ?? "ATVPDKIKX0DER";
        // One at a time with the emulator's other stock writers (a buyer's order taking units off a listing).
        await store.SerializedAsync(Channel, async () =>
        {
            foreach (var message in content.Messages)
            {
                var key = AmazonSandboxListings.Key(stored.SellerId, message.Sku);
                var listing = await store.GetAsync<SandboxListing>(Channel, Listings, key);
                List<AmazonWireIssue> messageIssues;
                switch (message.OperationType)
                {
                    case "DELETE":
                        await store.DeleteAsync(Channel, Listings, key);
                        messageIssues = [];
                        break;
                    case "PATCH" or "PARTIAL_UPDATE" when listing is null:
                        // Amazon's known trap: a patch for a SKU that does not exist is reported accepted and changes nothing.
                        messageIssues = [];
                        break;
                    case "PATCH" or "PARTIAL_UPDATE":
                        var patches = message.Patches
                            ?? message.Attributes?.Select(a => new AmazonWirePatch("replace", "/attributes/" + a.Key, a.Value)).ToList()
                            ?? [];
                        var (patched, patchIssues) = AmazonSandboxListings.ApplyPatches(listing, patches, now);
                        messageIssues = patchIssues;
                        if (messageIssues.Count == 0)
                        {
                            await store.PutAsync(Channel, Listings, key, patched);
                        }

                        break;
                    case "UPDATE" when message.Attributes is not null && message.ProductType is not null:
                        messageIssues = AmazonSandboxListings.Validate(message.Attributes, requireListing: true);
                        if (messageIssues.Count == 0)
                        {
                            await store.PutAsync(Channel, Listings, key, new SandboxListing(stored.SellerId, message.Sku, marketplace, message.ProductType,
                                listing?.Asin ?? "B0" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8],
                                message.Attributes, listing?.CreatedUtc ?? now, now));
                        }

                        break;
                    default:
                        messageIssues = [new AmazonWireIssue("4000001", $"Operation {message.OperationType} needs productType and attributes or patches.", "ERROR")];
                        break;
                }

                issues.AddRange(messageIssues.Select(i =>
                    new AmazonWireReportIssue(message.MessageId, message.Sku, i.Code, i.Severity, i.Message, i.AttributeNames?.FirstOrDefault())));
                accepted += messageIssues.Any(i => i.Severity == "ERROR") ? 0 : 1;
            }
            return true;
        });

        var report = Report(stored, issues, content.Messages.Count, accepted);
        return stored.Feed with { ProcessingStatus = "DONE", ResultFeedDocumentId = await SaveReportAsync(stored.SellerId, report, store, time, gzipReports) };
    }

    private static AmazonWireProcessingReport Report(SandboxFeed stored, List<AmazonWireReportIssue> issues, int processed, int accepted) => new(
        new AmazonWireReportHeader(stored.SellerId, "2.0", stored.Feed.FeedId),
        issues,
        new AmazonWireReportSummary(
            issues.Count(i => i.Severity == "ERROR"), issues.Count(i => i.Severity == "WARNING"), processed, accepted, processed - accepted));

    private static async Task<string> SaveReportAsync(string sellerId, AmazonWireProcessingReport report, SandboxStore store, TimeProvider time, bool gzip)
    {
        var document = NewDocument(sellerId, "application/json", JsonSerializer.Serialize(report, AmazonSandboxJson.Options), time)
            with { CompressionAlgorithm = gzip ? "GZIP" : null };
        await store.PutAsync(Channel, Documents, document.Id, document);
        return document.Id;
    }

    /// <summary>JSON listings feeds, flat files and XML feeds, each in UTF-8 (the feeds guide's content types).</summary>
    private static readonly HashSet<string> FeedContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/json; charset=UTF-8",
        "text/tab-separated-values; charset=UTF-8",
        "text/xml; charset=UTF-8",
    };

    private static SandboxFeedDocument NewDocument(string sellerId, string contentType, string? content, TimeProvider time) =>
        new("amzn1.tortuga.4.na." + Guid.NewGuid().ToString("N"), sellerId, contentType, AmazonSandboxAuth.Token(16),
            time.GetUtcNow().UtcDateTime.AddMinutes(5), content);

    private static string StorageUrl(HttpContext http, SandboxFeedDocument document)
    {
        var groupPath = http.Request.PathBase + http.Request.Path.Value![..http.Request.Path.Value!.IndexOf("/feeds/", StringComparison.Ordinal)];
        return $"{http.Request.Scheme}://{http.Request.Host}{groupPath}/_storage/{Uri.EscapeDataString(document.Id)}"
            + $"?X-Amz-Expires=300&X-Amz-Signature={Uri.EscapeDataString(document.Signature)}";
    }

    private static bool SignatureValid(HttpContext http, SandboxFeedDocument document, TimeProvider time) =>
        http.Request.Query["X-Amz-Signature"] == document.Signature && document.UrlExpiresUtc > time.GetUtcNow().UtcDateTime;

    /// <summary>What the storage host answers to a bad or expired pre-signed URL.</summary>
    private static IResult AccessDenied() =>
        Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Request has expired or the signature does not match</Message></Error>",
            "application/xml", statusCode: 403);

    internal static async Task CountAsync(SandboxStore store, string counter)
    {
        var current = await store.GetAsync<int?>(Channel, Stats, counter) ?? 0;
        await store.PutAsync(Channel, Stats, counter, current + 1);
    }
}

/// <summary>
/// How the emulator writes processing reports: plain by default; gzip-compressed (with <c>compressionAlgorithm: GZIP</c>
/// on getFeedDocument) after <c>POST /_control/report-compression {"gzip":true}</c>, as Amazon may serve any report.
/// </summary>
public sealed class AmazonSandboxReports
{
    public bool Gzip { get; set; }
}
