using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using SellerPortal.Data;

namespace SellerPortal.Benchmarks;

/// <summary>
/// The real portal, built by <see cref="SellerPortalServices.AddSellerPortal"/> like the app, started in-process on a
/// free loopback port with a fresh temp data folder (its database and the emulators' store), Sandbox on and the
/// scheduler running as in production (a benchmark that drives the dispatcher itself passes
/// <see cref="WithoutScheduler"/>, so nothing else claims the queue). <see cref="RestartAsync"/> disposes the host and
/// starts a new one on the same folder and port (the soak's mid-run restart). The folder is deleted on dispose.
/// </summary>
internal sealed class BenchmarkPortal : IAsyncDisposable
{
    private readonly IDictionary<string, string?> settings;

    private readonly Action<IServiceCollection>? configureServices;

    private BenchmarkPortal(string dataDirectory, Uri baseAddress, IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        this.configureServices = configureServices;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        this.settings = settings;
    }

    public WebApplication App { get; private set; } = null!;

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// An HTTP client on the portal that may use the emulators' control API. Each request carries the token of the
    /// host running at that moment, so the client outlives a <see cref="RestartAsync"/> (a new host makes a new token).
    /// </summary>
    public HttpClient CreateControlClient() =>
        new(new CurrentControlToken(this) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

    private sealed class CurrentControlToken(BenchmarkPortal portal) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(Sandbox.Common.SandboxControlToken.Header);
            request.Headers.Add(Sandbox.Common.SandboxControlToken.Header, portal.Services.GetRequiredService<Sandbox.Common.SandboxControlToken>().Value);
            return base.SendAsync(request, cancellationToken);
        }
    }

    public string SandboxPath => Path.Combine(DataDirectory, "sandbox.db");

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    /// <summary>These settings with Quartz off: for benchmarks that run the dispatcher or the queries themselves.</summary>
    public static Dictionary<string, string?> WithoutScheduler(IDictionary<string, string?>? settings = null) =>
        new(settings ?? new Dictionary<string, string?>()) { ["Scheduling:Enabled"] = "false" };

    /// <param name="configureServices">Added to each host's services (the soak's database faults), at start and on restart.</param>
    public static async Task<BenchmarkPortal> StartAsync(IDictionary<string, string?>? settings, CancellationToken ct, Action<IServiceCollection>? configureServices = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var portal = new BenchmarkPortal(dataDirectory, new Uri($"http://127.0.0.1:{FreePort()}"), settings ?? new Dictionary<string, string?>(), configureServices);
        portal.App = await portal.BuildAndStartAsync(ct);
        return portal;
    }

    /// <summary>Stops this host and starts a new one on the same database, emulator store and port.</summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        await App.StopAsync(ct);
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        App = await BuildAndStartAsync(ct);
    }

    private async Task<WebApplication> BuildAndStartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Testing: the emulators mount only in Development and Testing; not Development (no dev pages or launch settings).
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
            // The portal's own name, not the entry assembly's (a test host), so its static assets manifest is found.
            ApplicationName = typeof(BenchmarkPortal).Assembly.GetName().Name,
        });
        var values = new Dictionary<string, string?>
        {
            ["urls"] = BaseAddress.ToString(),
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath}",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DataSource"] = SandboxPath,
            ["Sandbox:PortalBaseUrl"] = BaseAddress.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:SellerPortal.Features.Sync"] = "Error",
            ["Logging:LogLevel:SellerPortal.Features.Orders"] = "Error",
            ["Logging:LogLevel:SellerPortal.Features.Inventory"] = "Error",
            ["Logging:LogLevel:SellerPortal.Integrations"] = "Error",
            ["Logging:LogLevel:System.Net.Http"] = "Error",
            ["Logging:LogLevel:Quartz"] = "Error",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSellerPortal();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        app.MapSellerPortal();
        await app.StartAsync(ct);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left in the temp folder; nothing depends on it.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
