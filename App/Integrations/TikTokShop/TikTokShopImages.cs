using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// TikTok Shop takes only image URIs its own Upload Product Image API returned, never an outside URL
/// (https://partner.tiktokshop.com/docv2/page/upload-product-image-202309). Each master image is read from its URL,
/// uploaded once per account, and its uri kept (<see cref="IChannelMediaCache"/>) for every later publish and edit.
/// </summary>
public sealed class TikTokShopImages(TikTokShopClient client, IChannelMediaCache cache, ChannelImageSource source)
{
    /// <summary>The HTTP client that reads the merchant's pictures (their own image host, not TikTok).</summary>
    public const string SourceClientName = ChannelImageSource.ClientName;

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
                var image = await source.ReadAsync(ChannelKind.TikTokShop, url, MaxBytes, ct);
                var uploaded = await client.UploadProductImageAsync(account, image.Bytes, image.FileName, image.MediaType, MainImageUseCase, ct);
                uri = uploaded.Uri.Length > 0 ? uploaded.Uri : throw new ChannelServerException(ChannelKind.TikTokShop, "TikTok Shop accepted an image but returned no uri.");
                await cache.RememberAsync(account.AccountId, url, uri, ct);
            }

            uris.Add(uri);
        }

        return uris;
    }
}
