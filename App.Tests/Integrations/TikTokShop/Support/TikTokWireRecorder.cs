using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>The HTTP boundary of an offline TikTok Shop client, for official answers served as published.</summary>
public sealed class TikTokWireRecorder : WireRecorder<TikTokWireRecorder>
{
    public const string AppKey = "offline-app-key";
    public const string AppSecret = "offline-app-secret";
    public const string AccessToken = "TTP_offline-access-token";

    /// <summary>A shop-scoped account, with the cipher of the official getAuthorizedShops example.</summary>
    public static ChannelAccountContext Account { get; } = new(11, ChannelKind.TikTokShop, ChannelEnvironment.Production, "7000714532876273420", "7010736057180325637", "GB")
    {
        Properties = new Dictionary<string, string> { [TikTokShopSigningMessageHandler.ShopCipherProperty] = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3" },
    };

    /// <summary>The client's whole registration (signing handler included), every HTTP client sending into this recorder.</summary>
    public IServiceProvider Services(MerchantImageHost? images = null, TimeProvider? time = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:TikTokShop:AppKey"] = AppKey,
            ["Channels:TikTokShop:AppSecret"] = AppSecret,
            ["Channels:TikTokShop:ServiceId"] = "offline-service",
        });
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.AddTikTokShop();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => this));
        builder.Services.AddHttpClient(TikTokShopImages.SourceClientName).ConfigurePrimaryHttpMessageHandler(() => images ?? new MerchantImageHost());
        builder.Services.AddSingleton<IAccessTokenSource>(new FixedToken());
        builder.Services.AddSingleton<IChannelMediaCache>(new MemoryMediaCache());
        return builder.Build().Services;
    }

    private sealed class FixedToken : IAccessTokenSource
    {
        public Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct) => Task.FromResult(AccessToken);

        public Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct) => Task.FromResult(AccessToken);
    }
}
