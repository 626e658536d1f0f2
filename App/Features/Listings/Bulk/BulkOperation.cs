using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SellerPortal.Features.Listings.Bulk;

/// <summary>
/// One bulk action a user started. Its items are the sync jobs carrying its id, so it keeps going when the browser
/// closes and survives a restart; progress is counted from those jobs.
/// </summary>
public sealed class BulkOperation
{
    public Guid Id { get; set; }
    public BulkOperationKind Kind { get; set; }
    public required string Description { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>Items queued.</summary>
    public int Queued { get; set; }
    /// <summary>Items refused before queueing, with their reasons returned to the user at the time.</summary>
    public int Refused { get; set; }
}

public enum BulkOperationKind
{
    Publish,
    Unpublish,
    SyncInventory,
    UpdatePrices,
}

public sealed class BulkOperationConfiguration : IEntityTypeConfiguration<BulkOperation>
{
    public void Configure(EntityTypeBuilder<BulkOperation> b)
    {
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Description).HasMaxLength(500);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.HasIndex(o => o.CreatedUtc);
    }
}
