using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Amazon.Support;

/// <summary>The portal with its Amazon emulator, and a client host wired with AddAmazon against it.</summary>
public sealed class AmazonEmulatorFixture : IAsyncLifetime
{
    /// <summary>Test settings: fake credentials matching the emulator's defaults; hosts left to the sandbox post-configuration.</summary>
    public static readonly Dictionary<string, string?> ClientSettings = new()
    {
        ["Channels:Amazon:ClientId"] = "amzn1.application-oa2-client.sandbox0001",
        ["Channels:Amazon:ClientSecret"] = "sandbox-amazon-client-secret",
        ["Channels:Amazon:ApplicationId"] = "amzn1.sp.solution.sandbox0001",
        ["Channels:Amazon:FeedPollInterval"] = "00:00:00.020",
        ["Channels:Amazon:FeedPollTimeout"] = "00:00:30",
    };

    public const string RawUserAgent = "SellerPortalTests/1.0 (Language=csharp/10.0)";

    public PortalAppFactory Factory { get; } = new();

    public IHost Host { get; private set; } = null!;

    public AmazonTestTokenSource Tokens => Host.Services.GetRequiredService<AmazonTestTokenSource>();

    public AmazonConnector Connector => Host.Services.GetRequiredService<AmazonConnector>();

    public AmazonClient Client => Host.Services.GetRequiredService<AmazonClient>();

    public AmazonAuthorization Authorization => Host.Services.GetRequiredService<AmazonAuthorization>();

    public HttpClient Raw { get; private set; } = null!;

    public ChannelAccountContext Account { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Raw = Factory.CreateClient();
        // Amazon asks every caller to name its application; the emulator refuses a call that does not.
        Raw.DefaultRequestHeaders.UserAgent.ParseAdd(RawUserAgent);
        var factory = Factory;
        Host = ClientHost.Build(Factory, ClientSettings, builder =>
        {
            builder.AddAmazon();
            builder.AddAmazonSandbox();
            builder.PointAmazonAtEmulator();
            builder.Services.AddSingleton(sp => new AmazonTestTokenSource(factory, sp));
            builder.Services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<AmazonTestTokenSource>());
        });
        await Tokens.ConnectAsync();
        Account = Tokens.Account();
    }

    public async Task<JsonElement> ControlAsync(string path, object? body = null)
    {
        var response = await Raw.PostAsJsonAsync("/sandbox/amazon/_control/" + path, body ?? new { });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> StatsAsync() => await Raw.GetFromJsonAsync<JsonElement>("/sandbox/amazon/_control/stats");

    /// <summary>Bulk setup calls would wait on the published buckets (putListingsItem 5/s); tests of limits turn them back on.</summary>
    public Task RateLimitsAsync(bool enabled) => ControlAsync("faults", new { rateLimitsEnabled = enabled });

    public async Task DisposeAsync()
    {
        Host.Dispose();
        Raw.Dispose();
        await Factory.DisposeAsync();
    }
}
