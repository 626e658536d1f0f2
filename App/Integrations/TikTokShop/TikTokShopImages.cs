using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop takes only image URIs its own Upload Product Image API returned, never an outside URL
/// (https://partner.tiktokshop.com/docv2/page/upload-product-image-202309). Each master image is read from its URL,
/// uploaded once per account, and its uri kept (<see cref="IChannelMediaCache"/>) for every later publish and edit.
/// </summary>
public sealed class TikTokShopImages(TikTokShopClient client, IChannelMediaCache cache, IHttpClientFactory http)
{
    /// <summary>The HTTP client that reads the merchant's pictures (their own image host, not TikTok).</summary>
    public const string SourceClientName = "TikTokShop.ImageSource";

    /// <summary>Our cap on one picture: TikTok's product image limit as the SDKs give it (5 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const string MainImageUseCase = "MAIN_IMAGE";

    /// <summary>TikTok's uris for the draft's images, in order, uploading those this account does not hold yet.</summary>
    public async Task<IReadOnlyList<string>> UrisAsync(ChannelAccountContext account, IReadOnlyList<string> imageUrls, CancellationToken ct)
    {
        var uris = new List<string>(imageUrls.Count);
        foreach (var url in imageUrls)
        {
            if (await cache.FindAsync(account.AccountId, url, ct) is not { } uri)
            {
                var (bytes, mediaType) = await ReadAsync(url, ct);
                var uploaded = await client.UploadProductImageAsync(account, bytes, FileName(url, mediaType), mediaType, MainImageUseCase, ct);
                uri = uploaded.Uri.Length > 0 ? uploaded.Uri : throw new ChannelServerException(ChannelKind.TikTokShop, "TikTok Shop accepted an image but returned no uri.");
                await cache.RememberAsync(account.AccountId, url, uri, ct);
            }

            uris.Add(uri);
        }

        return uris;
    }

    private async Task<(byte[] Bytes, string MediaType)> ReadAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw Refused(url, "it is not an http:// or https:// address");
        }

        using var source = http.CreateClient(SourceClientName);
        try
        {
            using var response = await source.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw Refused(url, $"its host answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw Refused(url, $"it is larger than {MaxBytes / (1024 * 1024)} MB");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw Refused(url, $"it is larger than {MaxBytes / (1024 * 1024)} MB");
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.ToArray();
            return (bytes, MediaType(bytes) ?? throw Refused(url, "it is not a JPEG, PNG or WebP picture"));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // The merchant's image host is down or slow: worth another try later, like a channel outage.
            throw new ChannelNetworkException(ChannelKind.TikTokShop, $"The image {url} could not be read for TikTok Shop: {ex.Message}", ex);
        }
    }

    /// <summary>The picture's type from its first bytes (a host's Content-Type is not trusted).</summary>
    internal static string? MediaType(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static string FileName(string url, string mediaType)
    {
        var name = Path.GetFileName(new Uri(url).AbsolutePath);
        return name.Length is > 0 and <= 100 ? name : "image" + mediaType switch { "image/png" => ".png", "image/webp" => ".webp", _ => ".jpg" };
    }

    private static ChannelValidationException Refused(string url, string why) =>
        new(ChannelKind.TikTokShop, $"TikTok Shop needs each product image uploaded, and {url} could not be: {why}. Fix the image address on the product.",
            [new ChannelFieldError("ImageUrls", $"{url}: {why}.")], httpStatus: null);
}
