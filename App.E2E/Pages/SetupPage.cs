using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

public sealed class SetupPage(IPage page)
{
    public async Task CreateFirstAdminAsync(string name, string email, string password)
    {
        await Assertions.Expect(page.ByTestId("setup-title")).ToBeVisibleAsync();
        await page.ByTestId("setup-name").FillAsync(name);
        await page.ByTestId("setup-email").FillAsync(email);
        await page.ByTestId("setup-password").FillAsync(password);
        await page.ByTestId("setup-confirm").FillAsync(password);
        await page.ByTestId("setup-submit").ClickAsync();
    }
}
