using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings.ProductChannels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

/// <summary>The Amazon settings panel's "Find ASIN" dialog, searching the emulator's catalog through the real connector.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class FindAsinDialogTests : MudTestContext
{
    private readonly TestDatabase db = new();
    private readonly int accountId;

    public FindAsinDialogTests(AmazonEmulatorFixture emulator)
    {
        var context = emulator.Account;
        using (var data = db.CreateDbContext())
        {
            var account = new ChannelAccount
            {
                Channel = ChannelKind.Amazon, DisplayName = "Amazon US", Status = ChannelAccountStatus.Connected, CreatedUtc = DateTime.UtcNow,
                SellerId = context.SellerId, ShopId = context.ShopId, Region = context.Region,
                PropertiesJson = ChannelAccountContexts.WriteProperties(context.Properties),
            };
            data.ChannelAccounts.Add(account);
            data.SaveChanges();
            accountId = account.Id;
        }

        Services.AddSingleton(new ChannelCatalogSearch(db, TestChannels.Registry(emulator.Connector), NullLogger<ChannelCatalogSearch>.Instance));
    }

    [Fact]
    public void ChoosingAResult_FillsTheAsinField_AndSaveCarriesIt()
    {
        var dialogs = RenderDialogProvider();
        ListingSettings? saved = null;
        var panel = Render<ListingSettingsPanel>(p => p
            .Add(x => x.Account, View())
            .Add(x => x.OnSave, (ListingSettings s) => saved = s));

        panel.Find($"[data-testid='find-asin-{accountId}']").Click();
        dialogs.WaitForElement("[data-testid='find-asin-dialog']");
        dialogs.Find("input[data-testid='find-asin-query']").Input("card binder");
        dialogs.Find("[data-testid='find-asin-search']").Click();
        dialogs.WaitForElement("[data-testid='find-asin-use-B0SANDBOX01']", TimeSpan.FromSeconds(10)).Click();

        panel.WaitForAssertion(() =>
            Assert.Equal("B0SANDBOX01", panel.Find($"input[data-testid='field-{accountId}-asin']").GetAttribute("value")));
        // The dialog closes and the panel re-renders on the renderer's own schedule: click Save only once it is gone,
        // and read what Save carried once its handler has run (a click during a render is dispatched after it).
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='find-asin-dialog']")));
        panel.Find($"[data-testid='save-settings-{accountId}']").Click();
        panel.WaitForAssertion(() => Assert.Equal("B0SANDBOX01", saved?.Fields["asin"]));
    }

    [Fact]
    public void Cancelling_LeavesTheAsinFieldAsItWas()
    {
        var dialogs = RenderDialogProvider();
        var panel = Render<ListingSettingsPanel>(p => p.Add(x => x.Account, View("B0KEEPME01")));

        panel.Find($"[data-testid='find-asin-{accountId}']").Click();
        dialogs.WaitForElement("[data-testid='find-asin-dialog']");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        panel.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid='find-asin-dialog']")));
        Assert.Equal("B0KEEPME01", panel.Find($"input[data-testid='field-{accountId}-asin']").GetAttribute("value"));
    }

    private AccountListingView View(string? asin = null) => new(
        accountId, "Amazon US", ChannelKind.Amazon, ChannelAccountStatus.Connected, null, null, null, null, null, PriceRule.Base,
        asin is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["asin"] = asin },
        0, null, [], []);
}
