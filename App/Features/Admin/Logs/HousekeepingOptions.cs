using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Admin.Logs;

public sealed class HousekeepingOptions
{
    public const string SectionName = "Housekeeping";

    /// <summary>API call log rows older than this are pruned.</summary>
    [Range(1, 3650)]
    public int ApiCallLogRetentionDays { get; set; } = 30;

    /// <summary>Cron (Quartz syntax, UTC) for the prune.</summary>
    [Required]
    public string Schedule { get; set; } = "0 15 3 * * ?";
}
