using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// A stand-in for the merchant's own picture host (the CDN a product's image URLs point at), so channels that take
/// uploads rather than URLs (TikTok Shop) can be published to in Development and tests without the internet:
/// <c>GET /sandbox/media/{width}x{height}/{name}.png</c> answers a real, viewable PNG of that size in one colour
/// chosen from the name. Sizes from 1 to 4000 pixels a side; anything else is 404.
/// </summary>
public static class SandboxMerchantImages
{
    public const string PathPrefix = "/media";

    public const int MaxSide = 4000;

    /// <summary>The address of a sandbox picture under a portal base URL.</summary>
    public static string Url(string portalBase, string name, int width = 800, int height = 800) =>
        $"{portalBase.TrimEnd('/')}/sandbox{PathPrefix}/{width}x{height}/{Uri.EscapeDataString(name)}.png";

    public static void MapMerchantImages(this RouteGroupBuilder sandbox) =>
        sandbox.MapGet(PathPrefix + "/{size}/{file}", (string size, string file) =>
            size.Split('x') is [var w, var h] && int.TryParse(w, out var width) && int.TryParse(h, out var height)
            && width is > 0 and <= MaxSide && height is > 0 and <= MaxSide && file.EndsWith(".png", StringComparison.Ordinal)
                ? Results.Bytes(Png(width, height, Colour(file)), "image/png")
                : Results.Text($"No sandbox picture {size}/{file}: ask for /sandbox{PathPrefix}/{{width}}x{{height}}/{{name}}.png, 1 to {MaxSide} pixels a side.", statusCode: 404));

    /// <summary>A complete PNG (signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC) filled with one RGB colour.</summary>
    public static byte[] Png(int width, int height, (byte R, byte G, byte B) colour)
    {
        var row = new byte[1 + (width * 3)];
        for (var x = 0; x < width; x++)
        {
            (row[1 + (x * 3)], row[2 + (x * 3)], row[3 + (x * 3)]) = colour;
        }

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static (byte, byte, byte) Colour(string name)
    {
        // FNV-1a: the same name gives the same colour in every run.
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash |= 0x404040u;
        return ((byte)hash, (byte)(hash >> 8), (byte)(hash >> 16));
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, System.IO.Hashing.Crc32.HashToUInt32(typed));
        png.Write(number);
    }
}
