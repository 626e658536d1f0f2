using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

/// <summary>The listing services over a real SQLite file and three in-memory channels (TikTok, eBay requiring a category, Amazon).</summary>
internal sealed class ListingsTestBed
{
    public ListingsTestBed(TestDatabase? database = null)
    {
        Db = database ?? new TestDatabase();
        var queueOptions = Options.Create(new SyncQueueOptions());
        Queue = new SyncQueue(Db, queueOptions, TimeProvider.System);
        var connectors = TestChannels.Registry(TikTok, Ebay, Amazon);
        Publisher = new ListingPublisher(Db, connectors, Queue, Options.Create(new ListingOptions { MinimumMarginBasisPoints = 1000 }), TimeProvider.System);
        Bulk = new BulkOperationsService(Db, Publisher, Queue, new AuditLog(Db, TimeProvider.System), Options.Create(new ListingOptions { MinimumMarginBasisPoints = 1000 }), TimeProvider.System);
        Dispatcher = new SyncDispatcher(Queue, Db, connectors,
            [new RecordingPushStockHandler(new PushStockHandler(), Db, TimeProvider.System), new PushPriceHandler(Db),
             new PublishListingHandler(Db, Publisher, TimeProvider.System), new UpdateListingHandler(Db, Publisher, TimeProvider.System), new UnpublishListingHandler(Db, Publisher, TimeProvider.System)],
            queueOptions, TimeProvider.System, NullLogger<SyncDispatcher>.Instance);
    }

    public TestDatabase Db { get; }
    public FakeListingChannel TikTok { get; } = new(ChannelKind.TikTokShop);
    public FakeListingChannel Ebay { get; } = new(ChannelKind.Ebay, requiresCategory: true);
    public FakeListingChannel Amazon { get; } = new(ChannelKind.Amazon);
    public SyncQueue Queue { get; }
    public ListingPublisher Publisher { get; }
    public BulkOperationsService Bulk { get; }
    public SyncDispatcher Dispatcher { get; }

    public async Task<int[]> AddAccountsAsync()
    {
        await using var db = Db.CreateDbContext();
        var accounts = new[]
        {
            new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "TikTok UK", Status = ChannelAccountStatus.Connected },
            new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", Region = "EBAY_US", Status = ChannelAccountStatus.Connected, FeePercentBasisPoints = 1300, FixedFeeMinor = 30 },
            new ChannelAccount { Channel = ChannelKind.Amazon, DisplayName = "Amazon US", Status = ChannelAccountStatus.Connected },
        };
        db.ChannelAccounts.AddRange(accounts);
        await db.SaveChangesAsync();
        return accounts.Select(a => a.Id).ToArray();
    }

    public async Task<int> AddProductAsync(string sku, string category = "Brake Pads", long priceMinor = 2500, long? costMinor = null, params (string Key, string Value)[] attributes)
    {
        await using var db = Db.CreateDbContext();
        var product = new Product
        {
            Name = $"Product {sku}",
            Category = category,
            Attributes = attributes.Select(a => new ProductAttribute(a.Key, a.Value)).ToList(),
            Variants = [new Variant { Sku = sku, Price = new Money(priceMinor, "USD"), CostMinor = costMinor, StockOnHand = 7 }],
        };
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    public async Task MapEbayCategoryAsync(string masterCategory, string categoryId, params string[] requiredAspects)
    {
        await using var db = Db.CreateDbContext();
        db.CategoryMappings.Add(new SellerPortal.Features.Listings.CategoryMapping
        {
            Channel = ChannelKind.Ebay,
            Marketplace = "EBAY_US",
            MasterCategory = masterCategory,
            ExternalCategoryId = categoryId,
            RequiredAspects = requiredAspects.ToList(),
        });
        await db.SaveChangesAsync();
    }

    public async Task DrainAsync(params int[] accountIds)
    {
        foreach (var id in accountIds)
        {
            await Dispatcher.DrainAccountAsync(id, CancellationToken.None);
        }
    }
}
