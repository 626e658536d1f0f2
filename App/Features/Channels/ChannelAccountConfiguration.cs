using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SellerPortal.Features.Channels;

public sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> b)
    {
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Environment).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.DisplayName).HasMaxLength(200);
        b.Property(a => a.ShopId).HasMaxLength(200);
        b.Property(a => a.ShopName).HasMaxLength(200);
        b.Property(a => a.SellerId).HasMaxLength(200);
        b.Property(a => a.Region).HasMaxLength(50);
        b.Property(a => a.LastError).HasMaxLength(2000);
        b.Property(a => a.PropertiesJson).HasMaxLength(4000);
        // One account per shop per environment: a second connect of the same shop updates it, never duplicates it.
        b.HasIndex(a => new { a.Channel, a.ShopId, a.Environment }).IsUnique();
    }
}
