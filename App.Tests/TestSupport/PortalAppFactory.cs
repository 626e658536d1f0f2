using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SellerPortal.Tests.TestSupport;

/// <summary>
/// The whole portal on a fresh temp-file SQLite database (and a fresh emulator store), in the Testing environment.
/// Pass <paramref name="dataDirectory"/> to reuse a database across two hosts (restart tests).
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?>? settings;

    public PortalAppFactory()
        : this(null, null)
    {
    }

    /// <summary>For tests that need their own settings or a database shared by two hosts.</summary>
    public static PortalAppFactory With(string? dataDirectory, IDictionary<string, string?>? settings = null) =>
        new(dataDirectory, settings);

    protected PortalAppFactory(string? dataDirectory, IDictionary<string, string?>? settings)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        this.settings = settings;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

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
    }
}
