using Microsoft.Playwright;
using SellerPortal.Data;

namespace SellerPortal.E2E.Infrastructure;

/// <summary>One portal and one Debian Chromium for the whole E2E run; each test gets a fresh browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;

    public PortalServer Portal { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ArtifactsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "e2e");

    public const string AdminEmail = "admin@shop.example";
    public const string AdminPassword = "Sturdy-Password-2026";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        Portal = new PortalServer();
        await Portal.EnsureUserAsync(AdminEmail, AdminPassword, Roles.Admin);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Runs a journey in a fresh context. On failure a screenshot and a Playwright trace are saved under
    /// TestResults/e2e before the failure is rethrown.
    /// </summary>
    public Task RunAsync(string journey, Func<IPage, Task> steps) => RunAsync(Portal, journey, steps);

    public async Task RunAsync(PortalServer portal, string journey, Func<IPage, Task> steps)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        var broken = new List<string>();
        // A stylesheet, script, font or image the app links must load, and the browser must log no error of its own
        // ("Failed to load resource" lines are the documents a journey opens on purpose, such as a 403 page).
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType is "stylesheet" or "script" or "font" or "image")
            {
                broken.Add($"{response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                broken.Add($"console: {message.Text}");
            }
        };
        try
        {
            await steps(page);
            Assert.True(broken.Count == 0, "The browser reported: " + string.Join("; ", broken));
            await context.Tracing.StopAsync();
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, $"{journey}-failure.png"), FullPage = true });
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(ArtifactsDirectory, $"{journey}-trace.zip") });
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal";
}
