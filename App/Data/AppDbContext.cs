using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;

namespace SellerPortal.Data;

/// <summary>
/// The one EF Core model. Each provider has its own subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="SqlServerAppDbContext"/>) so both migration sets compile into App; see docs/adr/0001.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<ChannelAccount> ChannelAccounts => Set<ChannelAccount>();
    public DbSet<OAuthState> OAuthStates => Set<OAuthState>();
    public DbSet<PendingConnection> PendingConnections => Set<PendingConnection>();
    public DbSet<ChannelListing> ChannelListings => Set<ChannelListing>();
    public DbSet<CategoryMapping> CategoryMappings => Set<CategoryMapping>();
    public DbSet<BulkOperation> BulkOperations => Set<BulkOperation>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();
    public DbSet<SkuMapping> SkuMappings => Set<SkuMapping>();
    public DbSet<OrderImportCursor> OrderImportCursors => Set<OrderImportCursor>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<ChannelListingSku> ChannelListingSkus => Set<ChannelListingSku>();
    public DbSet<ListingReconcileCheck> ListingReconcileChecks => Set<ListingReconcileCheck>();
    public DbSet<SyncJob> SyncJobs => Set<SyncJob>();
    public DbSet<ApiCallLog> ApiCallLogs => Set<ApiCallLog>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<PortalSetting> PortalSettings => Set<PortalSetting>();
    public DbSet<ChannelMediaUpload> ChannelMediaUploads => Set<ChannelMediaUpload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.Entity<ApplicationUser>(u => u.Property(x => x.DisplayName).HasMaxLength(200));
        builder.Entity<PortalSetting>(s =>
        {
            s.HasKey(x => x.Key);
            s.Property(x => x.Key).HasMaxLength(100);
            s.Property(x => x.Value).HasMaxLength(400);
        });
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>
    /// The orders grid searches these columns by prefix, ignoring case. SQLite's LIKE ignores case, so it can only range
    /// over an index in NOCASE order (sqlite.org/optoverview.html, the LIKE optimization); with the default BINARY order
    /// every search read all orders. SQL Server's default collation already ignores case, so only SQLite needs this,
    /// and equality on these columns now ignores case on both.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Order>(o =>
        {
            o.Property(x => x.OrderNumber).UseCollation("NOCASE");
            o.Property(x => x.AlternateOrderNumber).UseCollation("NOCASE");
            o.Property(x => x.BuyerName).UseCollation("NOCASE");
            o.Property(x => x.BuyerUsername).UseCollation("NOCASE");
        });
        builder.Entity<OrderLine>().Property(x => x.Sku).UseCollation("NOCASE");
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
