namespace SellerPortal.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Off only in tests that drive jobs by hand.</summary>
    public bool Enabled { get; set; } = true;

    public string InstanceName { get; set; } = "SellerPortal";

    /// <summary>Whether the scheduler runs, read where a feature decides at registration whether to add its background work.</summary>
    public static bool IsEnabled(IConfiguration configuration) =>
        (configuration.GetSection(SectionName).Get<SchedulingOptions>() ?? new()).Enabled;
}
