using System.Globalization;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// A listing's pictures: uploadListingImage (multipart/form-data, the file in <c>image</c>, an optional <c>rank</c>) and
/// getListingImages. Etsy takes JPEG, PNG and GIF files, at most ten a listing; the first ranked is the listing's
/// thumbnail. Images are not served back: <c>url_fullxfull</c> names Etsy's image host as the real answer does.
/// </summary>
internal static class EtsySandboxImages
{
    public const int MaxPerListing = 10;

    /// <summary>Our cap on one upload, Etsy's documented file-size limit.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public static void Map(RouteGroupBuilder etsy)
    {
        var v3 = etsy.MapGroup("/v3/application");
        v3.MapPost("/shops/{shop_id}/listings/{listing_id}/images", UploadAsync).Api("listings_w").DisableAntiforgery();
        v3.MapGet("/listings/{listing_id}/images", async (HttpContext http, string listing_id, SandboxStore store) =>
            await EtsySandboxListings.OwnAsync(http, store, listing_id) is { } found
                ? Results.Json(new EtsyWireListingImages(found.Images.Count, found.Images), EtsySandboxJson.Options)
                : EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.")).Api("listings_r");
    }

    private static async Task<IResult> UploadAsync(HttpContext http, string shop_id, string listing_id, SandboxStore store, TimeProvider time)
    {
        if (!http.Request.HasFormContentType || !http.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return EtsySandboxGate.Error(400, "uploadListingImage takes multipart/form-data with the file in image.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form.Files.GetFile("image") is not { Length: > 0 } file)
        {
            return EtsySandboxGate.Error(400, "Missing required parameter: image");
        }

        if (file.Length > MaxBytes)
        {
            return EtsySandboxGate.Error(400, "The image is larger than Etsy takes.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        }

        if (Size(bytes) is not var (width, height))
        {
            return EtsySandboxGate.Error(400, "The image must be a JPEG, PNG or GIF file.");
        }

        int? rank = int.TryParse(form["rank"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1 ? r : null;
        return await store.SerializedAsync(Channel, async () =>
        {
            if (await EtsySandboxListings.OwnAsync(http, store, listing_id) is not { } found)
            {
                return EtsySandboxGate.Error(404, $"Listing {listing_id} does not exist in this shop.");
            }

            if (found.Images.Count >= MaxPerListing)
            {
                return EtsySandboxGate.Error(400, $"A listing can have at most {MaxPerListing} images.");
            }

            var id = EtsySandboxAuth.NextId();
            var image = new EtsyWireListingImage(found.Listing.ListingId, id, Math.Min(rank ?? found.Images.Count + 1, found.Images.Count + 1),
                $"https://i.etsystatic.com/{found.ShopId}/r/il/{id:x}/il_fullxfull.{id}.jpg", width > 0 ? width : null, height > 0 ? height : null);
            // The new image takes its rank; those at or after it move down one.
            var images = found.Images.Select(i => i.Rank >= image.Rank ? i with { Rank = i.Rank + 1 } : i).Append(image).OrderBy(i => i.Rank).ToList();
            await store.PutAsync(Channel, Listings, EtsySandboxListings.Key(found.Listing.ListingId), found with { Images = images },
                time.GetUtcNow().ToUnixTimeSeconds(), http.RequestAborted);
            return Results.Json(image, EtsySandboxJson.Options, statusCode: 201);
        });
    }

    /// <summary>The picture's pixel size from its header, or null when it is not a JPEG, PNG or GIF.</summary>
    internal static (int Width, int Height)? Size(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        if (b.Length >= 10 && (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)))
        {
            return (System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        }

        // A JPEG's size is in its frame header, later in the file; its marker is enough here (the size is left unknown).
        return b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? (0, 0) : null;
    }
}
