namespace SellerPortal.Sandbox.Ebay;

/// <summary>The emulator's registered keyset, RuName and seller. Fake values only; they match appsettings.Development.json.</summary>
public sealed class EbaySandboxOptions
{
    public const string SectionName = "Sandbox:Ebay";

    public string ClientId { get; set; } = "SellerPo-portal-SBX-0a1b2c3d4-5e6f7a8b";
    public string ClientSecret { get; set; } = "SBX-sandbox-ebay-client-secret";
    public string RuName { get; set; } = "Seller_Portal-SellerPo-portal-sandbox";

    /// <summary>Where eBay sends the seller for this RuName (its "auth accepted URL"); defaults to the portal's callback.</summary>
    public string? AcceptUrl { get; set; }

    public string Username { get; set; } = "sandbox_seller";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>About 18 months (47,304,000 s), as eBay issues them.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromSeconds(47_304_000);

    /// <summary>Calls per app per day per API before 429 errorId 2001 (ebay.md: Inventory API about 2,000,000).</summary>
    public int DailyCallLimit { get; set; } = 2_000_000;
}
