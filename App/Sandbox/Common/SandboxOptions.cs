namespace SellerPortal.Sandbox.Common;

public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Mounts the emulators under /sandbox/{channel}. True in Development and tests; never in Production.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the emulators keep their data (a SQLite file of their own), relative to the content root.</summary>
    public string DataSource { get; set; } = "data/sandbox.db";

    /// <summary>The dev URL from launchSettings.json, used when <see cref="PortalBaseUrl"/> is not set.</summary>
    public const string DefaultPortalBaseUrl = "http://localhost:5080";

    /// <summary>
    /// The portal's own base URL: clients reach the emulators here, the browser is sent to their consent pages here,
    /// and emulators send webhooks back to it.
    /// </summary>
    public string? PortalBaseUrl { get; set; }

    /// <summary>Seeds the emulators' fault dice (<see cref="SandboxFaults"/>) so a run with faults can be replayed.</summary>
    public int? FaultSeed { get; set; }

    public string BaseUrl => (PortalBaseUrl ?? DefaultPortalBaseUrl).TrimEnd('/');
}
