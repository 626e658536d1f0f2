using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SellerPortal.Features.Admin.Logs;

public sealed class ApiCallLogConfiguration : IEntityTypeConfiguration<ApiCallLog>
{
    public void Configure(EntityTypeBuilder<ApiCallLog> b)
    {
        b.Property(l => l.Channel).HasMaxLength(20);
        b.Property(l => l.Operation).HasMaxLength(100);
        b.Property(l => l.Method).HasMaxLength(10);
        b.Property(l => l.Path).HasMaxLength(500);
        b.Property(l => l.ErrorCode).HasMaxLength(100);
        b.Property(l => l.ErrorMessage).HasMaxLength(1000);
        b.Property(l => l.RequestId).HasMaxLength(100);
        b.HasIndex(l => l.StartedUtc);
        b.HasIndex(l => new { l.ChannelAccountId, l.StartedUtc });
    }
}

public sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.Property(w => w.Channel).HasMaxLength(20);
        b.Property(w => w.EventId).HasMaxLength(200);
        b.Property(w => w.EventType).HasMaxLength(100);
        b.Property(w => w.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Error).HasMaxLength(2000);
        b.HasIndex(w => new { w.Channel, w.EventId }).IsUnique();
        b.HasIndex(w => w.ReceivedUtc);
    }
}
