namespace SellerPortal.Sandbox.Common;

public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Mounts the emulators under /sandbox/{channel}. True in Development and tests; never in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the emulators keep their data (a SQLite file of their own), relative to the content root.</summary>
    public string DataSource { get; set; } = "data/sandbox.db";

    /// <summary>The portal's own base URL, for emulators that send webhooks back to it.</summary>
    public string? PortalBaseUrl { get; set; }
}
