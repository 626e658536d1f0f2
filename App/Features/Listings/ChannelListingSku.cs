using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Listings;

/// <summary>
/// One variant as listed on one channel listing: what quantity was last pushed, when, what the channel answered,
/// and what the channel last showed when read back, so "why this number" can be explained.
/// </summary>
public sealed class ChannelListingSku
{
    public long Id { get; set; }
    public int ChannelListingId { get; set; }
    public ChannelListing? Listing { get; set; }
    public int VariantId { get; set; }
    public required string Sku { get; set; }
    public string? ExternalSkuId { get; set; }
    public int? LastPushedQuantity { get; set; }
    public DateTime? LastPushedUtc { get; set; }
    public bool? LastPushSucceeded { get; set; }
    /// <summary>The channel's answer to the last push, in its words.</summary>
    public string? LastPushAnswer { get; set; }
    public int? LastReadBackQuantity { get; set; }
    public DateTime? LastReadBackUtc { get; set; }
    /// <summary>The channel showed a different quantity from the one last pushed.</summary>
    public bool Drift { get; set; }
    /// <summary>The price the channel showed when last read back, in minor units of <see cref="LastReadBackCurrency"/>.</summary>
    public long? LastReadBackPriceMinor { get; set; }
    public string? LastReadBackCurrency { get; set; }
    /// <summary>The channel showed a different price from the one the listing's price rule gives.</summary>
    public bool PriceDrift { get; set; }
}

public sealed class ChannelListingSkuConfiguration : IEntityTypeConfiguration<ChannelListingSku>
{
    public void Configure(EntityTypeBuilder<ChannelListingSku> b)
    {
        b.Property(s => s.Sku).HasMaxLength(64);
        b.Property(s => s.ExternalSkuId).HasMaxLength(200);
        b.Property(s => s.LastPushAnswer).HasMaxLength(1000);
        b.Property(s => s.LastReadBackCurrency).HasMaxLength(3);
        b.HasOne(s => s.Listing).WithMany().HasForeignKey(s => s.ChannelListingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Variant>().WithMany().HasForeignKey(s => s.VariantId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(s => new { s.ChannelListingId, s.VariantId }).IsUnique();
        b.HasIndex(s => s.VariantId);
        b.HasIndex(s => s.Sku);
    }
}
