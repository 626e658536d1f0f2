namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// The emulator's registered app and seller (fake values only). Etsy registers one or more redirect URIs per app and
/// refuses any other; every API call carries the keystring and the shared secret in <c>x-api-key</c>.
/// </summary>
public sealed class EtsySandboxOptions
{
    public const string SectionName = "Sandbox:Etsy";

    public string Keystring { get; set; } = "sbxetsykeystring0000001";

    public string SharedSecret { get; set; } = "sbxetsysecret01";

    /// <summary>The registered redirect URI; null: the portal's own callback under <c>Sandbox:PortalBaseUrl</c>.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The seller the consent page signs in as unless another is typed.</summary>
    public string Seller { get; set; } = "sandboxmaker";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(3600);

    /// <summary>About 90 days; each refresh rotates it (the old one stops working).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Etsy's classic default per API key: 10 requests a second and 10,000 in any rolling 24 hours.</summary>
    public int PerSecondLimit { get; set; } = 10;

    public int PerDayLimit { get; set; } = 10_000;
}
