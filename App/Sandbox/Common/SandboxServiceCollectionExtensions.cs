using Microsoft.Data.Sqlite;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Sandbox.Etsy;
using SellerPortal.Sandbox.Shopify;
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
        builder.Services.AddSingleton<SandboxControlToken>();
        builder.Services.AddSingleton<EmulatedChannels>();
        builder.Services.AddHostedService<SandboxControlTokenAnnouncer>();
        // One line per emulator; each client points itself at its emulator in its own Add<Channel>().
        builder.AddAmazonSandbox();
        builder.AddEbaySandbox();
        builder.AddEtsySandbox();
        builder.AddShopifySandbox();
        builder.AddTikTokShopSandbox();
        return builder;
    }

    /// <summary>
    /// The emulators mount only in Development and Testing (tests and the bench commands), and only when asked for:
    /// never in Production, Staging or any environment a deployment invents.
    /// </summary>
    public static bool IsEnabled(IHostApplicationBuilder builder) =>
        IsEmulatorEnvironment(builder.Environment)
        && builder.Configuration.GetValue<bool>($"{SandboxOptions.SectionName}:Enabled");

    public static bool IsEmulatorEnvironment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>Mounts every emulator under /sandbox when enabled. Anonymous: the emulators do their own auth checks.</summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (app.Services.GetService<SandboxStore>() is null)
        {
            return app;
        }

        app.Use(LoopbackOnly);
        app.Use(ControlNeedsToken);
        var sandbox = app.MapGroup("/sandbox").AllowAnonymous().DisableAntiforgery();
        sandbox.MapGet("/", () => TypedResults.Ok(new { emulators = "see /sandbox/{channel}" }));
        sandbox.MapAmazonSandbox();
        sandbox.MapEbaySandbox();
        sandbox.MapEtsySandbox();
        sandbox.MapShopifySandbox();
        sandbox.MapTikTokShopSandbox();
        sandbox.MapMerchantImages();
        sandbox.MapSandboxControls(app.Services);
        return app;
    }

    /// <summary>A control call without this process's token gets 403 with a sentence (see <see cref="SandboxControlToken"/>).</summary>
    private static Task ControlNeedsToken(HttpContext context, RequestDelegate next)
    {
        if (!SandboxControlToken.IsControlPath(context.Request.Path))
        {
            return next(context);
        }

        var token = context.RequestServices.GetRequiredService<SandboxControlToken>();
        if (token.Matches(context.Request.Headers[SandboxControlToken.Header].ToString()))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(
            $"The emulators' control API needs the {SandboxControlToken.Header} header with this process's token (it is in the log at start).",
            context.RequestAborted);
    }

    /// <summary>
    /// The emulators answer callers on this machine only: the portal itself, its tests and a developer's browser. A
    /// request from another address gets 404, as if nothing were mounted. (A test server's request has no address.)
    /// </summary>
    private static Task LoopbackOnly(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/sandbox"))
        {
            return next(context);
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || System.Net.IPAddress.IsLoopback(remote))
        {
            return next(context);
        }

        // A body of its own, so the status pages do not re-execute it into the portal's pages.
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return context.Response.WriteAsync("Not found", context.RequestAborted);
    }
}
