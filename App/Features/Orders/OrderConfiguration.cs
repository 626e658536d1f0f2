using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Orders;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property(o => o.ExternalOrderId).HasMaxLength(100);
        b.Property(o => o.OrderNumber).HasMaxLength(100);
        b.Property(o => o.AlternateOrderNumber).HasMaxLength(100);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.RawStatus).HasMaxLength(64);
        b.Property(o => o.BuyerName).HasMaxLength(200);
        b.Property(o => o.BuyerUsername).HasMaxLength(200);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.Carrier).HasMaxLength(100);
        b.Property(o => o.TrackingNumber).HasMaxLength(100);
        b.Property(o => o.ShipmentState).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.ShipmentMessage).HasMaxLength(1000);
        b.OwnsOne(o => o.ShipTo, a =>
        {
            a.Property(x => x.Name).HasMaxLength(200);
            a.Property(x => x.Line1).HasMaxLength(200);
            a.Property(x => x.Line2).HasMaxLength(200);
            a.Property(x => x.City).HasMaxLength(100);
            a.Property(x => x.Region).HasMaxLength(100);
            a.Property(x => x.PostalCode).HasMaxLength(20);
            a.Property(x => x.CountryCode).HasMaxLength(2);
            a.Property(x => x.Phone).HasMaxLength(50);
        });
        b.Navigation(o => o.ShipTo).IsRequired();
        b.HasOne(o => o.ChannelAccount).WithMany().HasForeignKey(o => o.ChannelAccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(o => new { o.ChannelAccountId, o.ExternalOrderId }).IsUnique();
        b.HasIndex(o => o.PlacedUtc);
        b.HasIndex(o => new { o.Status, o.PlacedUtc });
        b.HasIndex(o => o.OrderNumber);
        b.HasIndex(o => o.AlternateOrderNumber);
        // The orders grid filters by account and sorts by date; erasure finds a buyer's orders.
        b.HasIndex(o => new { o.ChannelAccountId, o.PlacedUtc });
        b.HasIndex(o => o.BuyerUsername);
        b.HasIndex(o => o.BuyerName);
        // The grid's search matches an external id exactly (the unique index leads with the account) and sorts by total.
        b.HasIndex(o => o.ExternalOrderId);
        b.HasIndex(o => o.TotalMinor);
    }
}

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(l => l.Sku).HasMaxLength(64);
        b.Property(l => l.ExternalLineId).HasMaxLength(100);
        b.Property(l => l.Title).HasMaxLength(500);
        b.HasOne<Variant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.SetNull);
        // With the order id, a SKU search finds its orders from the index alone (bench orders-grid: a SKU prefix
        // matching 17,000 orders read each line's row for its order id).
        b.HasIndex(l => new { l.Sku, l.OrderId });
        b.HasIndex(l => l.VariantId);
    }
}
