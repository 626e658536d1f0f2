using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Tests.Integrations.Common.Fakes;

namespace SellerPortal.Tests.Integrations.Common;

/// <summary>
/// The shared channel services on a fresh, migrated temp-file SQLite database, without the web host:
/// a <see cref="FakeTimeProvider"/> set to now and the <see cref="FakeChannelAuthorization"/>.
/// </summary>
public sealed class CommonTestHost : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));

    public CommonTestHost(Action<IServiceCollection>? configure = null, TimeProvider? clock = null)
    {
        Directory.CreateDirectory(folder);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(clock ?? Clock);
        services.AddDbContextFactory<SqliteAppDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(folder, "portal.db")};Pooling=false"));
        services.AddSingleton<IDbContextFactory<AppDbContext>, ContextFactory<SqliteAppDbContext>>();
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton<FakeChannelAuthorization>();
        services.AddChannel(new ChannelDescriptor { Kind = FakeChannelAuthorization.Kind }).Authorization<FakeChannelAuthorization>();
        services.AddSingleton<ChannelCredentialStore>();
        services.AddSingleton<ChannelTokenService>();
        services.AddSingleton<ChannelRateLimiters>();
        services.AddSingleton<OAuthStateService>();
        services.AddSingleton<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>();
        services.AddSingleton<IApiCallRecorder>(sp => sp.GetRequiredService<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>());
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public AppDbContext Db() => Get<IDbContextFactory<AppDbContext>>().CreateDbContext();

    /// <summary>The API call log is written in the background: wait for the rows of the calls made so far.</summary>
    public Task FlushCallLogAsync() => Get<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>().FlushAsync();

    /// <summary>A connected account of the fake channel holding these tokens.</summary>
    public async Task<ChannelAccountContext> AddAccountAsync(TokenSet tokens, string shopId = "shop-1")
    {
        await using var db = Db();
        var account = new ChannelAccount
        {
            Channel = FakeChannelAuthorization.Kind,
            DisplayName = "Test shop",
            ShopId = shopId,
            ShopName = "Test shop",
            CreatedUtc = Clock.GetUtcNow().UtcDateTime,
        };
        Get<ChannelCredentialStore>().Write(account, ChannelCredentials.FromTokens(tokens));
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return ChannelAccountContexts.For(account);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on this platform: the temp folder is cleaned by the OS.
        }
    }
}
