using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

public sealed class HealthPage(IPage page)
{
    public async Task RunAllChecksAsync()
    {
        await page.GotoAsync("admin/health");
        await page.WaitForCircuitAsync();
        await page.ByTestId("run-all-checks").ClickAsync();
        await Assertions.Expect(page.ByTestId("health-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.ByTestId("run-all-checks")).ToBeEnabledAsync(new() { Timeout = 30_000 });
    }

    /// <summary>The status chips of every channel-account check.</summary>
    public ILocator ChannelStatuses => page.Locator("[data-testid^=health-status-channel-]");
}
