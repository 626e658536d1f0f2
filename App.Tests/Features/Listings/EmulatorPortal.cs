using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Listings.ProductChannels;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Integrations.Support;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

/// <summary>
/// The whole portal on a SQLite file with its emulators, every outbound call routed into its own test server, and
/// accounts connected through /channels/connect, the emulator's consent page and the callback. The scheduler is off
/// unless a test asks for it, so a test decides when the queue drains.
/// </summary>
internal sealed class EmulatorPortal : IAsyncDisposable
{
    public static readonly Actor Clerk = new(null, "clerk@example.com");

    /// <summary>eBay's offer needs the three business policies; they ride on the listing's channel fields.</summary>
    public static readonly Dictionary<string, string> EbayPolicies = new()
    {
        ["fulfillment_policy_id"] = "6196932000",
        ["payment_policy_id"] = "6196933000",
        ["return_policy_id"] = "6196934000",
        // publishOffer needs the inventory location too (issue 20 item 10).
        ["merchant_location_key"] = "warehouse-1",
    };

    private HttpClient? admin;

    private EmulatorPortal(PortalAppFactory factory) => Factory = factory;

    public PortalAppFactory Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public IDbContextFactory<AppDbContext> Db => Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    /// <summary>The API call log is written in the background: wait for the rows of the calls made so far.</summary>
    public Task FlushCallLogAsync() => Services.GetRequiredService<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>().FlushAsync();

    public BulkOperationsService Bulk => Services.GetRequiredService<BulkOperationsService>();

    public SyncDispatcher Dispatcher => Services.GetRequiredService<SyncDispatcher>();

    public SyncQueue Queue => Services.GetRequiredService<SyncQueue>();

    public SandboxFaults Faults => Services.GetRequiredService<SandboxFaults>();

    public SandboxStore Emulators => Services.GetRequiredService<SandboxStore>();

    /// <summary>
    /// Starts a portal on <paramref name="dataDirectory"/> (a fresh one when null). The emulators' published rate
    /// limits are off (setup volume, not what these tests are about); a short lease lets a restart test finish quickly.
    /// </summary>
    public static EmulatorPortal Start(string? dataDirectory = null, bool scheduler = false, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scheduling:Enabled"] = scheduler ? "true" : "false",
            ["Sync:Lease"] = "00:00:05",
            ["Sync:DispatchInterval"] = "00:00:01",
            ["Channels:Amazon:FeedPollInterval"] = "00:00:00.020",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var factory = PortalAppFactory.With(dataDirectory, values, services =>
        {
            PortalAppFactory.RouteOutboundToTestServer(services);
            configureServices?.Invoke(services);
        });
        _ = factory.Server;
        // Every emulator's limits off, each found through the control contract: a new one is covered without a line here.
        var faults = factory.Services.GetRequiredService<SandboxFaults>();
        foreach (var control in factory.Services.GetServices<ISandboxControl>())
        {
            faults.Set(control.About.StoreChannel, new FaultSettings { RateLimitsEnabled = false });
        }

        return new EmulatorPortal(factory);
    }

