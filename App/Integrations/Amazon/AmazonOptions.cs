using System.ComponentModel.DataAnnotations;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// The SP-API app's settings. Hosts default to Amazon's production hosts (amazon-sp-api.md, "Hosts"); the sandbox
/// registration points them at the emulator in Development and Testing. App credentials come from secrets, never appsettings.json.
/// </summary>
public sealed class AmazonOptions
{
    public const string SectionName = "Channels:Amazon";

    /// <summary>The LWA client id of the SP-API app (checked when first used, so the portal starts without it).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The app id (amzn1.sp.solution...) the consent page asks for.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>While the app is a draft Amazon wants <c>version=beta</c> on the consent URL.</summary>
    public bool DraftApp { get; set; } = true;

    [Required]
    public Uri LwaTokenEndpoint { get; set; } = new("https://api.amazon.com/auth/o2/token");

    [Required]
    public Dictionary<string, AmazonRegionOptions> Regions { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NA"] = new()
        {
            ApiBaseUrl = new("https://sellingpartnerapi-na.amazon.com"),
            SandboxApiBaseUrl = new("https://sandbox.sellingpartnerapi-na.amazon.com"),
            SellerCentralUrl = new("https://sellercentral.amazon.com"),
            DefaultMarketplaceId = "ATVPDKIKX0DER",
        },
        ["EU"] = new()
        {
            ApiBaseUrl = new("https://sellingpartnerapi-eu.amazon.com"),
            SandboxApiBaseUrl = new("https://sandbox.sellingpartnerapi-eu.amazon.com"),
            SellerCentralUrl = new("https://sellercentral-europe.amazon.com"),
            DefaultMarketplaceId = "A1F83G8C2ARO7P",
        },
        ["FE"] = new()
        {
            ApiBaseUrl = new("https://sellingpartnerapi-fe.amazon.com"),
            SandboxApiBaseUrl = new("https://sandbox.sellingpartnerapi-fe.amazon.com"),
            SellerCentralUrl = new("https://sellercentral.amazon.co.jp"),
            DefaultMarketplaceId = "A1VC38T7YXB528",
        },
    };

    /// <summary>The region used when an account names none.</summary>
    public string DefaultRegion { get; set; } = "NA";

    /// <summary>
    /// Price/quantity updates for at most this many SKUs go by patchListingsItem (one call each, 5/s) instead of a feed:
    /// at 10 that is two seconds against a feed's minutes. 0 sends every update by feed.
    /// </summary>
    [Range(0, 100)]
    public int PatchUpToSkus { get; set; } = 10;

    /// <summary>How often a submitted feed is polled, and for how long at most.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan FeedPollTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Product type used for price/quantity patches when the caller gives none.</summary>
    public string DefaultProductType { get; set; } = "PRODUCT";

    /// <summary>Per-operation limits (rate per second, burst); defaults are the published ones, see <see cref="AmazonRateLimits"/>.</summary>
    public Dictionary<string, AmazonRateLimit> RateLimits { get; set; } = new(AmazonRateLimits.Published, StringComparer.Ordinal);

    public AmazonRegionOptions Region(string? region) =>
        Regions.TryGetValue(string.IsNullOrWhiteSpace(region) ? DefaultRegion : region, out var r)
            ? r
            : throw new ArgumentOutOfRangeException(nameof(region), region, "Unknown Amazon region; expected NA, EU or FE.");

    public Uri ApiBaseUrl(string? region, ChannelEnvironment environment) =>
        environment == ChannelEnvironment.Sandbox ? Region(region).SandboxApiBaseUrl : Region(region).ApiBaseUrl;
}

public sealed class AmazonRegionOptions
{
    public required Uri ApiBaseUrl { get; set; }
    public required Uri SandboxApiBaseUrl { get; set; }
    public required Uri SellerCentralUrl { get; set; }
    public required string DefaultMarketplaceId { get; set; }
}
