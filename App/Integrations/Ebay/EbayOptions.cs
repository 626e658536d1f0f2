using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// The eBay app's keysets and settings. Production and sandbox are separate keysets on eBay, so each has its own
/// hosts, client id, secret and RuName; an account picks one by its <see cref="ChannelEnvironment"/> (ebay.md, "Hosts").
/// </summary>
public sealed class EbayOptions
{
    public const string SectionName = "Channels:Ebay";

    public EbayEnvironmentOptions Production { get; set; } = new()
    {
        ApiBaseUrl = new("https://api.ebay.com"),
        AuthBaseUrl = new("https://auth.ebay.com"),
        IdentityBaseUrl = new("https://apiz.ebay.com"),
    };

    public EbayEnvironmentOptions Sandbox { get; set; } = new()
    {
        ApiBaseUrl = new("https://api.sandbox.ebay.com"),
        AuthBaseUrl = new("https://auth.sandbox.ebay.com"),
        IdentityBaseUrl = new("https://apiz.sandbox.ebay.com"),
    };

    /// <summary>
    /// ebay.md, "OAuth 2": inventory and fulfillment, account for business policies; identity to learn which eBay
    /// user connected (Commerce Identity getUser), so two stores never share one account.
    /// </summary>
    public List<string> Scopes { get; set; } =
    [
        "https://api.ebay.com/oauth/api_scope",
        "https://api.ebay.com/oauth/api_scope/sell.inventory",
        "https://api.ebay.com/oauth/api_scope/sell.fulfillment",
        "https://api.ebay.com/oauth/api_scope/sell.account",
        "https://api.ebay.com/oauth/api_scope/commerce.identity.readonly",
    ];

    public string MarketplaceId { get; set; } = "EBAY_US";

    /// <summary>Sent as Content-Language on inventory writes (eBay requires it there).</summary>
    public string ContentLanguage { get; set; } = "en-US";

    public string SiteUrl { get; set; } = "https://www.ebay.com/itm/";

    public EbayAccountDeletionOptions AccountDeletion { get; set; } = new();

    public EbayEnvironmentOptions For(ChannelEnvironment environment) =>
        environment == ChannelEnvironment.Sandbox ? Sandbox : Production;
}

public sealed class EbayEnvironmentOptions
{
    public Uri ApiBaseUrl { get; set; } = new("https://api.ebay.com");
    public Uri AuthBaseUrl { get; set; } = new("https://auth.ebay.com");

    /// <summary>The Commerce Identity API's own host (<c>apiz.</c>, not <c>api.</c>).</summary>
    public Uri IdentityBaseUrl { get; set; } = new("https://apiz.ebay.com");
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>The RuName eBay registered for our accept URL; it is what goes in redirect_uri, not a URL.</summary>
    public string? RuName { get; set; }
}

/// <summary>The marketplace account deletion endpoint registered with eBay (required of every app).</summary>
public sealed class EbayAccountDeletionOptions
{
    /// <summary>32–80 characters: letters, digits, '_' and '-'.</summary>
    public string? VerificationToken { get; set; }

    /// <summary>Exactly the URL registered with eBay; it is part of the challenge hash.</summary>
    public string? EndpointUrl { get; set; }

    /// <summary>Which keyset fetches the notification public keys.</summary>
    public ChannelEnvironment KeyEnvironment { get; set; } = ChannelEnvironment.Production;

    /// <summary>The longest a notification waits for eBay to hand over an unknown key; past it the notification is refused.</summary>
    public TimeSpan KeyFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A key id eBay did not hand over is not asked for again for this long (each try is an outbound call).</summary>
    public TimeSpan KeyFailureCacheDuration { get; set; } = TimeSpan.FromMinutes(10);
}
