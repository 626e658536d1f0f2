using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await Assertions.Expect(page.ByTestId("login-form")).ToBeVisibleAsync();
        await page.ByTestId("login-email").FillAsync(email);
        await page.ByTestId("login-password").FillAsync(password);
        await page.ByTestId("login-submit").ClickAsync();
    }
}
