using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Inventory;

/// <summary>
/// One change to a variant's stock. On hand, reserved and available are sums of these rows; the totals on
/// <see cref="Variant"/> are caches written in the same transaction as the row, never numbers overwritten on their own.
/// </summary>
public sealed class StockMovement
{
    public long Id { get; set; }
    public int VariantId { get; set; }
    public Variant? Variant { get; set; }
    public required string Sku { get; set; }
    public int OnHandDelta { get; set; }
    public int ReservedDelta { get; set; }
    public StockMovementReason Reason { get; set; }
    public long? OrderId { get; set; }
    public long? OrderLineId { get; set; }
    public string? Note { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public DateTime AtUtc { get; set; }
}

public enum StockMovementReason
{
    Import,
    ManualAdjustment,
    OrderReserved,
    OrderCancelled,
    OrderShipped,
}

/// <summary>The cached reserved total lives on the variant row (a shadow column: the Catalog slice owns the class).</summary>
public static class VariantStock
{
    public const string Reserved = "StockReserved";
}

public sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.Property(m => m.Sku).HasMaxLength(64);
        b.Property(m => m.Reason).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Note).HasMaxLength(500);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.UserName).HasMaxLength(256);
        b.HasOne(m => m.Variant).WithMany().HasForeignKey(m => m.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.VariantId, m.AtUtc });
        // One reservation, one release and one shipment per order line: a duplicate import cannot reserve twice.
        b.HasIndex(m => new { m.OrderLineId, m.Reason }).IsUnique();
        b.HasIndex(m => m.OrderId);
    }
}

/// <summary>Adds the cached reserved total to the variant table.</summary>
public sealed class VariantStockConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> b)
    {
        b.Property<int>(VariantStock.Reserved).HasDefaultValue(0);
    }
}
