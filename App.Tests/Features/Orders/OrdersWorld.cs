using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Orders;

/// <summary>
/// The orders and inventory services wired as the app wires them, on a migrated SQLite file, with three in-memory
/// channels (TikTok Shop, Amazon, eBay) behind the real sync dispatcher and a fake clock.
/// </summary>
internal sealed class OrdersWorld
{
    public static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    public OrdersWorld(OrderImportOptions? importOptions = null)
    {
        var syncOptions = Options.Create(new SyncQueueOptions());
        ImportOptions = importOptions ?? new OrderImportOptions();
        Queue = new SyncQueue(Db, syncOptions, Clock);
        Audit = new AuditLog(Db, Clock);
        Pushes = new StockPushes(Db, Queue);
        Ledger = new StockLedger(Db, Pushes, Audit, Clock, NullLogger<StockLedger>.Instance);
        Importer = new OrderImporter(Db, Ledger, Clock, NullLogger<OrderImporter>.Instance);
        Scheduler = new OrderImportScheduler(Db, Queue, TestChannels.Registry(Channels.Values), Clock);
        Shipping = new OrderShipping(Db, Queue, Clock);
        Mappings = new SkuMappings(Db, Ledger, Audit, Clock);
        Eraser = new BuyerDataEraser(Db, Audit);
        Inventory = new InventoryOverview(Db);
        Dispatcher = new SyncDispatcher(Queue, Db, TestChannels.Registry(Channels.Values), Handlers(), syncOptions, Clock, NullLogger<SyncDispatcher>.Instance);
    }

    public TestDatabase Db { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Start));

    public OrderImportOptions ImportOptions { get; }

    public Dictionary<ChannelKind, InMemoryChannel> Channels { get; } = new()
    {
        [ChannelKind.TikTokShop] = new InMemoryChannel(ChannelKind.TikTokShop),
        [ChannelKind.Amazon] = new InMemoryChannel(ChannelKind.Amazon),
        [ChannelKind.Ebay] = new InMemoryChannel(ChannelKind.Ebay, inventoryBatchSize: 25),
    };

    public SyncQueue Queue { get; }
    public AuditLog Audit { get; }
    public StockPushes Pushes { get; }
    public StockLedger Ledger { get; }
    public OrderImporter Importer { get; }
    public OrderImportScheduler Scheduler { get; }
    public OrderShipping Shipping { get; }
    public SkuMappings Mappings { get; }
    public BuyerDataEraser Eraser { get; }
    public InventoryOverview Inventory { get; }
    public SyncDispatcher Dispatcher { get; }

    private IEnumerable<ISyncJobHandler> Handlers() =>
    [
        new RecordingPushStockHandler(new PushStockHandler(), Db, Clock),
        new ImportOrdersHandler(Importer, Db, Options.Create(ImportOptions), Clock, NullLogger<ImportOrdersHandler>.Instance),
        new RefreshOrderHandler(Importer),
        new PushShipmentHandler(Db, Ledger, Clock, NullLogger<PushShipmentHandler>.Instance),
    ];

    public async Task<int> AddAccountAsync(ChannelKind channel, string? name = null)
    {
        await using var db = Db.CreateDbContext();
        var account = new ChannelAccount { Channel = channel, DisplayName = name ?? channel.ToString(), Status = ChannelAccountStatus.Connected, CreatedUtc = Start };
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>A product with one variant, its opening stock recorded as an Import movement.</summary>
    public async Task<(int ProductId, int VariantId)> AddProductAsync(string sku, int onHand, string name = "Blue mug")
    {
        int productId, variantId;
        await using (var db = Db.CreateDbContext())
        {
            var product = new Product { Name = name, Variants = [new Variant { Sku = sku, Price = new Money(1500, "USD") }] };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            (productId, variantId) = (product.Id, product.Variants[0].Id);
        }

        await Ledger.SetOnHandAsync(variantId, onHand, "opening stock", new("test", "test"), StockMovementReason.Import, CancellationToken.None);
        return (productId, variantId);
    }

    public async Task ListAsync(int productId, int accountId, int buffer = 0, int? cap = null)
    {
        await using var db = Db.CreateDbContext();
        db.ChannelListings.Add(new ChannelListing
        {
            ProductId = productId, ChannelAccountId = accountId, State = ListingState.Live, ExternalId = $"L-{productId}-{accountId}",
            QuantityBuffer = buffer, QuantityCap = cap,
        });
        await db.SaveChangesAsync();
    }

    public async Task DrainAsync()
    {
        foreach (var id in await AccountIdsAsync())
        {
            await Dispatcher.DrainAccountAsync(id, CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<int>> AccountIdsAsync()
    {
        await using var db = Db.CreateDbContext();
        return await db.ChannelAccounts.Select(a => a.Id).ToListAsync();
    }

    public async Task<StockLevel> LevelAsync(int variantId) => (await Ledger.LevelAsync(variantId, CancellationToken.None))!;

    public static ChannelOrder Order(string id, OrderStatus status, DateTime updated, params (string Sku, int Quantity)[] lines) => new()
    {
        ExternalOrderId = id,
        OrderNumber = $"N-{id}",
        Status = status,
        RawStatus = status.ToString().ToUpperInvariant(),
        BuyerName = "Ada Buyer",
        BuyerUsername = "ada",
        ShipTo = new ChannelAddress("Ada Buyer", "1 Main St", null, "Springfield", "IL", "62701", "US", "+1 555 0100"),
        Total = new ChannelMoney(lines.Sum(l => l.Quantity) * 15m, "USD"),
        PlacedUtc = Start,
        UpdatedUtc = updated,
        Lines = lines.Select((l, i) => new ChannelOrderLine($"{id}-{i}", l.Sku, $"Item {l.Sku}", l.Quantity, new ChannelMoney(15m, "USD"))).ToList(),
    };
}
