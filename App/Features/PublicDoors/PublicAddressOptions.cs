namespace SellerPortal.Features.PublicDoors;

/// <summary>
/// The portal as the outside world reaches it, behind a TLS-terminating proxy: the public base URL that OAuth
/// redirect URIs are built from (the channels compare them with the registered one, so they must not follow the
/// internal host or scheme), and the proxies whose X-Forwarded-For/-Proto headers are believed.
/// </summary>
public sealed class PublicAddressOptions
{
    public const string SectionName = "PublicAddress";

    /// <summary>For example https://portal.example.com; unset, the request's own scheme and host are used.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Addresses of the reverse proxies in front of the portal; forwarded headers from anyone else are ignored.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Our OAuth callback for <paramref name="channel"/>, exactly as sent on the consent request.</summary>
    public Uri CallbackUri(HttpRequest request, string channel)
    {
        var root = string.IsNullOrWhiteSpace(BaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : BaseUrl.TrimEnd('/');
        return new Uri($"{root}/channels/callback/{channel}");
    }
}
