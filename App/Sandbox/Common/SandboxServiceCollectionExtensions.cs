using Microsoft.Data.Sqlite;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Sandbox.TikTokShop;

namespace SellerPortal.Sandbox.Common;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// The marketplace emulators' shared parts (store, faults). Each emulator adds itself in
    /// <c>Sandbox/&lt;Channel&gt;</c>; nothing is mounted unless Sandbox:Enabled is true, and never in Production.
    /// </summary>
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        if (!IsEnabled(builder))
        {
            return builder;
        }

        var options = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new();
        var path = Path.IsPathRooted(options.DataSource)
            ? options.DataSource
            : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.DataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
        builder.Services.AddSingleton(new SandboxStore(connectionString));
        // A fixed seed replays the same faults (soak runs); without one the dice differ each start.
        builder.Services.AddSingleton(new SandboxFaults(options.FaultSeed is { } seed ? new Random(seed) : null));
        builder.AddAmazonSandbox();
        builder.AddEbaySandbox();
        builder.AddTikTokShopSandbox();
        return builder;
    }

    public static bool IsEnabled(IHostApplicationBuilder builder) =>
        !builder.Environment.IsProduction()
        && builder.Configuration.GetValue<bool>($"{SandboxOptions.SectionName}:Enabled");

    /// <summary>Mounts every emulator under /sandbox when enabled. Anonymous: the emulators do their own auth checks.</summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (app.Services.GetService<SandboxStore>() is null)
        {
            return app;
        }

        var sandbox = app.MapGroup("/sandbox").AllowAnonymous().DisableAntiforgery();
        sandbox.MapGet("/", () => TypedResults.Ok(new { emulators = "see /sandbox/{channel}" }));
        sandbox.MapAmazonSandbox();
        sandbox.MapEbaySandbox();
        sandbox.MapTikTokShopSandbox();
        return app;
    }
}
