using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class FirstRunJourney(BrowserFixture fixture)
{
    private const string Email = "owner@shop.example";
    private const string Password = "Sturdy-Password-2026";

    [Fact]
    public async Task NewMerchant_SetsUp_SignsIn_SeesTheDashboard_AndSignsOut()
    {
        // A portal of its own: first-run setup needs a database with no users.
        await using var portal = new PortalServer();
        await fixture.RunAsync(portal, "first-run", async page =>
        {
            // A fresh install opens on first-run setup.
            await page.GotoAsync("/");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup$"));
            await new SetupPage(page).CreateFirstAdminAsync("Owner", Email, Password);

            var shell = new ShellPage(page);
            await shell.ExpectDashboardAsync(Email);
            await Assertions.Expect(page.ByTestId("empty-connect-channel")).ToBeVisibleAsync();
            await Assertions.Expect(page.ByTestId("nav-admin")).ToBeVisibleAsync();
            var screenshot = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 10_000, "the dashboard screenshot should hold a rendered page");

            await shell.SignOutAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

            // Setup is gone; signing in again lands on the dashboard.
            await page.GotoAsync("/setup");
            await Assertions.Expect(page.ByTestId("login-form")).ToBeVisibleAsync();
            await new LoginPage(page).SignInAsync(Email, Password);
            await shell.ExpectDashboardAsync(Email);
            await shell.SignOutAsync();
            await Assertions.Expect(page.ByTestId("login-form")).ToBeVisibleAsync();
        });
    }
}
