using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;

namespace SellerPortal.Tests.Integrations.TikTokShop;

public sealed class TikTokShopRegistrationTests
{
    [Fact]
    public void AddTikTokShop_InDevelopment_BuildsUnderValidateOnBuild_BeforeTheTokenSourceIsRegistered()
    {
        var builder = Builder("Development", new() { ["Channels:TikTokShop:AppKey"] = "k", ["Channels:TikTokShop:AppSecret"] = "s", ["Channels:TikTokShop:ServiceId"] = "id" });

        builder.AddTikTokShop();
        using var host = builder.Build();

        Assert.IsType<TikTokShopWebhookVerifier>(host.Services.GetRequiredService<ChannelRegistry>().WebhookVerifier(ChannelKind.TikTokShop));
        Assert.Equal("https://open-api.tiktokglobalshop.com", host.Services.GetRequiredService<IOptions<TikTokShopOptions>>().Value.ApiBaseUrl);
        Assert.Equal("https://auth.tiktok-shops.com", host.Services.GetRequiredService<IOptions<TikTokShopOptions>>().Value.AuthBaseUrl);
    }

    [Fact]
    public async Task AddTikTokShop_ConfiguredWithoutSecret_FailsAtStart()
    {
        var builder = Builder("Production", new() { ["Channels:TikTokShop:AppKey"] = "k", ["Channels:TikTokShop:ServiceId"] = "id" });
        builder.AddTikTokShop();
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AppSecret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTikTokShop_NotConfigured_StillStarts_AndRefusesToBeUsed()
    {
        var builder = Builder("Production", []);
        builder.AddTikTokShop();
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<TikTokShopOptions>>().Value);
    }

    private static HostApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = false });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
