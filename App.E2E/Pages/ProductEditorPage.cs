using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>The product editor (products/new, products/{id}): the master product with one variant.</summary>
public sealed class ProductEditorPage(IPage page)
{
    public async Task OpenNewAsync()
    {
        await page.GotoAsync("products/new");
        await page.WaitForCircuitAsync();
    }

    public async Task FillAsync(string name, string category, string brand, int weightGrams, string imageUrl)
    {
        await page.ByTestId("product-name").FillAsync(name);
        await page.ByTestId("product-category").FillAsync(category);
        await page.ByTestId("product-brand").FillAsync(brand);
        await page.ByTestId("product-weight").FillAsync(weightGrams.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ByTestId("add-image-url").ClickAsync();
        await page.ByTestId("image-url-0").FillAsync(imageUrl);
    }

    public async Task FillVariantAsync(int index, string sku, string price, int stock)
    {
        await page.ByTestId($"variant-sku-{index}").FillAsync(sku);
        await page.ByTestId($"variant-price-{index}").FillAsync(price);
        await page.ByTestId($"variant-stock-{index}").FillAsync(stock.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Saves and waits for the product's own address.</summary>
    public async Task SaveAsync()
    {
        await page.ByTestId("save-product").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+$"));
    }

    /// <summary>Opens the product's channels page from the editor.</summary>
    public async Task<ProductChannelsPage> ManageChannelsAsync()
    {
        await page.ByTestId("manage-channels").ClickAsync();
        await Assertions.Expect(page.ByTestId("product-channels-title")).ToBeVisibleAsync();
        await page.WaitForCircuitAsync();
        return new ProductChannelsPage(page);
    }
}
