using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class StaffAccountsJourney(BrowserFixture fixture)
{
    [Fact]
    public Task AnAdminAddsAPacker_WhoChoosesTheirOwnPasswordAtTheFirstSignIn() =>
        fixture.RunAsync("staff-accounts", async page =>
        {
            var email = $"packer-{Guid.NewGuid():N}"[..15] + "@example.com";
            await SignIn.AsAdminAsync(page);
            await page.GotoAsync("admin/users");
            await page.WaitForCircuitAsync();
            await page.ByTestId("add-user").ClickAsync();
            await page.ByTestId("new-user-email").FillAsync(email);
            await page.ByTestId("new-user-name").FillAsync("Pat Packer");
            await page.ByTestId("new-user-password").FillAsync("Given-By-Admin-1");
            await page.ByTestId("new-user-save").ClickAsync();
            await Assertions.Expect(page.ByTestId($"user-status-{email}")).ToContainTextAsync("Temporary password");

            await page.ByTestId("sign-out").ClickAsync();
            await new LoginPage(page).SignInAsync(email, "Given-By-Admin-1");

            // Anything the packer opens leads to Change password first.
            await Assertions.Expect(page.ByTestId("change-password-form")).ToBeVisibleAsync();
            await page.GotoAsync("orders");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/ChangePassword$"));
            await page.ByTestId("current-password").FillAsync("Given-By-Admin-1");
            await page.ByTestId("new-password").FillAsync("Packers-Own-Secret-9");
            await page.ByTestId("confirm-password").FillAsync("Packers-Own-Secret-9");
            await page.ByTestId("change-password-submit").ClickAsync();
            await Assertions.Expect(page.ByTestId("dashboard-title")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "packer-first-sign-in.png"), FullPage = true });
        });
}
