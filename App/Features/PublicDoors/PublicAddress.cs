using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SellerPortal.Features.PublicDoors;

/// <summary>Forwarded headers from the configured proxies only, and the auth cookie Secure where it is served over TLS.</summary>
public static class PublicAddress
{
    public static IHostApplicationBuilder AddPublicAddress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "PublicAddress:BaseUrl must be an absolute URL.")
            .Validate(o => o.KnownProxies.TrueForAll(p => IPAddress.TryParse(p, out _)), "PublicAddress:KnownProxies must be IP addresses.")
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(PublicAddressOptions.SectionName).Get<PublicAddressOptions>() ?? new();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
        });
        return builder;
    }

    /// <summary>
    /// The auth cookie is Secure everywhere but on a developer's machine and in tests (both plain HTTP on loopback).
    /// </summary>
    public static bool CookieMustBeSecure(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment("Testing");

    public static WebApplication UsePublicAddress(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PublicAddressOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
