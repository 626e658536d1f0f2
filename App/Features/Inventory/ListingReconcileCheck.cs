using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Features.Channels;

namespace SellerPortal.Features.Inventory;

/// <summary>Where an account's listing read-back stands: when it last ran, what it found, and its last failure.</summary>
public sealed class ListingReconcileCheck
{
    public int ChannelAccountId { get; set; }
    public DateTime? LastRunUtc { get; set; }
    public DateTime? LastSuccessUtc { get; set; }
    /// <summary>Why the last run failed, in the channel's words; null after a run that completed.</summary>
    public string? LastError { get; set; }
    public int SkusRead { get; set; }
    public int QuantityDrifts { get; set; }
    public int PriceDrifts { get; set; }
    public int StatusDrifts { get; set; }
}

public sealed class ListingReconcileCheckConfiguration : IEntityTypeConfiguration<ListingReconcileCheck>
{
    public void Configure(EntityTypeBuilder<ListingReconcileCheck> b)
    {
        b.HasKey(c => c.ChannelAccountId);
        b.Property(c => c.ChannelAccountId).ValueGeneratedNever();
        b.Property(c => c.LastError).HasMaxLength(2000);
        b.HasOne<ChannelAccount>().WithMany().HasForeignKey(c => c.ChannelAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
