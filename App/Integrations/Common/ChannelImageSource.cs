using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>One of the merchant's pictures as read from its own host: its bytes, type (from the bytes) and a file name.</summary>
public sealed record ChannelImage(byte[] Bytes, string MediaType, string FileName);

/// <summary>
/// Reads the merchant's pictures from their own host for channels that take uploads instead of addresses (TikTok
/// Shop's product images, Etsy's listing images): http(s) only, a size cap per channel, the type judged from the first
/// bytes (a host's Content-Type is not trusted). A picture that cannot be used is a validation error naming it; a
/// host that is down or slow is a network error, worth another try later.
/// </summary>
public sealed class ChannelImageSource(IHttpClientFactory http)
{
    /// <summary>The HTTP client that reads the merchant's pictures (their own image host, not a channel).</summary>
    public const string ClientName = "Channels.ImageSource";

    /// <summary>The largest picture any channel here takes (Etsy's 20 MB); each call gives its channel's own cap.</summary>
    public const int MaxBytesAnyChannel = 20 * 1024 * 1024;

    public async Task<ChannelImage> ReadAsync(ChannelKind channel, string url, int maxBytes, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw Refused(channel, url, "it is not an http:// or https:// address");
        }

        using var source = http.CreateClient(ClientName);
        var limit = $"it is larger than {maxBytes / (1024 * 1024)} MB";
        try
        {
            using var response = await source.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw Refused(channel, url, $"its host answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw Refused(channel, url, limit);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw Refused(channel, url, limit);
                }

                buffer.Write(chunk, 0, read);
            }

            var bytes = buffer.ToArray();
            var type = MediaType(bytes) ?? throw Refused(channel, url, "it is not a JPEG, PNG or WebP picture");
            return new ChannelImage(bytes, type, FileName(address, type));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new ChannelNetworkException(channel, $"The image {url} could not be read for {ChannelNames.Display(channel)}: {ex.Message}", ex);
        }
    }

    /// <summary>The picture's type from its first bytes.</summary>
    internal static string? MediaType(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    private static string FileName(Uri address, string mediaType)
    {
        var name = Path.GetFileName(address.AbsolutePath);
        return name.Length is > 0 and <= 100 ? name : "image" + mediaType switch { "image/png" => ".png", "image/webp" => ".webp", _ => ".jpg" };
    }

    private static ChannelValidationException Refused(ChannelKind channel, string url, string why) =>
        new(channel, $"{ChannelNames.Display(channel)} needs each product image uploaded, and {url} could not be: {why}. Fix the image address on the product.",
            [new ChannelFieldError("ImageUrls", $"{url}: {why}.")], httpStatus: null);

    /// <summary>Registers the source and its client once, for every channel that uploads pictures.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddHttpClient(ClientName, c =>
        {
            c.Timeout = TimeSpan.FromSeconds(30);
            c.MaxResponseContentBufferSize = MaxBytesAnyChannel;
        });
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddTransient<ChannelImageSource>(services);
    }
}
