using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>The product list: search, select every row shown, and the bulk publish dialog.</summary>
public sealed class ProductsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("products");
        await page.WaitForCircuitAsync();
    }

    public async Task SearchAsync(string text)
    {
        await page.ByTestId("product-search").FillAsync(text);
        await page.ByTestId("product-search").PressAsync("Enter");
    }

    /// <summary>Ticks the grid's select-all box (the header checkbox MudDataGrid renders; it has no test id of its own).</summary>
    public Task SelectAllShownAsync() => page.ByTestId("products-grid").Locator("thead input[type=checkbox]").CheckAsync();

    public ILocator SelectedCount => page.ByTestId("selected-count");

    public async Task<BulkPublishDialog> PublishSelectedAsync()
    {
        await page.ByTestId("publish-selected").ClickAsync();
        return new BulkPublishDialog(page);
    }
}

/// <summary>The bulk publish dialog: channels chosen, a price rule per channel, a preview, then progress with counts.</summary>
public sealed class BulkPublishDialog(IPage page)
{
    /// <summary>Chooses the account and a master ± percent price rule for it.</summary>
    public async Task ChooseWithPercentAsync(int accountId, string percent)
    {
        await page.ByTestId($"bulk-channel-{accountId}").CheckAsync();
        await page.ByTestId($"bulk-price-{accountId}-kind").ClickAsync();
        await page.GetByText("Master ± percent", new() { Exact = true }).ClickAsync();
        await page.ByTestId($"bulk-price-{accountId}-percent").FillAsync(percent);
        await page.ByTestId($"bulk-price-{accountId}-percent").PressAsync("Tab");
    }

    public Task PreviewAsync() => page.ByTestId("bulk-preview").ClickAsync();

    public ILocator PreviewPrice(int accountId, string sku) => page.ByTestId($"preview-price-{accountId}-{sku}");

    public Task ConfirmAsync() => page.ByTestId("bulk-confirm").ClickAsync();

    public Task ExpectFinishedAsync() =>
        Assertions.Expect(page.ByTestId("bulk-progress-bar")).ToHaveAttributeAsync("data-finished", "true", new() { Timeout = 60_000 });

    public ILocator Counts => page.ByTestId("bulk-progress-counts");
}
