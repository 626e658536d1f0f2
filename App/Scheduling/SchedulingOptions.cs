namespace SellerPortal.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>Off only in tests that drive jobs by hand.</summary>
    public bool Enabled { get; set; } = true;

    public string InstanceName { get; set; } = "SellerPortal";
}
