using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SellerPortal.E2E.Infrastructure;
using SellerPortal.E2E.Pages;

namespace SellerPortal.E2E.Specs;

[Collection(PortalCollection.Name)]
public sealed class ConnectChannelsJourney(BrowserFixture fixture)
{
    [Theory]
    [InlineData("TikTokShop")]
    [InlineData("Amazon")]
    [InlineData("Ebay")]
    [InlineData("Etsy")]
    [InlineData("Shopify")]
    public Task AnAdminConnectsAChannel_ThroughTheEmulatorsConsentPage_AndSeesItConnected(string channel) =>
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

    [Theory]
    [InlineData("TikTokShop", "TikTok Shop")]
    [InlineData("Amazon", "Amazon")]
    [InlineData("Shopify", "Shopify")]
    public Task DenyingConsent_ShowsAClearMessage_AndConnectsNothing(string channel, string name) =>
        fixture.RunAsync($"deny-{channel}", async page =>
        {
            await SignIn.AsAdminAsync(page);
            var channels = new ChannelsPage(page);
            await channels.OpenAsync();
            var accountsBefore = await channels.Card(channel).Locator("[data-testid^=account-status-]").CountAsync();

            await channels.ConnectAsync(channel);
            await channels.DenyConsentAsync();

            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/channels"));
            await Assertions.Expect(page.GetByText(new Regex($"Access was not granted on {name}")).First).ToBeVisibleAsync();
            await Assertions.Expect(channels.Card(channel).Locator("[data-testid^=account-status-]")).ToHaveCountAsync(accountsBefore);
        });
}
