using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;

namespace SellerPortal.E2E.Pages;

public static class SignIn
{
    /// <summary>Signs in as the fixture's admin and waits for the interactive dashboard.</summary>
    public static async Task AsAdminAsync(IPage page)
    {
        await page.GotoAsync("Account/Login");
        await new LoginPage(page).SignInAsync(BrowserFixture.AdminEmail, BrowserFixture.AdminPassword);
        await Assertions.Expect(page.ByTestId("dashboard-title")).ToBeVisibleAsync();
        await page.WaitForCircuitAsync();
    }
}
