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
    /// <summary>
    /// Units the channel holds in its own warehouses (Fulfilled by Amazon), as last read. Read-only: never part of
    /// on hand or available, never pushed. Null when the channel holds none for this SKU or was never asked.
    /// </summary>
    public int? ChannelFulfilledQuantity { get; set; }
    public DateTime? ChannelFulfilledUtc { get; set; }
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

/// <summary>A variant listed on one account: the variant, its product's listing there, and the SKU's row, if it has one yet.</summary>
public sealed class ListedVariant
{
    public required Catalog.Variant Variant { get; init; }
    public required ChannelListing Listing { get; init; }
    public ChannelListingSku? Sku { get; init; }
}

public static class ListedVariants
{
    /// <summary>The variants with these SKUs that are listed on the account (untracked), for the pushes to read ids and figures.</summary>
    public static IQueryable<ListedVariant> ListedOn(this Data.AppDbContext db, int accountId, IReadOnlyCollection<string> skus) =>
        from v in db.Variants.AsNoTracking()
        where skus.Contains(v.Sku)
        join l in db.ChannelListings on v.ProductId equals l.ProductId
        where l.ChannelAccountId == accountId
        join s in db.ChannelListingSkus on new { ListingId = l.Id, VariantId = v.Id } equals new { ListingId = s.ChannelListingId, s.VariantId } into ss
        from s in ss.DefaultIfEmpty()
        select new ListedVariant { Variant = v, Listing = l, Sku = s };
}
