using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>
/// The whole portal (with the TikTok Shop emulator) on a temp SQLite, and a client-side container built by
/// <see cref="TikTokShopServiceCollectionExtensions.AddTikTokShop"/> whose typed client talks to that server.
/// </summary>
public sealed class TikTokShopEmulatorFixture : IAsyncLifetime
{
    public const string AppKey = "sandbox-tiktok-app-key";
    public const string AppSecret = "sandbox-tiktok-app-secret-not-real";
    public const string ServiceId = "sandbox-tiktok-service";
    public const string EmulatorBase = "http://localhost/sandbox/tiktok";

    public TikTokShopEmulatorFixture()
        : this(null)
    {
    }

    private TikTokShopEmulatorFixture(string? dataDirectory, IDictionary<string, string?>? emulatorSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sandbox:TikTokShop:AppKey"] = AppKey,
            ["Sandbox:TikTokShop:AppSecret"] = AppSecret,
            ["Sandbox:TikTokShop:ServiceId"] = ServiceId,
            ["Sandbox:TikTokShop:WebhookUrl"] = "http://localhost" + WebhookCaptureAppFactory.ReceiverPath,
        };
        foreach (var (key, value) in emulatorSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Factory = new WebhookCaptureAppFactory(dataDirectory, settings);
    }

    public WebhookCaptureAppFactory Factory { get; }

    /// <summary>A second host on the databases of an earlier one (a restart).</summary>
    public static TikTokShopEmulatorFixture Reopen(string dataDirectory) => new(dataDirectory);

    /// <summary>A separate host whose emulator runs with other settings (short token lifetimes).</summary>
    public static TikTokShopEmulatorFixture WithEmulatorSettings(IDictionary<string, string?> settings) => new(null, settings);

    public HttpClient Portal { get; private set; } = null!;

    /// <summary>The merchant's picture host the client reads images from.</summary>
    public MerchantImageHost Images { get; } = new();

    public MemoryMediaCache Media { get; } = new();

    public IServiceProvider Services { get; private set; } = null!;

    public EmulatorAccessTokenSource Tokens => (EmulatorAccessTokenSource)Services.GetRequiredService<IAccessTokenSource>();

    public TikTokShopClient Client => Services.GetRequiredService<TikTokShopClient>();

    public TikTokShopConnector Connector => Services.GetRequiredService<TikTokShopConnector>();

    public TikTokShopAuthorization Authorization => Services.GetRequiredService<TikTokShopAuthorization>();

    public Task InitializeAsync()
    {
        Portal = PortalClient.Anonymous(Factory);
        Services = BuildClientServices(AppSecret, null);
        return Task.CompletedTask;
    }

    /// <summary>A client-side container; pass another secret to sign wrongly.</summary>
    public IServiceProvider BuildClientServices(string appSecret, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:TikTokShop:AppKey"] = AppKey,
            ["Channels:TikTokShop:AppSecret"] = appSecret,
            ["Channels:TikTokShop:ServiceId"] = ServiceId,
            ["Channels:TikTokShop:ApiBaseUrl"] = EmulatorBase,
            ["Channels:TikTokShop:AuthBaseUrl"] = EmulatorBase,
            ["Channels:TikTokShop:AuthorizePageUrl"] = EmulatorBase + "/oauth/authorize",
        });
        builder.AddTikTokShop();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => Factory.Server.CreateHandler()));
        builder.Services.AddSingleton<IAccessTokenSource>(sp => new EmulatorAccessTokenSource(sp, Portal));
        builder.Services.AddSingleton<IChannelMediaCache>(Media);
        builder.Services.AddHttpClient(TikTokShopImages.SourceClientName).ConfigurePrimaryHttpMessageHandler(() => Images);
        configure?.Invoke(builder);
        return builder.Build().Services;
    }

    public async Task<HttpResponseMessage> ControlAsync(string path, object body) =>
        await Portal.PostAsync($"/sandbox/tiktok/_control/{path}",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Clears every injected fault (the common fault control: DELETE /_control/faults).</summary>
    public async Task ResetFaultsAsync() => (await Portal.DeleteAsync("/sandbox/tiktok/_control/faults")).EnsureSuccessStatusCode();

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Factory.DisposeAsync();
    }
}
