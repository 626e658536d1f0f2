using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;
using SellerPortal.Sandbox.Common;
using ChannelKind = SellerPortal.Integrations.Abstractions.ChannelKind;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class PublishingJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task CreateAProduct_SetAnEbayPrice_PublishToAll_ThenBulkPublishTwenty()
    {
        // A portal of its own, so "all connected channels" is exactly TikTok Shop and eBay.
        await using var portal = new PortalServer();
        await portal.EnsureUserAsync(BrowserFixture.AdminEmail, BrowserFixture.AdminPassword, SellerPortal.Data.Roles.Admin);
        await fixture.RunAsync(portal, "publishing", async page =>
        {
            await SignIn.AsAdminAsync(page);
            await new ChannelsPage(page).ConnectApprovedAsync("TikTokShop", "Ebay");

            var tiktok = await portal.AccountIdAsync(ChannelKind.TikTokShop);
            var ebay = await portal.AccountIdAsync(ChannelKind.Ebay);

            // eBay's policies and location, chosen once on the account.
            await new ChannelsPage(page).SaveAccountSettingsAsync(ebay);
            await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Brake Discs", "600001");
            await portal.MapCategoryAsync(ChannelKind.Ebay, "EBAY_US", "Brake Discs", "33564");

            // Create a product in the editor.
            var editor = new ProductEditorPage(page);
            await editor.OpenNewAsync();
            await editor.FillAsync("Vented brake disc, front", "Brake Discs", "Stopwell", 2400,
                SandboxMerchantImages.Url(portal.BaseAddress.ToString(), "disc-front"));
            await editor.FillVariantAsync(0, "DISC-FRONT", "39.50", 6);
            await editor.SaveAsync();

            // Its channels page: a fixed eBay price.
            var channels = await editor.ManageChannelsAsync();
            await channels.SetFixedPriceAsync(ebay, "44.99");
            await Assertions.Expect(channels.ChannelPrice(ebay, "DISC-FRONT")).ToHaveTextAsync("44.99 USD");

            await channels.PublishToAllAsync();
            await channels.ExpectLiveAsync(tiktok);
            await channels.ExpectLiveAsync(ebay);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "product-channels-live.png"), FullPage = true });

            // Twenty more, bulk published to TikTok Shop at +10 %.
            await portal.SeedProductsAsync("BULK-", 20, "Brake Discs");
            var products = new ProductsPage(page);
            await products.OpenAsync();
            await products.SearchAsync("BULK-");
            await Assertions.Expect(page.GetByText("Brake disc BULK-20")).ToBeVisibleAsync();
            await products.SelectAllShownAsync();
            await Assertions.Expect(products.SelectedCount).ToHaveTextAsync("20 selected");
            var bulk = await products.PublishSelectedAsync();
            await bulk.ChooseWithPercentAsync(tiktok, "10");
            await bulk.PreviewAsync();
            await Assertions.Expect(bulk.PreviewPrice(tiktok, "BULK-01")).ToHaveTextAsync("33.01 USD");
            await bulk.ConfirmAsync();
            await bulk.ExpectFinishedAsync();
            await Assertions.Expect(bulk.Counts).ToContainTextAsync("20 of 20 done · 20 succeeded · 0 failed");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "bulk-publish-finished.png"), FullPage = true });
        });
    }
}