    /// <summary>
    /// Connects a channel the way staff do: connect, approve on the emulator's consent page (typing
    /// <paramref name="consentFields"/> there, such as which eBay store signs in), follow the callback. Returns the
    /// newest connected account of the channel: the one this connect made.
    /// </summary>
    public async Task<int> ConnectAsync(ChannelKind channel, IReadOnlyDictionary<string, string>? consentFields = null)
    {
        admin ??= await PortalClient.SignedInAsync(Factory, PortalClient.AdminEmail, Roles.Admin);
        // Where Connect asks which shop (Shopify), the emulator's default one is named, as staff type it on the card.
        var shop = Services.Control(Services.GetRequiredService<EmulatedChannels>().PathOf(channel)).About.ConnectShop;
        var start = await admin.GetAsync($"/channels/connect/{channel}" + (shop is null ? "" : $"?shop={Uri.EscapeDataString(shop)}"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var consent = await ConsentFlow.DecideAsync(Factory, start.Headers.Location!, approve: true, consentFields);
        var callback = await admin.GetAsync(consent.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains("connected=", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = Db.CreateDbContext();
        return await db.ChannelAccounts.Where(a => a.Channel == channel && a.Status == ChannelAccountStatus.Connected)
            .OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    public async Task<ChannelAccount> AccountAsync(int id)
    {
        await using var db = Db.CreateDbContext();
        return await db.ChannelAccounts.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public async Task MapCategoryAsync(ChannelKind channel, string marketplace, string master, string external)
    {
        await using var db = Db.CreateDbContext();
        db.CategoryMappings.Add(new CategoryMapping { Channel = channel, Marketplace = marketplace, MasterCategory = master, ExternalCategoryId = external });
        await db.SaveChangesAsync();
    }

    /// <summary>Products with one SKU each, <c>{prefix}01</c>, <c>{prefix}02</c>, …; returns their ids in that order.</summary>
    public async Task<List<int>> AddProductsAsync(string prefix, int count, string category = "Brake Discs")
    {
        await using var db = Db.CreateDbContext();
        var products = Enumerable.Range(1, count).Select(i => new Product
        {
            Name = $"Brake disc {prefix}{i:00}",
            Category = category,
            Brand = "Stopwell",
            // TikTok Shop lists nothing without a picture and a package weight.
            ImageUrls = [SandboxMerchantImages.Url("http://localhost", $"{prefix}{i:00}")],
            WeightGrams = 2400,
            Variants = [new Variant { Sku = $"{prefix}{i:00}", Price = new Money(3000 + i, "USD"), StockOnHand = 5 }],
        }).ToList();
        db.Products.AddRange(products);
        await db.SaveChangesAsync();
        return [.. products.Select(p => p.Id)];
    }

    public async Task SetEbayPoliciesAsync(IEnumerable<int> productIds, int ebayAccountId)
    {
        var settings = Services.GetRequiredService<ProductChannelsService>();
        foreach (var id in productIds)
        {
            await settings.SaveSettingsAsync(id, ebayAccountId, PriceRule.Base, EbayPolicies, Clerk, CancellationToken.None);
        }
    }

    /// <summary>
    /// The channel call a publish job makes, with the draft its handler would build, and nothing recorded: what a
    /// dispatcher that died before writing the answer leaves behind.
    /// </summary>
    public async Task SendWithoutRecordingAsync(int productId, int accountId)
    {
        await using var db = Db.CreateDbContext();
        var subject = await Services.GetRequiredService<ListingPublisher>().LoadAsync(db, productId, accountId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No product {productId} or account {accountId}.");
        var quantities = await ListingStock.QuantitiesAsync(Db, subject.Listing, CancellationToken.None);
        var connector = Services.GetRequiredService<ChannelRegistry>().Connector(subject.Account.Channel)!;
        await connector.CreateListingAsync(ChannelAccountContexts.For(subject.Account), ListingDraftBuilder.Build(subject, quantities), CancellationToken.None);
    }

    public Task<BulkStartResult> PublishAsync(IReadOnlyList<int> productIds, params int[] accountIds) =>
        Bulk.PublishAsync(productIds, [.. accountIds.Select(a => new ChannelPlan(a, PriceRule.Base))], Clerk, CancellationToken.None);

    public async Task<List<ChannelListing>> ListingsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.ChannelListings.AsNoTracking().ToListAsync();
    }

    public async Task<Dictionary<int, string>> SkusAsync(IEnumerable<int> productIds)
    {
        var ids = productIds.ToList();
        await using var db = Db.CreateDbContext();
        return await db.Variants.Where(v => ids.Contains(v.ProductId)).ToDictionaryAsync(v => v.ProductId, v => v.Sku);
    }

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        await Factory.DisposeAsync();
    }
}
