using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Etsy;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Abstractions;

/// <summary>The registry as the app builds it: every marketplace found by its kind, each described by its own descriptor.</summary>
public sealed class ChannelRegistryTests : IAsyncLifetime
{
    private readonly PortalAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void InDisplayOrder_IsTheChannelsPageOrder_WithTheNamesMerchantsWrite()
    {
        using var scope = factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();

        Assert.Equal(
            ["TikTok Shop", "Amazon", "eBay", "Etsy", "Shopify", "Flipkart", "IndiaMART", "GeM", "ShipStation"],
            registry.InDisplayOrder.Select(d => d.DisplayName));
        Assert.Equal([ChannelKind.TikTokShop, ChannelKind.Amazon, ChannelKind.Ebay, ChannelKind.Etsy, ChannelKind.Shopify],
            registry.Registered.Select(d => d.Kind));
    }

    [Fact]
    public void EachMarketplace_IsFoundUnderItsOwnKind()
    {
        using var scope = factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();

        Assert.IsType<TikTokShopConnector>(registry.Connector(ChannelKind.TikTokShop));
        Assert.IsType<AmazonConnector>(registry.Connector(ChannelKind.Amazon));
        Assert.IsType<EbayConnector>(registry.Connector(ChannelKind.Ebay));
        Assert.IsType<EbayAuthorization>(registry.Authorization(ChannelKind.Ebay));
        Assert.IsType<EbayWebhookVerifier>(registry.WebhookVerifier(ChannelKind.Ebay));
        Assert.IsType<TikTokShopAccountSettings>(registry.AccountSettings(ChannelKind.TikTokShop));
        Assert.IsType<AmazonAuthorization>(registry.RefreshTokenConnect(ChannelKind.Amazon));
        Assert.Null(registry.RefreshTokenConnect(ChannelKind.Ebay));
        Assert.IsType<EtsyConnector>(registry.Connector(ChannelKind.Etsy));
        Assert.IsType<EtsyAuthorization>(registry.Authorization(ChannelKind.Etsy));
        Assert.Null(registry.WebhookVerifier(ChannelKind.Etsy));
        Assert.IsType<ShopifyConnector>(registry.Connector(ChannelKind.Shopify));
        Assert.IsType<ShopifyAuthorization>(registry.Authorization(ChannelKind.Shopify));
        Assert.IsType<ShopifyWebhookVerifier>(registry.WebhookVerifier(ChannelKind.Shopify));
        Assert.Equal([ChannelKind.TikTokShop, ChannelKind.Amazon, ChannelKind.Ebay, ChannelKind.Etsy, ChannelKind.Shopify], registry.Connectors.Select(c => c.Channel));
    }

    [Fact]
    public void AnUnregisteredKind_HasNoParts_AndOnlyItsName()
    {
        using var scope = factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();

        Assert.Equal(255, registry.Describe(ChannelKind.Shopify).TitleMaxLength);
        Assert.Null(registry.Connector(ChannelKind.Gem));
        Assert.Null(registry.Authorization(ChannelKind.Gem));
        Assert.Same(ChannelCapabilities.None, registry.Capabilities(ChannelKind.Gem));
        var gem = registry.Describe(ChannelKind.Gem);
        Assert.Equal(("GeM", null, ChannelTone.Default), (gem.DisplayName, gem.TitleMaxLength, gem.Tone));
        Assert.Empty(gem.ListingFields);
    }

    [Fact]
    public void Descriptors_CarryEachMarketplacesTitleLimitAndFields()
    {
        using var scope = factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();

        Assert.Equal([255, 200, 80, 140, 255], registry.Registered.Select(d => d.TitleMaxLength!.Value));
        Assert.Equal(["category_id", "condition", "listing_duration", "fulfillment_policy_id", "payment_policy_id", "return_policy_id"],
            registry.Describe(ChannelKind.Ebay).ListingFields.Select(f => f.Key));
        Assert.Equal([AmazonDescriptor.AsinField], registry.Describe(ChannelKind.Amazon).ListingFields.Where(f => f.FromCatalogSearch).Select(f => f.Key));
    }

    [Fact]
    public void TestChannels_DescribeTheSameMarketplacesAsTheApp()
    {
        using var scope = factory.Services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ChannelRegistry>();

        Assert.Equal(registry.Registered.Select(d => d.Kind).Order(), TestChannels.Descriptors.Select(d => d.Kind).Order());
    }
}
