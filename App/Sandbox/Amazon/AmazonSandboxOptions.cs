namespace SellerPortal.Sandbox.Amazon;

/// <summary>The emulator's registered app and seller. Fake values only; they match appsettings.Development.json.</summary>
public sealed class AmazonSandboxOptions
{
    public const string SectionName = "Sandbox:Amazon";

    public string ClientId { get; set; } = "amzn1.application-oa2-client.sandbox0001";
    public string ClientSecret { get; set; } = "sandbox-amazon-client-secret";
    public string ApplicationId { get; set; } = "amzn1.sp.solution.sandbox0001";

    /// <summary>The selling partner a consent approves for.</summary>
    public string SellerId { get; set; } = "A3SANDBOXSELLER1";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>spapi_oauth_code lives five minutes (amazon-sp-api.md).</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
