using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// The TikTok Shop emulator as a witness (issue 20): raw, signed calls written here by hand, in TikTok's own
/// snake_case, not through the client's DTOs. It refuses what TikTok refuses (another casing, an image it did not
/// issue, a warehouse left out) in TikTok's envelope, and answers reads in TikTok's read shapes.
/// </summary>
public sealed class TikTokShopSandboxWitnessTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> RawAsync(ChannelAccountContext account, HttpMethod method, string path, string? json = null)
    {
        var http = emulator.Services.GetRequiredService<IHttpClientFactory>().CreateClient(TikTokShopClient.HttpClientName);
        using var request = new HttpRequestMessage(method, $"{TikTokShopEmulatorFixture.EmulatorBase}/{path}").For(account, "Witness");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<string> UploadAsync(ChannelAccountContext account, int width = 800, int height = 800) =>
        (await emulator.Client.UploadProductImageAsync(account, MerchantImageHost.Png(width, height), "main.png", "image/png", "MAIN_IMAGE", default)).Uri;

    private static string CreateBody(string sellerSku, string warehouseId, string imageUri) => $$"""
        {"save_mode":"LISTING","title":"Witness mug {{sellerSku}}","description":"<p>Stoneware.</p>","category_id":"600001",
         "main_images":[{"uri":"{{imageUri}}"}],"package_weight":{"value":"0.5","unit":"KILOGRAM"},
         "skus":[{"seller_sku":"{{sellerSku}}","price":{"amount":"12.50","currency":"USD"},"inventory":[{"warehouse_id":"{{warehouseId}}","quantity":4}]}]}
        """;

    private async Task<(ChannelAccountContext Account, string Ours, string Other)> ShopAsync(string name)
    {
        var account = await emulator.Tokens.ConnectAsync(name);
        var warehouses = (await emulator.Client.GetWarehousesAsync(account, default)).Warehouses;
        return (account, warehouses[0].Id, warehouses[1].Id);
    }

    [Fact]
    public async Task ACreateInPascalCase_IsRefusedNamingTheMember_AndNoProductIsMade()
    {
        var (account, ours, _) = await ShopAsync("Pascal Seller");
        var image = await UploadAsync(account);
        var pascal = CreateBody("PASCAL-1", ours, image).Replace("\"title\"", "\"Title\"", StringComparison.Ordinal);

        var (status, body) = await RawAsync(account, HttpMethod.Post, "product/202309/products", pascal);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(36009001, body.GetProperty("code").GetInt32());
        Assert.Contains("'Title'", body.GetProperty("message").GetString());
        Assert.Empty((await emulator.Client.SearchProductsAsync(account, new() { SellerSkus = ["PASCAL-1"] }, 10, null, default)).Products);
    }

    [Fact]
    public async Task AnImageUriThisSellerDidNotUpload_IsRefused12052217_WhileItsOwnUploadIsTaken()
    {
        var (account, ours, _) = await ShopAsync("Image Seller");
        var (other, _, _) = await ShopAsync("Another Seller");
        var foreign = await UploadAsync(other);

        var (refusedStatus, refused) = await RawAsync(account, HttpMethod.Post, "product/202309/products", CreateBody("IMG-1", ours, foreign));
        var (takenStatus, taken) = await RawAsync(account, HttpMethod.Post, "product/202309/products", CreateBody("IMG-1", ours, await UploadAsync(account)));

        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal(12052217, refused.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, takenStatus);
        Assert.Equal(0, taken.GetProperty("code").GetInt32());
        Assert.Equal("IMG-1", taken.GetProperty("data").GetProperty("skus")[0].GetProperty("seller_sku").GetString());
    }

    [Fact]
    public async Task AnUploadThatIsNoPicture_OrUnder100PixelsASide_IsRefusedNamingWhy()
    {
        var account = await emulator.Tokens.ConnectAsync("Upload Seller");

        var text = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            emulator.Client.UploadProductImageAsync(account, "not a picture"u8.ToArray(), "a.png", "image/png", "MAIN_IMAGE", default));
        var small = await Assert.ThrowsAsync<ChannelValidationException>(() => UploadAsync(account, 50, 50));

        Assert.Equal("36009001", text.ErrorCode);
        Assert.Contains("JPEG, PNG or WebP", text.Message);
        Assert.Equal("36009001", small.ErrorCode);
        Assert.Contains("50x50", small.Message);
    }

    [Fact]
    public async Task TwoWarehouses_TheConnectorChangesOursOnly_AndAnUpdateLeavingOneOutIsRefused12052098()
    {
        var (account, ours, other) = await ShopAsync("Warehouses Seller");
        var created = await emulator.Connector.CreateListingAsync(account, new ListingDraft
        {
            ProductKey = "P-WH",
            Title = "Two-warehouse mug",
            CategoryId = "600001",
            ImageUrls = [$"{MerchantImageHost.Base}/800x800/wh.png"],
            Variants = [new ListingVariantDraft("WH-1", new ChannelMoney(9.5m, "USD"), 3, new Dictionary<string, string>(), WeightGrams: 400)],
        }, default);
        var skuId = created.ExternalSkuIds["WH-1"];
        (await emulator.ControlAsync($"products/{created.ExternalId}/inventory", new { sku_id = skuId, warehouse_id = other, quantity = 5 })).EnsureSuccessStatusCode();

        var results = await emulator.Connector.UpdateInventoryAsync(account, [new SkuQuantity("WH-1", 7, created.ExternalId, skuId)], default);
        var (status, partial) = await RawAsync(account, HttpMethod.Post, $"product/202309/products/{created.ExternalId}/inventory/update",
            $$"""{"skus":[{"id":"{{skuId}}","inventory":[{"warehouse_id":"{{ours}}","quantity":1}]}]}""");
        var (_, read) = await RawAsync(account, HttpMethod.Get, $"product/202309/products/{created.ExternalId}");

        Assert.True(Assert.Single(results).Succeeded);
        Assert.Equal(HttpStatusCode.OK, status);
        var error = Assert.Single(partial.GetProperty("data").GetProperty("errors").EnumerateArray());
        Assert.Equal(12052990, error.GetProperty("code").GetInt32());
        var extra = Assert.Single(error.GetProperty("detail").GetProperty("extra_errors").EnumerateArray());
        Assert.Equal((other, 12052098), (extra.GetProperty("warehouse_id").GetString(), extra.GetProperty("code").GetInt32()));
        var stock = read.GetProperty("data").GetProperty("skus")[0].GetProperty("inventory").EnumerateArray()
            .ToDictionary(i => i.GetProperty("warehouse_id").GetString()!, i => i.GetProperty("quantity").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [ours] = 7, [other] = 5 }, stock);
    }

    [Fact]
    public async Task AProductRead_GivesThePriceAsTaxExclusivePrice_NotAsAmount()
    {
        var (account, ours, _) = await ShopAsync("Price Seller");
        var (_, created) = await RawAsync(account, HttpMethod.Post, "product/202309/products", CreateBody("PRICE-1", ours, await UploadAsync(account)));
        var productId = created.GetProperty("data").GetProperty("product_id").GetString();

        var (_, read) = await RawAsync(account, HttpMethod.Get, $"product/202309/products/{productId}");

        var price = read.GetProperty("data").GetProperty("skus")[0].GetProperty("price");
        Assert.Equal(["currency", "tax_exclusive_price"], price.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("12.50", price.GetProperty("tax_exclusive_price").GetString());
        Assert.Equal("USD", price.GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData(800, 600)]
    [InlineData(100, 1200)]
    public async Task TheMerchantImagesOfDevelopment_AreRealPngsOfTheNamedSize(int width, int height)
    {
        using var response = await emulator.Portal.GetAsync(new Uri(SandboxMerchantImages.Url("http://localhost/", "mug", width, height)));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((width, height), SellerPortal.Sandbox.TikTokShop.TikTokShopSandboxImages.Size(bytes));
        Assert.Equal(height * (1 + (width * 3)), PixelBytes(bytes));
    }

    /// <summary>Walks the PNG's chunks, checks each CRC, and inflates IDAT: the picture decodes, it is no bare header.</summary>
    private static int PixelBytes(byte[] png)
    {
        using var pixels = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), System.IO.Hashing.Crc32.HashToUInt32(typeAndData));
            if (Encoding.ASCII.GetString(typeAndData[..4]) == "IDAT")
            {
                using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(typeAndData[4..].ToArray()), System.IO.Compression.CompressionMode.Decompress);
                zlib.CopyTo(pixels);
            }

            at += 12 + length;
        }

        return (int)pixels.Length;
    }

    [Theory]
    [InlineData("/sandbox/media/0x600/mug.png")]
    [InlineData("/sandbox/media/800xabc/mug.png")]
    [InlineData("/sandbox/media/99999x600/mug.png")]
    public async Task AMerchantImageOfNoSensibleSize_Is404(string path)
    {
        using var response = await emulator.Portal.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("1 to 4000 pixels a side", await response.Content.ReadAsStringAsync());
    }
}
