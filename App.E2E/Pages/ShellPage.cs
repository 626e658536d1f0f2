using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>The signed-in shell: app bar, nav drawer, dashboard.</summary>
public sealed class ShellPage(IPage page)
{
    public async Task ExpectDashboardAsync(string userEmail)
    {
        await Assertions.Expect(page.ByTestId("dashboard-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.ByTestId("signed-in-user")).ToHaveTextAsync(userEmail);
        await page.WaitForCircuitAsync();
    }

    public Task SignOutAsync() => page.ByTestId("sign-out").ClickAsync();
}
