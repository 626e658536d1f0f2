namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// The website authorization workflow's consent URL (amazon-sp-api.md, "Authorization"):
/// <c>{seller central}/apps/authorize/consent?application_id=&amp;state=[&amp;version=beta][&amp;redirect_uri=]</c>.
/// Amazon answers on the redirect URI with <c>spapi_oauth_code</c>, <c>selling_partner_id</c> and <c>state</c>.
/// </summary>
public static class AmazonConsentUrl
{
    public static Uri Build(Uri sellerCentralUrl, string applicationId, string state, Uri? redirectUri, bool draftApp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(state);
        var query = new List<string>
        {
            "application_id=" + Uri.EscapeDataString(applicationId),
            "state=" + Uri.EscapeDataString(state),
        };
        if (draftApp)
        {
            query.Add("version=beta");
        }

        if (redirectUri is not null)
        {
            query.Add("redirect_uri=" + Uri.EscapeDataString(redirectUri.ToString()));
        }

        var baseUrl = sellerCentralUrl.ToString().TrimEnd('/');
        return new Uri($"{baseUrl}/apps/authorize/consent?{string.Join('&', query)}");
    }
}
