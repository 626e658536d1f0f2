using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class OperationsJourney(BrowserFixture fixture)
{
    [Fact]
    public Task Admin_SeesEveryEmulatedChannelHealthy_ThenAFaultyOneOnTheDashboard() =>
        fixture.RunAsync("operations-health", async page =>
        {
            await SignIn.AsAdminAsync(page);
            await new ChannelsPage(page).ConnectApprovedAsync("TikTokShop", "Ebay");

            var health = new HealthPage(page);
            await health.RunAllChecksAsync();
            var statuses = health.ChannelStatuses;
            await Assertions.Expect(statuses.First).ToBeVisibleAsync();
            foreach (var status in await statuses.AllAsync())
            {
                await Assertions.Expect(status).ToHaveTextAsync("HEALTHY");
            }

            // Every TikTok call now fails on the emulator's side.
            var faults = await page.APIRequest.PostAsync("sandbox/tiktok/_control/faults", new() { DataObject = new { errorRate = 1.0 }, Headers = fixture.Portal.ControlHeaders });
            Assert.True(faults.Ok, $"setting faults answered {faults.Status}");
            await health.RunAllChecksAsync();

            await page.GotoAsync("");
            await page.WaitForCircuitAsync();
            var tiktok = page.Locator("[data-testid^=channel-health-][data-channel=TikTokShop]").First;
            await Assertions.Expect(tiktok).ToHaveAttributeAsync("data-health", new Regex("^(DEGRADED|ERROR)$"), new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid^=channel-health-][data-channel=Ebay]").First).ToHaveAttributeAsync("data-health", "HEALTHY");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-faulty-channel.png"), FullPage = true });

            await page.APIRequest.DeleteAsync("sandbox/tiktok/_control/faults", new() { Headers = fixture.Portal.ControlHeaders });

            // The Sync page shows each account's call pace and, for eBay, the day's quota the checks have drawn on.
            await page.GotoAsync("sync");
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.GetByTestId("rate-limits")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid^=quota-]").Filter(new() { HasTextRegex = new Regex(@"^[1-9][\d,]* of 2,000,000 used$") }))
                .ToHaveCountAsync(1);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "sync-call-limits.png"), FullPage = true });
        });
}
