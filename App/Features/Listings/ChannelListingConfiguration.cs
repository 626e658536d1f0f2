using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Data;

namespace SellerPortal.Features.Listings;

public sealed class ChannelListingConfiguration : IEntityTypeConfiguration<ChannelListing>
{
    public void Configure(EntityTypeBuilder<ChannelListing> b)
    {
        b.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.ExternalId).HasMaxLength(200);
        b.Property(l => l.ExternalUrl).HasMaxLength(1000);
        b.Property(l => l.LastError).HasMaxLength(4000);
        b.Property(l => l.ChannelStatus).HasMaxLength(100);
        b.Property(l => l.PriceKind).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.PriceRounding).HasConversion<string>().HasMaxLength(20);
        b.Ignore(l => l.PriceRule);
        b.Property(l => l.ChannelFields).HasConversion(JsonColumn.Converter<Dictionary<string, string>>(), JsonColumn.Comparer<Dictionary<string, string>>()).HasMaxLength(4000);
        b.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(l => l.ChannelAccount).WithMany().HasForeignKey(l => l.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.ProductId, l.ChannelAccountId }).IsUnique();
        b.HasIndex(l => new { l.ChannelAccountId, l.State });
        // The catalog grid's "listed in state X on any channel" filter.
        b.HasIndex(l => new { l.State, l.ProductId });
    }
}
