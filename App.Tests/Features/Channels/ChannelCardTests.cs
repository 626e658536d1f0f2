using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

public sealed class ChannelCardTests : MudTestContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously; xunit 2 would call the synchronous Dispose.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static ChannelAccountView Account(int id, ChannelAccountStatus status) =>
        new(id, ChannelKind.TikTokShop, "Main shop", "Main shop", ChannelEnvironment.Sandbox, status,
            DateTime.UtcNow.AddDays(6), DateTime.UtcNow.AddMinutes(-3), status == ChannelAccountStatus.NeedsReauth ? "Refresh token revoked." : null);

    [Fact]
    public void NeedsReauthAccount_ShowsReconnect_AndItsStatus()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true, [Account(7, ChannelAccountStatus.NeedsReauth)]);

        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));

        Assert.NotNull(cut.Find("[data-testid=reconnect-7]"));
        Assert.Contains("Needs reconnecting", cut.Find("[data-testid=account-status-7]").TextContent);
        Assert.Contains("Main shop", cut.Find("[data-testid=account-shop-7]").TextContent);
        Assert.Contains("Refresh token revoked.", cut.Find("[data-testid=account-error-7]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=coming-soon-TikTokShop]"));
    }

    [Fact]
    public void ConnectedAccount_HasNoReconnect_ButTestAndDisconnect()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true, [Account(8, ChannelAccountStatus.Connected)]);

        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));

        Assert.Empty(cut.FindAll("[data-testid=reconnect-8]"));
        Assert.NotNull(cut.Find("[data-testid=test-connection-8]"));
        Assert.NotNull(cut.Find("[data-testid=disconnect-8]"));
        Assert.Equal("Token expires: in 6 days", cut.Find("[data-testid=account-expiry-8]").TextContent.Trim());
        Assert.Equal("Last successful call: 3 min ago", cut.Find("[data-testid=account-last-call-8]").TextContent.Trim());
    }

    [Fact]
    public void Settings_AreOfferedToAnAdmin_WhereTheChannelHasThem_AndRaiseTheAccount()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true, [Account(9, ChannelAccountStatus.Connected)]);
        ChannelAccountView? raised = null;

        var admin = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true).Add(c => c.OnSettings, (ChannelAccountView a) => raised = a));
        var staff = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, false).Add(c => c.OnSettings, (ChannelAccountView a) => raised = a));
        var without = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));
        admin.Find("[data-testid=account-settings-9]").Click();

        Assert.Equal(9, raised?.Id);
        Assert.Empty(staff.FindAll("[data-testid=account-settings-9]"));
        Assert.Empty(without.FindAll("[data-testid=account-settings-9]"));
    }

    [Fact]
    public void UnimplementedChannel_ShowsComingSoon_AndADisabledConnect()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.Gem, "GeM", false, []);

        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));

        Assert.Contains("Coming soon", cut.Find("[data-testid=coming-soon-Gem]").TextContent);
        Assert.True(cut.Find("[data-testid=connect-Gem]").HasAttribute("disabled"));
    }

    [Fact]
    public void ForStaff_TheCardOffersTestConnectionOnly_NoConnectReconnectOrDisconnect()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true,
            [Account(10, ChannelAccountStatus.NeedsReauth), Account(11, ChannelAccountStatus.Connected)]);

        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, false));

        Assert.NotNull(cut.Find("[data-testid=test-connection-11]"));
        Assert.Empty(cut.FindAll("[data-testid=reconnect-10]"));
        Assert.Empty(cut.FindAll("[data-testid=disconnect-11]"));
        Assert.Empty(cut.FindAll("[data-testid=connect-TikTokShop]"));
    }

    [Fact]
    public void TestConnection_RaisesOnTestWithTheAccount()
    {
        RenderProviders();
        ChannelAccountView? tested = null;
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true, [Account(9, ChannelAccountStatus.Connected)]);
        var cut = Render<ChannelCard>(p => p
            .Add(c => c.Card, card)
            .Add(c => c.OnTest, (ChannelAccountView a) => tested = a));

        cut.Find("[data-testid=test-connection-9]").Click();

        Assert.Equal(9, tested?.Id);
    }

    [Fact]
    public void AShopChannel_AsksWhichShop_AndConnectsOnlyOnceTheNameFits_ToThatShop()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.Shopify, "Shopify", true, [], SellerPortal.Integrations.Shopify.ShopifyDescriptor.ShopDomain);
        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));
        var connect = () => cut.Find("[data-testid=connect-Shopify]");

        Assert.True(connect().HasAttribute("disabled"));
        cut.Find("input[data-testid=connect-shop-Shopify]").Input("my store.myshopify.com");
        Assert.True(connect().HasAttribute("disabled"));
        Assert.Contains("Type the shop's myshopify.com domain", cut.Markup);

        cut.Find("input[data-testid=connect-shop-Shopify]").Input("  Acme-Goods.myshopify.com ");
        Assert.False(connect().HasAttribute("disabled"));
        connect().Click();

        Assert.Equal("http://localhost/channels/connect/Shopify?shop=acme-goods.myshopify.com", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void AShopChannelsReconnect_GoesBackToTheAccountsOwnShop()
    {
        RenderProviders();
        var account = Account(12, ChannelAccountStatus.NeedsReauth) with { Channel = ChannelKind.Shopify, ShopId = "acme-goods.myshopify.com" };
        var card = new ChannelCardModel(ChannelKind.Shopify, "Shopify", true, [account], SellerPortal.Integrations.Shopify.ShopifyDescriptor.ShopDomain);
        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));

        cut.Find("[data-testid=reconnect-12]").Click();

        Assert.Equal("http://localhost/channels/connect/Shopify?shop=acme-goods.myshopify.com", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void AChannelWithoutShops_AsksNothingBeforeConnect()
    {
        RenderProviders();
        var card = new ChannelCardModel(ChannelKind.TikTokShop, "TikTok Shop", true, []);

        var cut = Render<ChannelCard>(p => p.Add(c => c.Card, card).Add(c => c.CanManage, true));

        Assert.Empty(cut.FindAll("[data-testid=connect-shop-TikTokShop]"));
        Assert.False(cut.Find("[data-testid=connect-TikTokShop]").HasAttribute("disabled"));
    }
}
