using System.Text.RegularExpressions;
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
            await page.GotoAsync("products/new");
            await page.WaitForCircuitAsync();
            await page.ByTestId("product-name").FillAsync("Vented brake disc, front");
            await page.ByTestId("product-category").FillAsync("Brake Discs");
            await page.ByTestId("product-brand").FillAsync("Stopwell");
            await page.ByTestId("product-weight").FillAsync("2400");
            await page.ByTestId("add-image-url").ClickAsync();
            await page.ByTestId("image-url-0").FillAsync(SandboxMerchantImages.Url(portal.BaseAddress.ToString(), "disc-front"));
            await page.ByTestId("variant-sku-0").FillAsync("DISC-FRONT");
            await page.ByTestId("variant-price-0").FillAsync("39.50");
            await page.ByTestId("variant-stock-0").FillAsync("6");
            await page.ByTestId("save-product").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+$"));

            // Its channels page: a fixed eBay price.
            await page.ByTestId("manage-channels").ClickAsync();
            await Assertions.Expect(page.ByTestId("product-channels-title")).ToBeVisibleAsync();
            await page.WaitForCircuitAsync();
            await page.ByTestId($"settings-{ebay}").ClickAsync();
            await page.ByTestId($"price-{ebay}-kind").ClickAsync();
            await page.GetByText("Fixed price", new() { Exact = true }).ClickAsync();
            await page.ByTestId($"price-{ebay}-amount").FillAsync("44.99");
            await page.ByTestId($"price-{ebay}-amount").PressAsync("Tab");
            await page.ByTestId($"save-settings-{ebay}").ClickAsync();
            await Assertions.Expect(page.ByTestId($"channel-price-{ebay}-DISC-FRONT")).ToHaveTextAsync("44.99 USD");

            await page.ByTestId("publish-all").ClickAsync();
            await Assertions.Expect(page.ByTestId($"status-{tiktok}")).ToHaveTextAsync(new Regex("Live"), new() { Timeout = 30_000 });
            await Assertions.Expect(page.ByTestId($"status-{ebay}")).ToHaveTextAsync(new Regex("Live"), new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "product-channels-live.png"), FullPage = true });

            // Twenty more, bulk published to TikTok Shop at +10 %.
            await portal.SeedProductsAsync("BULK-", 20, "Brake Discs");
            await page.GotoAsync("products");
            await page.WaitForCircuitAsync();
            await page.ByTestId("product-search").FillAsync("BULK-");
            await page.ByTestId("product-search").PressAsync("Enter");
            await Assertions.Expect(page.GetByText("Brake disc BULK-20")).ToBeVisibleAsync();
            await page.Locator("[data-testid=products-grid] thead input[type=checkbox]").CheckAsync();
            await Assertions.Expect(page.ByTestId("selected-count")).ToHaveTextAsync("20 selected");
            await page.ByTestId("publish-selected").ClickAsync();
            await page.ByTestId($"bulk-channel-{tiktok}").CheckAsync();
            await page.ByTestId($"bulk-price-{tiktok}-kind").ClickAsync();
            await page.GetByText("Master ± percent", new() { Exact = true }).ClickAsync();
            await page.ByTestId($"bulk-price-{tiktok}-percent").FillAsync("10");
            await page.ByTestId($"bulk-price-{tiktok}-percent").PressAsync("Tab");
            await page.ByTestId("bulk-preview").ClickAsync();
            await Assertions.Expect(page.ByTestId($"preview-price-{tiktok}-BULK-01")).ToHaveTextAsync("33.01 USD");
            await page.ByTestId("bulk-confirm").ClickAsync();
            await Assertions.Expect(page.ByTestId("bulk-progress-bar")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });
            await Assertions.Expect(page.ByTestId("bulk-progress-counts")).ToContainTextAsync("20 of 20 done · 20 succeeded · 0 failed");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "bulk-publish-finished.png"), FullPage = true });
        });
    }
}
