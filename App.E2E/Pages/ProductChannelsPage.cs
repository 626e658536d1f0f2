using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>One product's channels: per account its settings panel, price, status, and publish to all.</summary>
public sealed class ProductChannelsPage(IPage page)
{
    /// <summary>Sets a fixed price for the account in its settings panel and saves it.</summary>
    public async Task SetFixedPriceAsync(int accountId, string amount)
    {
        await page.ByTestId($"settings-{accountId}").ClickAsync();
        await page.ByTestId($"price-{accountId}-kind").ClickAsync();
        await page.GetByText("Fixed price", new() { Exact = true }).ClickAsync();
        await page.ByTestId($"price-{accountId}-amount").FillAsync(amount);
        await page.ByTestId($"price-{accountId}-amount").PressAsync("Tab");
        await page.ByTestId($"save-settings-{accountId}").ClickAsync();
    }

    public ILocator ChannelPrice(int accountId, string sku) => page.ByTestId($"channel-price-{accountId}-{sku}");

    public ILocator Status(int accountId) => page.ByTestId($"status-{accountId}");

    public Task PublishToAllAsync() => page.ByTestId("publish-all").ClickAsync();

    /// <summary>Waits until the account's listing reads Live (the queue runs the publish in the background).</summary>
    public Task ExpectLiveAsync(int accountId) =>
        Assertions.Expect(Status(accountId)).ToHaveTextAsync(new Regex("Live"), new() { Timeout = 30_000 });
}
