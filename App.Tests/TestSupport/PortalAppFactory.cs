using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SellerPortal.Tests.TestSupport;

/// <summary>
/// The whole portal on a fresh temp-file SQLite database (and a fresh emulator store), in the Testing environment.
/// Pass <paramref name="dataDirectory"/> to reuse a database across two hosts (restart tests).
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?>? settings;
    private readonly Action<IServiceCollection>? services;

    public PortalAppFactory()
        : this(null, null)
    {
    }

    /// <summary>For tests that need their own settings or a database shared by two hosts.</summary>
    public static PortalAppFactory With(string? dataDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new(dataDirectory, settings, services);

    /// <summary>
    /// Routes the portal's own outbound HTTP (its channel clients) into its test server, so the clients reach the
    /// emulators mounted in the same app over real HTTP semantics without a socket.
    /// </summary>
    public static void RouteOutboundToTestServer(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(http =>
            http.ConfigurePrimaryHttpMessageHandler(sp => ((Microsoft.AspNetCore.TestHost.TestServer)sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()).CreateHandler()));

    /// <summary>The whole portal talking to its own emulators (see <see cref="RouteOutboundToTestServer"/>).</summary>
    public static PortalAppFactory WithEmulators(string? dataDirectory = null, IDictionary<string, string?>? settings = null) =>
        new(dataDirectory, settings, RouteOutboundToTestServer);

    protected PortalAppFactory(string? dataDirectory, IDictionary<string, string?>? settings, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        this.settings = settings;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    /// <summary>
    /// Quartz logs through a process-wide provider that it points at each host's logger factory; a disposed test host
    /// must not break the next one, so after start it is pointed at one that lives as long as the test run.
    /// </summary>
    /// <summary>Every test client may use the emulators' control API: it carries this process's token.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (Services.GetService<SellerPortal.Sandbox.Common.SandboxControlToken>() is { } token)
        {
            token.AddTo(client);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        Quartz.Logging.LogContext.SetCurrentLogProvider(TestLogging.Factory);
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DataSource"] = Path.Combine(DataDirectory, "sandbox.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests assert the queue as a request left it and drive the dispatcher themselves (SoakTests turns it on).
            ["Sync:DispatchOnEnqueue"] = "false",
            // Every test host signs in from one address (a test server's request has none) many times a minute; the
            // door limits are tested with their own settings (PublicDoorLimitsTests).
            ["PublicDoors:SignInPerAddressPerMinute"] = "100000",
            ["PublicDoors:SignInPerAccountPerMinute"] = "100000",
            ["PublicDoors:SetupPerAddressPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        // Host configuration is read before Program runs, so the database path is set before AddDatabase reads it.
        builder.UseSetting("ConnectionStrings:Sqlite", values["ConnectionStrings:Sqlite"]);
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(values));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}

internal static class TestLogging
{
    public static readonly ILoggerFactory Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning));
}
