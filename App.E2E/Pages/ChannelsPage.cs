using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>The Channels page and the emulators' consent pages it leads to.</summary>
public sealed class ChannelsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("channels");
        await page.WaitForCircuitAsync();
    }

    /// <summary>The emulated shop a channel with per-shop hosts (Shopify) is connected to.</summary>
    public const string EmulatedShop = "sandbox-store.myshopify.com";

    /// <summary>Presses Connect, first naming the shop where the card asks which one.</summary>
    public async Task ConnectAsync(string channel, string shop = EmulatedShop)
    {
        var shopField = page.Locator($"input[data-testid=connect-shop-{channel}]");
        if (await shopField.CountAsync() > 0)
        {
            await shopField.FillAsync(shop);
            await Assertions.Expect(page.ByTestId($"connect-{channel}")).ToBeEnabledAsync();
        }

        await page.ByTestId($"connect-{channel}").ClickAsync();
    }

    public async Task ApproveConsentAsync()
    {
        await Assertions.Expect(page.ByTestId("consent-approve")).ToBeVisibleAsync();
        await page.ByTestId("consent-approve").ClickAsync();
    }

    public async Task DenyConsentAsync()
    {
        await Assertions.Expect(page.ByTestId("consent-deny")).ToBeVisibleAsync();
        await page.ByTestId("consent-deny").ClickAsync();
    }

    public ILocator Card(string channel) => page.ByTestId($"channel-card-{channel}");

    /// <summary>Connects each channel through its emulator's consent page, back on the Channels page each time.</summary>
    public async Task ConnectApprovedAsync(params string[] channels)
    {
        foreach (var channel in channels)
        {
            await OpenAsync();
            await ConnectAsync(channel);
            await ApproveConsentAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/channels"));
        }
    }

    /// <summary>
    /// Opens an account's settings from its card and saves them; where the channel offers one choice per setting
    /// (as the emulators do) the dialog has chosen it already.
    /// </summary>
    public async Task SaveAccountSettingsAsync(int accountId)
    {
        await OpenAsync();
        await page.ByTestId($"account-settings-{accountId}").ClickAsync();
        await Assertions.Expect(page.ByTestId("account-settings-save")).ToBeEnabledAsync();
        await page.ByTestId("account-settings-save").ClickAsync();
        await Assertions.Expect(page.ByTestId("account-settings-dialog")).ToBeHiddenAsync();
    }
}
