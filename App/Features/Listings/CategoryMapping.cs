using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings;

/// <summary>
/// Maps a master catalog category to a channel's category id on one marketplace, with the item specifics that
/// category requires (for eBay motor parts: Year, Make, Model, Engine). Publishing to a channel that needs a category
/// is refused before any call when no mapping exists or a required aspect is missing.
/// </summary>
public sealed class CategoryMapping
{
    public int Id { get; set; }
    public ChannelKind Channel { get; set; }
    /// <summary>The channel's marketplace (EBAY_US, an Amazon marketplace id); empty for channels with one.</summary>
    public string Marketplace { get; set; } = "";
    public required string MasterCategory { get; set; }
    public required string ExternalCategoryId { get; set; }
    public List<string> RequiredAspects { get; set; } = [];
}

public sealed class CategoryMappingConfiguration : IEntityTypeConfiguration<CategoryMapping>
{
    public void Configure(EntityTypeBuilder<CategoryMapping> b)
    {
        b.Property(m => m.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Marketplace).HasMaxLength(50);
        b.Property(m => m.MasterCategory).HasMaxLength(200);
        b.Property(m => m.ExternalCategoryId).HasMaxLength(100);
        b.PrimitiveCollection(m => m.RequiredAspects);
        b.HasIndex(m => new { m.Channel, m.Marketplace, m.MasterCategory }).IsUnique();
    }
}
