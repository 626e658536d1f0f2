using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SellerPortal.Features.Sync;

public sealed class SyncJobConfiguration : IEntityTypeConfiguration<SyncJob>
{
    public void Configure(EntityTypeBuilder<SyncJob> b)
    {
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(j => j.Target).HasMaxLength(200);
        b.Property(j => j.DedupeKey).HasMaxLength(300);
        b.Property(j => j.LeaseOwner).HasMaxLength(200);
        b.Property(j => j.LastError).HasMaxLength(4000);
        b.HasIndex(j => new { j.Status, j.ChannelAccountId, j.Priority, j.NextAttemptUtc });
        b.HasIndex(j => new { j.DedupeKey, j.Status });
        b.HasIndex(j => j.BulkOperationId);
        // Housekeeping deletes ended jobs by age (RetentionPruner).
        b.HasIndex(j => new { j.Status, j.CompletedUtc });
    }
}
