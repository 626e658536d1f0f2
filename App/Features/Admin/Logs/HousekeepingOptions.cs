using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Admin.Logs;

public sealed class HousekeepingOptions
{
    public const string SectionName = "Housekeeping";

    /// <summary>API call log rows older than this are pruned.</summary>
    [Range(1, 3650)]
    public int ApiCallLogRetentionDays { get; set; } = 30;

    /// <summary>
    /// Received webhooks (their payloads and dedupe ids) older than this are pruned. Far past any redelivery: TikTok
    /// Shop refuses events older than 15 minutes anyway, eBay retries for about a day.
    /// </summary>
    [Range(1, 3650)]
    public int WebhookEventRetentionDays { get; set; } = 30;

    /// <summary>Sync jobs that succeeded or were cancelled, outside any bulk operation, are pruned this long after they ended.</summary>
    [Range(1, 3650)]
    public int FinishedSyncJobRetentionDays { get; set; } = 30;

    /// <summary>
    /// Every ended sync job (failed and dead-lettered ones too, and a bulk operation's, with the operation once it has
    /// none left) is pruned this long after it ended: long enough for staff to see and retry what failed.
    /// </summary>
    [Range(1, 3650)]
    public int EndedSyncJobRetentionDays { get; set; } = 90;

    /// <summary>An order's history lines older than this are pruned (the order itself stays).</summary>
    [Range(30, 3650)]
    public int OrderEventRetentionDays { get; set; } = 730;

    /// <summary>Audit entries older than this are pruned.</summary>
    [Range(30, 3650)]
    public int AuditRetentionDays { get; set; } = 730;

    /// <summary>Cron (Quartz syntax, UTC) for the prune.</summary>
    [Required]
    public string Schedule { get; set; } = "0 15 3 * * ?";
}
