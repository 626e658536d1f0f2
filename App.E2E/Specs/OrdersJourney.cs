using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;
using ChannelKind = SellerPortal.Integrations.Abstractions.ChannelKind;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class OrdersJourney(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOrderOnOneChannel_AppearsOnce_IsShipped_AndTheOtherChannelIsToldTheLowerQuantity()
    {
        await using var portal = new PortalServer();
        await portal.EnsureUserAsync(BrowserFixture.AdminEmail, BrowserFixture.AdminPassword, SellerPortal.Data.Roles.Admin);
        await fixture.RunAsync(portal, "orders", async page =>
        {
            await SignIn.AsAdminAsync(page);
            await new ChannelsPage(page).ConnectApprovedAsync("TikTokShop", "Ebay");

            var tiktok = await portal.AccountIdAsync(ChannelKind.TikTokShop);
            var ebay = await portal.AccountIdAsync(ChannelKind.Ebay);
            await new ChannelsPage(page).SaveAccountSettingsAsync(ebay);
            await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Brake Discs", "600001");
            await portal.MapCategoryAsync(ChannelKind.Ebay, "EBAY_US", "Brake Discs", "33564");
            await portal.SeedProductsAsync("ORD-", 1, "Brake Discs");
            var product = await portal.ProductIdAsync("ORD-01");
            await portal.PublishAndWaitAsync(product, new Dictionary<int, Dictionary<string, string>>
            {
                [tiktok] = [],
                [ebay] = [],
            });

            // A buyer orders 1 on TikTok Shop; the emulator sends its signed webhook.
            var generated = await page.APIRequest.PostAsync("sandbox/tiktok/_control/orders", new()
            {
                DataObject = new { shop_id = await portal.ShopIdAsync(tiktok), count = 1, seller_skus = new[] { "ORD-01" }, send_webhooks = true },
                Headers = portal.ControlHeaders,
            });
            Assert.True(generated.Ok, $"order generator answered {generated.Status}");
            var orderId = JsonDocument.Parse(await generated.TextAsync()).RootElement.GetProperty("order_ids")[0].GetString()!;

            var orders = new OrdersPage(page);
            await orders.OpenAsync();
            await Assertions.Expect(orders.Links(orderId)).ToHaveCountAsync(1, new() { Timeout = 30_000 });
            var order = await orders.OpenOrderAsync(orderId);
            await order.ShipAsync("USPS", "9400111899223344556677");
            await order.ExpectShippedAsync();

            // eBay was told one fewer.
            await page.GotoAsync("inventory");
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.ByTestId("pushed-Ebay")).ToHaveTextAsync(new Regex("eBay 4$"), new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "inventory-after-order.png"), FullPage = true });
        });
    }
}
