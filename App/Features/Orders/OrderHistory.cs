using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>One move of an order's status; the first row (From null) is the status it arrived with.</summary>
public sealed class OrderStatusChange
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public OrderStatus? From { get; set; }
    public OrderStatus To { get; set; }
    public string? RawStatus { get; set; }
    public DateTime ChannelUpdatedUtc { get; set; }
    public DateTime AtUtc { get; set; }
    public OrderChangeSource Source { get; set; }
}

public enum OrderChangeSource
{
    Import,
    Refresh,
    Webhook,
    Shipment,
}

/// <summary>A sync event on an order's timeline: shipment queued, pushed or refused, refreshed.</summary>
public sealed class OrderEvent
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Kind { get; set; }
    public required string Message { get; set; }
    public bool Succeeded { get; set; } = true;
}

/// <summary>Staff's answer to "which of our variants is this channel SKU": made once, used for every later order.</summary>
public sealed class SkuMapping
{
    public int Id { get; set; }
    public int ChannelAccountId { get; set; }
    public required string ChannelSku { get; set; }
    public int VariantId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>Where an account's order import stands: orders updated after the watermark are still to be read.</summary>
public sealed class OrderImportCursor
{
    public int ChannelAccountId { get; set; }
    public DateTime? WatermarkUtc { get; set; }
    /// <summary>A one-off re-scan start asked for by staff; cleared when a run completes.</summary>
    public DateTime? RescanFromUtc { get; set; }
    public DateTime? LastRunUtc { get; set; }
    public DateTime? LastSuccessUtc { get; set; }
    public string? LastError { get; set; }
    public int LastImportedCount { get; set; }

    /// <summary>
    /// A run still under way: its window and the channel's cursor for the next page, saved after each committed page,
    /// so a run that fails or is cut short by a restart goes on from there instead of reading the window again.
    /// </summary>
    public DateTime? RunSinceUtc { get; set; }
    public DateTime? RunUntilUtc { get; set; }
    public DateTime? RunStartedUtc { get; set; }
    public string? RunPageCursor { get; set; }
}

public sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RawStatus).HasMaxLength(64);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.OrderId, c.Id });
    }
}

public sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(50);
        b.Property(e => e.Message).HasMaxLength(2000);
        b.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.OrderId, e.Id });
        // Housekeeping deletes by age (RetentionPruner): without it each prune reads every history line.
        b.HasIndex(e => e.AtUtc);
    }
}

public sealed class SkuMappingConfiguration : IEntityTypeConfiguration<SkuMapping>
{
    public void Configure(EntityTypeBuilder<SkuMapping> b)
    {
        b.Property(m => m.ChannelSku).HasMaxLength(64);
        b.Property(m => m.CreatedBy).HasMaxLength(256);
        b.HasOne<Channels.ChannelAccount>().WithMany().HasForeignKey(m => m.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Catalog.Variant>().WithMany().HasForeignKey(m => m.VariantId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ChannelAccountId, m.ChannelSku }).IsUnique();
    }
}

public sealed class OrderImportCursorConfiguration : IEntityTypeConfiguration<OrderImportCursor>
{
    public void Configure(EntityTypeBuilder<OrderImportCursor> b)
    {
        b.HasKey(c => c.ChannelAccountId);
        b.Property(c => c.ChannelAccountId).ValueGeneratedNever();
        b.Property(c => c.LastError).HasMaxLength(2000);
        b.Property(c => c.RunPageCursor).HasMaxLength(2000);
        b.HasOne<Channels.ChannelAccount>().WithMany().HasForeignKey(c => c.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
