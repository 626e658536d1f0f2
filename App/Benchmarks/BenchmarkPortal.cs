using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using SellerPortal.Data;

namespace SellerPortal.Benchmarks;

/// <summary>
/// The real portal, built by <see cref="SellerPortalServices.AddSellerPortal"/> like the app itself, started in-process
/// on a free loopback port with a fresh temp data folder (its own database and emulator store) and the emulators
/// mounted. Quartz stays off: the benchmark drives the dispatcher itself, so nothing else claims the queue.
/// Deleted on dispose.
/// </summary>
internal sealed class BenchmarkPortal : IAsyncDisposable
{
    private BenchmarkPortal(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    public static async Task<BenchmarkPortal> StartAsync(IDictionary<string, string?>? settings, CancellationToken ct)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Not Production (the emulators refuse to mount there), not Development (no dev pages or launch settings).
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
        });
        var values = new Dictionary<string, string?>
        {
            ["urls"] = baseAddress.ToString(),
            ["Database:Provider"] = nameof(DatabaseProvider.Sqlite),
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(dataDirectory, "portal.db")}",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DataSource"] = Path.Combine(dataDirectory, "sandbox.db"),
            ["Sandbox:PortalBaseUrl"] = baseAddress.ToString(),
            ["Scheduling:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Retries on 429 are counted from the call log; no static files or key encryption in a throw-away folder.
            ["Logging:LogLevel:Polly"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            // A failed batch is logged as a warning per batch; the benchmark counts failures itself.
            ["Logging:LogLevel:SellerPortal.Features.Sync.SyncDispatcher"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSellerPortal();
        var app = builder.Build();
        await app.MigrateDatabaseAsync();
        app.MapSellerPortal();
        await app.StartAsync(ct);
        return new BenchmarkPortal(app, dataDirectory, baseAddress);
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
