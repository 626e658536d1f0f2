using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SellerPortal.Data;

namespace SellerPortal.E2E.Infrastructure;

/// <summary>
/// The real portal on real Kestrel, on a free loopback port, with a fresh database and emulator store.
/// The browser needs a real socket (Blazor's WebSocket), which the in-memory test server does not give.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly int port;

    public PortalServer()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        // The emulators' consent pages and token endpoints live on the portal's own address, which must be known
        // before start: take a free loopback port first.
        port = FreePort();
        UseKestrel(port);
        StartServer();
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var free = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return free;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://localhost:{port}/");

    /// <summary>The headers a call to the emulators' control API needs (this process's token).</summary>
    public Dictionary<string, string> ControlHeaders => new()
    {
        [SellerPortal.Sandbox.Common.SandboxControlToken.Header] = Services.GetRequiredService<SellerPortal.Sandbox.Common.SandboxControlToken>().Value,
    };

    /// <summary>Creates a staff user directly through Identity (tests that are not about first-run setup).</summary>
    public Task EnsureUserAsync(string email, string password, string role) => PortalUsers.EnsureAsync(Services, email, password, role);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Quartz.Logging.LogContext.SetCurrentLogProvider(LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning)));
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the static web assets of packages (MudBlazor's CSS/JS) are only served when asked for.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(DataDirectory, "portal.db")}",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DataSource"] = Path.Combine(DataDirectory, "sandbox.db"),
            ["Sandbox:PortalBaseUrl"] = $"http://localhost:{port}",
            ["Channels:Ebay:AccountDeletion:EndpointUrl"] = $"http://localhost:{port}/webhooks/Ebay",
            ["Logging:LogLevel:Default"] = "Warning",
            // Journeys watch the queue drain: dispatch every second instead of every five.
            ["Sync:DispatchInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }
}
