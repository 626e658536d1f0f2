using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>
/// A consent that landed on a seller already connected here, held until an Admin confirms that its tokens replace the
/// account's (an authorization code is single use, so the exchanged tokens are what is held). The tokens are encrypted
/// with Data Protection; only a SHA-256 hash of the confirmation token is stored; bound to the user; 10 minutes; single use.
/// </summary>
public sealed class PendingConnection
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public required string UserId { get; set; }
    public ChannelKind Channel { get; set; }
    public ChannelEnvironment Environment { get; set; }

    /// <summary>The accounts already connected that the consent would replace, for the question put to the Admin.</summary>
    public required string Replaces { get; set; }

    public required string ProtectedConnection { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
}

public sealed class PendingConnectionConfiguration : IEntityTypeConfiguration<PendingConnection>
{
    public void Configure(EntityTypeBuilder<PendingConnection> b)
    {
        b.Property(p => p.TokenHash).HasMaxLength(64);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Environment).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Replaces).HasMaxLength(1000);
        b.HasIndex(p => p.TokenHash).IsUnique();
        b.HasIndex(p => p.ExpiresUtc);
    }
}
