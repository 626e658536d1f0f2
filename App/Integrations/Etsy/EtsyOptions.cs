namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// Etsy Open API v3 settings (etsy.md): the app's keystring and shared secret (sent together in <c>x-api-key</c>), the
/// redirect URI registered for the app, the hosts and the scopes asked at connect. Etsy has no separate sandbox: a
/// test shop is a real shop, so one set of settings serves.
/// </summary>
public sealed class EtsyOptions
{
    public const string SectionName = "Channels:Etsy";

    public Uri ApiBaseUrl { get; set; } = new("https://api.etsy.com");

    public Uri ConnectUrl { get; set; } = new("https://www.etsy.com/oauth/connect");

    public string? Keystring { get; set; }

    /// <summary>Secret: configuration or a secret store only, never logged.</summary>
    public string? SharedSecret { get; set; }

    /// <summary>
    /// The redirect URI registered for the app in Etsy's developer pages; Etsy refuses any other. When empty the portal's
    /// own callback is sent, which must then be the registered one.
    /// </summary>
    public string? RedirectUri { get; set; }

    public string[] Scopes { get; set; } = ["listings_r", "listings_w", "listings_d", "transactions_r", "transactions_w", "shops_r"];

    /// <summary>Etsy does not say how long a refresh token lives in its answer; about 90 days (etsy.md, to confirm).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(90);

    public string ApiKey => $"{Required(Keystring, "Keystring")}:{Required(SharedSecret, "SharedSecret")}";

    public static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"{SectionName}:{key} is not configured.") : value;
}
