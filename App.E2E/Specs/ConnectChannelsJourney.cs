using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class ConnectChannelsJourney(BrowserFixture fixture)
{
    [Theory]
    [InlineData("Amazon")]
    [InlineData("Ebay")]
    public Task StaffConnectsAChannel_ThroughTheEmulatorsConsentPage_AndSeesItConnected(string channel) =>
        fixture.RunAsync($"connect-{channel}", async page =>
        {
            await SignIn.AsAdminAsync(page);
            var channels = new ChannelsPage(page);
            await channels.OpenAsync();

            await channels.ConnectAsync(channel);
            await channels.ApproveConsentAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/channels"));
            var card = channels.Card(channel);
            await Assertions.Expect(card.GetByText("Connected").First).ToBeVisibleAsync();
            await Assertions.Expect(card.Locator("[data-testid^=account-shop-]").First).Not.ToBeEmptyAsync();
        });

    [Fact]
    public Task DenyingConsent_ShowsAClearMessage_AndConnectsNothing() =>
        fixture.RunAsync("deny-Amazon", async page =>
        {
            await SignIn.AsAdminAsync(page);
            var channels = new ChannelsPage(page);
            await channels.OpenAsync();
            var accountsBefore = await channels.Card("Amazon").Locator("[data-testid^=account-status-]").CountAsync();

            await channels.ConnectAsync("Amazon");
            await channels.DenyConsentAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/channels"));
            await Assertions.Expect(page.GetByText(new Regex("Access was not granted on Amazon")).First).ToBeVisibleAsync();
            await Assertions.Expect(channels.Card("Amazon").Locator("[data-testid^=account-status-]")).ToHaveCountAsync(accountsBefore);
        });
}
