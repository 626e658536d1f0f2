using System.Buffers.Binary;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>
/// Upload Product Image (POST /product/202309/images/upload): multipart/form-data with the picture in field
/// <c>data</c> and its <c>use_case</c>, app-scoped (a shop_cipher is refused). The uri it answers is the only way a
/// picture gets into main_images; the emulator keeps each uri for the seller who uploaded it.
/// https://partner.tiktokshop.com/docv2/page/upload-product-image-202309
/// </summary>
internal sealed class TikTokShopSandboxImages(TikTokShopSandboxStore store, TikTokShopSandboxGate gate)
{
    /// <summary>TikTok's limit on a product image as the SDKs give it.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Emulator's choice from TikTok's guidance: smaller product pictures are refused.</summary>
    public const int MinSide = 100;

    private static readonly HashSet<string> UseCases =
        ["MAIN_IMAGE", "ATTRIBUTE_IMAGE", "DESCRIPTION_IMAGE", "CERTIFICATION_IMAGE", "SIZE_CHART_IMAGE"];

    public async Task<IResult> UploadAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Authorization);
        if (call is null)
        {
            return error!;
        }

        if (!http.Request.HasFormContentType || !(http.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return TikTokShopSandboxResults.BadParameter("The body must be multipart/form-data with the picture in field data.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var useCase = form["use_case"].ToString();
        if (form.Files.GetFile("data") is not { } file)
        {
            return TikTokShopSandboxResults.BadParameter("The picture is missing: send it in the multipart field data.");
        }

        if (useCase.Length > 0 && !UseCases.Contains(useCase))
        {
            return TikTokShopSandboxResults.BadParameter($"use_case {useCase} is not one of {string.Join(", ", UseCases)}.");
        }

        if (file.Length is 0 or > MaxBytes)
        {
            return TikTokShopSandboxResults.BadParameter($"The picture must be 1 byte to {MaxBytes / (1024 * 1024)} MB; it is {file.Length} bytes.");
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        }

        if (Size(bytes) is not { } size)
        {
            return TikTokShopSandboxResults.BadParameter("The picture must be a JPEG, PNG or WebP image.");
        }

        if (size.Width < MinSide || size.Height < MinSide)
        {
            return TikTokShopSandboxResults.BadParameter($"The picture is {size.Width}x{size.Height}; each side must be at least {MinSide} pixels.");
        }

        var image = new SandboxImage(
            $"tos-maliva-i-sbx-us/{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))}",
            call.OpenId, size.Width, size.Height, useCase.Length == 0 ? "MAIN_IMAGE" : useCase);
        await store.PutAsync("images", image.Uri, image, call.Now, http.RequestAborted);
        var wire = ToWire(image);
        return TikTokShopSandboxResults.Ok(new TikTokWireUploadedImage(image.Uri, wire.Urls[0], image.Width, image.Height, image.UseCase));
    }

    public static TikTokWireImage ToWire(SandboxImage image) =>
        new(image.Uri, [$"https://p16-oec-sbx.ibyteimg.com/{image.Uri}~tplv-origin-jpeg.jpeg"], image.Width, image.Height);

    /// <summary>Width and height from the picture's own header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X); null when it is none of those.</summary>
    internal static (int Width, int Height)? Size(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) && b[12..16].SequenceEqual("IHDR"u8))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            for (var i = 2; i + 9 < b.Length;)
            {
                if (b[i] != 0xFF)
                {
                    return null;
                }

                var marker = b[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
                }

                i += 2 + length;
            }

            return null;
        }

        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            var chunk = b[12..16];
            if (chunk.SequenceEqual("VP8X"u8))
            {
                return (1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)));
            }

            if (chunk.SequenceEqual("VP8 "u8))
            {
                return (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
            }

            if (chunk.SequenceEqual("VP8L"u8))
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
                return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            }
        }

        return null;
    }
}
