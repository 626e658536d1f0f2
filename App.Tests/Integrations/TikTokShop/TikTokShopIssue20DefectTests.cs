using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>
/// The TikTok Shop defects issue 20 found, each held by a test that fails on the code before the fix: a price read
/// from <c>amount</c> (a write's member, never on a read), and an image uploaded again on every publish.
/// </summary>
public sealed class TikTokShopIssue20DefectTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    [Fact]
    public async Task AReadWithOnlyAmount_GivesNoPrice_WhileTaxExclusivePriceIsRead()
    {
        const string Search = """
            {"code":0,"message":"Success","request_id":"202612070010","data":{"total_count":1,"next_page_token":"","products":[
              {"id":"1729592969712207008","title":"Socks","status":"ACTIVATE","skus":[
                {"id":"1","seller_sku":"READ-AMOUNT","price":{"amount":"9.99","currency":"USD"},"inventory":[{"warehouse_id":"7","quantity":3}]},
                {"id":"2","seller_sku":"READ-TAX","price":{"tax_exclusive_price":"12.50","currency":"USD"},"inventory":[{"warehouse_id":"7","quantity":4}]}]}]}}
            """;
        var connector = new TikTokWireRecorder().Answer("product/202309/products/search", Search).Services().GetRequiredService<TikTokShopConnector>();

        var snapshot = Assert.Single((await connector.ListListingsAsync(TikTokWireRecorder.Account, null, default)).Items);

        Assert.Null(snapshot.Skus.Single(s => s.Sku == "READ-AMOUNT").Price);
        Assert.Equal(new ChannelMoney(12.50m, "USD"), snapshot.Skus.Single(s => s.Sku == "READ-TAX").Price);
        Assert.Equal([3, 4], snapshot.Skus.Select(s => s.Quantity));
    }

    [Fact]
    public async Task AnImage_IsReadAndUploadedOncePerAccount_ThenTheRememberedUriIsSent()
    {
        var account = await emulator.Tokens.ConnectAsync("Cached Images Seller");
        var image = $"{MerchantImageHost.Base}/900x900/cached-{Guid.NewGuid():N}.png";
        ListingDraft Draft(string key) => new()
        {
            ProductKey = key,
            Title = $"Cached {key}",
            CategoryId = "600001",
            ImageUrls = [image],
            Variants = [new ListingVariantDraft(key, new ChannelMoney(5m, "USD"), 1, new Dictionary<string, string>(), WeightGrams: 200)],
        };

        var first = await emulator.Connector.CreateListingAsync(account, Draft("CACHE-1"), default);
        var second = await emulator.Connector.CreateListingAsync(account, Draft("CACHE-2"), default);

        var path = new Uri(image).AbsolutePath;
        Assert.Equal(1, emulator.Images.Served.Count(p => p == path));
        var remembered = await emulator.Media.FindAsync(account.AccountId, image, default);
        Assert.NotNull(remembered);
        Assert.StartsWith("tos-maliva-i-sbx-us/", remembered);
        var uris = await Task.WhenAll(new[] { first, second }.Select(async r =>
            (await emulator.Client.GetProductAsync(account, r.ExternalId, default)).MainImages!.Select(i => i.Uri).Single()));
        Assert.Equal(new[] { remembered, remembered }, uris);
    }
}
