using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Ebay.Support;

/// <summary>The portal with its eBay emulator (RuName accept URL set for tests), and a client host wired with AddEbay.</summary>
public sealed class EbayEmulatorFixture : IAsyncLifetime
{
    /// <summary>Test settings: fake keysets matching the emulator's defaults; hosts left to the sandbox post-configuration.</summary>
    public static readonly Dictionary<string, string?> ClientSettings = new()
    {
        ["Channels:Ebay:Sandbox:ClientId"] = "SellerPo-portal-SBX-0a1b2c3d4-5e6f7a8b",
        ["Channels:Ebay:Sandbox:ClientSecret"] = "SBX-sandbox-ebay-client-secret",
        ["Channels:Ebay:Sandbox:RuName"] = "Seller_Portal-SellerPo-portal-sandbox",
        ["Channels:Ebay:Production:ClientId"] = "SellerPo-portal-SBX-0a1b2c3d4-5e6f7a8b",
        ["Channels:Ebay:Production:ClientSecret"] = "SBX-sandbox-ebay-client-secret",
        ["Channels:Ebay:Production:RuName"] = "Seller_Portal-SellerPo-portal-sandbox",
    };

    public PortalAppFactory Factory { get; } = PortalAppFactory.With(null, new Dictionary<string, string?>
    {
        ["Sandbox:Ebay:AcceptUrl"] = EbayTestTokenSource.AcceptUrl.ToString(),
    });

    public IHost Host { get; private set; } = null!;

    public EbayTestTokenSource Tokens => Host.Services.GetRequiredService<EbayTestTokenSource>();

    public EbayConnector Connector => Host.Services.GetRequiredService<EbayConnector>();

    public EbayAuthorization Authorization => Host.Services.GetRequiredService<EbayAuthorization>();

    public HttpClient Raw { get; private set; } = null!;

    public ChannelAccountContext Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Raw = Factory.CreateClient();
        var factory = Factory;
        Host = ClientHost.Build(Factory, ClientSettings, builder =>
        {
            builder.AddEbay();
            builder.AddEbaySandbox();
            builder.PointEbayAtEmulator();
            builder.Services.AddSingleton(sp => new EbayTestTokenSource(factory, sp));
            builder.Services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<EbayTestTokenSource>());
        });
        await Tokens.ConnectAsync();
        Account = Tokens.Account();
    }

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        var response = await Raw.PostAsJsonAsync("/sandbox/ebay/_control/" + path, body ?? new { });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatsAsync() => await Raw.GetFromJsonAsync<JsonElement>("/sandbox/ebay/_control/stats");

    public async Task DisposeAsync()
    {
        Host.Dispose();
        Raw.Dispose();
        await Factory.DisposeAsync();
    }
}
