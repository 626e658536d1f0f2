using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.PublicDoors;

public sealed class PublicAddressTests
{
    [Fact]
    public void CallbackUri_WithAPublicBaseUrl_IsBuiltOnIt_NotOnTheInternalHost()
    {
        var http = Request("http", "10.0.0.5:8080", new PublicAddressOptions { BaseUrl = "https://portal.example.com/" });

        var uri = ChannelConnectEndpoints.CallbackUri(http.Request, ChannelKind.Ebay);

        Assert.Equal("https://portal.example.com/channels/callback/Ebay", uri.ToString());
    }

    [Fact]
    public void CallbackUri_WithoutOne_FollowsTheRequest()
    {
        var http = Request("http", "localhost:5080", new PublicAddressOptions());

        var uri = ChannelConnectEndpoints.CallbackUri(http.Request, ChannelKind.Amazon);

        Assert.Equal("http://localhost:5080/channels/callback/Amazon", uri.ToString());
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    [InlineData("Testing", false)]
    public void AuthCookie_IsSecure_OutsideADevelopersMachineAndTests(string environment, bool secure) =>
        Assert.Equal(secure, PublicAddress.CookieMustBeSecure(new Environment(environment)));

    [Theory]
    [InlineData("203.0.113.1", HttpStatusCode.OK)]
    [InlineData("198.51.100.2", HttpStatusCode.NotFound)]
    public async Task ForwardedHeaders_AreBelievedOnlyFromAKnownProxy(string caller, HttpStatusCode expected)
    {
        // The emulators answer loopback callers only: a forwarded loopback client counts only through a known proxy.
        using var portal = PortalAppFactory.With(null, new Dictionary<string, string?> { ["PublicAddress:KnownProxies:0"] = "203.0.113.1" });
        _ = portal.Server;

        var context = await portal.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/sandbox/";
            http.Request.Headers["X-Forwarded-For"] = "127.0.0.1";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Connection.RemoteIpAddress = IPAddress.Parse(caller);
        });

        Assert.Equal((int)expected, context.Response.StatusCode);
    }

    private static DefaultHttpContext Request(string scheme, string host, PublicAddressOptions options)
    {
        var services = new ServiceCollection().AddSingleton(Options.Create(options)).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString(host);
        return http;
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SellerPortal";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
