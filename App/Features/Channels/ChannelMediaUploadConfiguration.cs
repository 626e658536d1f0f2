using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SellerPortal.Features.Channels;

public sealed class ChannelMediaUploadConfiguration : IEntityTypeConfiguration<ChannelMediaUpload>
{
    public void Configure(EntityTypeBuilder<ChannelMediaUpload> b)
    {
        b.Property(u => u.SourceUrl).HasMaxLength(2048);
        b.Property(u => u.SourceUrlHash).HasMaxLength(64).IsFixedLength();
        b.Property(u => u.ChannelReference).HasMaxLength(512);
        b.HasOne(u => u.ChannelAccount).WithMany().HasForeignKey(u => u.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(u => new { u.ChannelAccountId, u.SourceUrlHash }).IsUnique();
    }
}
