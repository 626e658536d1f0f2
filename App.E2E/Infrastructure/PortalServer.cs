using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SellerPortal.E2E.Infrastructure;

/// <summary>
/// The real portal on real Kestrel, on a free loopback port, with a fresh database and emulator store.
/// The browser needs a real socket (Blazor's WebSocket), which the in-memory test server does not give.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public PortalServer()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    public Uri BaseAddress => ClientOptions.BaseAddress;

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
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
    }
}
