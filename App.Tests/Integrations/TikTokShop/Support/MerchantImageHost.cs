using System.Collections.Concurrent;
using System.Net;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>
/// The merchant's own picture host (a CDN outside the marketplace), answering <c>https://images.example/…</c>:
/// <c>*.png</c> with a real PNG of that name's size (<c>/800x600/mug.png</c>), <c>*.txt</c> with text, anything else 404.
/// It counts what it served, so a test can see an image read once.
/// </summary>
public sealed class MerchantImageHost : HttpMessageHandler
{
    public const string Base = "https://images.example";

    public ConcurrentQueue<string> Served { get; } = new();

    /// <summary>A minimal valid PNG header (signature and IHDR) of the given size; enough for any reader of sizes.</summary>
    public static byte[] Png(int width, int height)
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            (byte)(width >> 24), (byte)(width >> 16), (byte)(width >> 8), (byte)width,
            (byte)(height >> 24), (byte)(height >> 16), (byte)(height >> 8), (byte)height, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        return bytes;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Served.Enqueue(path);
        var segments = path.Trim('/').Split('/');
        HttpResponseMessage response;
        if (path.EndsWith(".png", StringComparison.Ordinal) && segments[0].Split('x') is [var w, var h])
        {
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Png(int.Parse(w), int.Parse(h))) };
            response.Content.Headers.ContentType = new("image/png");
        }
        else if (path.EndsWith(".txt", StringComparison.Ordinal))
        {
            response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not a picture") };
        }
        else
        {
            response = new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        return Task.FromResult(response);
    }
}

/// <summary>The client-side container's media cache (the app's is in the database, tested in ChannelMediaCacheTests).</summary>
public sealed class MemoryMediaCache : IChannelMediaCache
{
    private readonly ConcurrentDictionary<(int, string), string> uris = new();

    public Task<string?> FindAsync(int accountId, string sourceUrl, CancellationToken ct) =>
        Task.FromResult(uris.TryGetValue((accountId, sourceUrl), out var uri) ? uri : null);

    public Task RememberAsync(int accountId, string sourceUrl, string channelReference, CancellationToken ct)
    {
        uris.TryAdd((accountId, sourceUrl), channelReference);
        return Task.CompletedTask;
    }
}
