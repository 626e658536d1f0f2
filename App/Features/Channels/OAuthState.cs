using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>
/// One OAuth connect in flight: the <c>state</c> we sent to the channel, bound to the user who started it and the
/// channel and environment. Only a SHA-256 hash of the state is stored; single use; 10 minutes.
/// </summary>
public sealed class OAuthState
{
    public long Id { get; set; }
    public required string StateHash { get; set; }
    public required string UserId { get; set; }
    public ChannelKind Channel { get; set; }
    public ChannelEnvironment Environment { get; set; }
    public string? Region { get; set; }
    /// <summary>The shop the staff member named, where the channel's hosts are per shop (Shopify).</summary>
    public string? Shop { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}

public sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> b)
    {
        b.Property(s => s.StateHash).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Environment).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Region).HasMaxLength(50);
        b.Property(s => s.Shop).HasMaxLength(255);
        b.HasIndex(s => s.StateHash).IsUnique();
        b.HasIndex(s => s.ExpiresUtc);
    }
}
