using Microsoft.Extensions.Configuration;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Sandbox.Common;

public sealed class SandboxMountTests
{
    [Theory]
    [InlineData("Development", true)]
    [InlineData("Testing", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Benchmark", false)]
    [InlineData("Demo", false)]
    public void IsEnabled_MountsOnlyInDevelopmentAndTesting(string environment, bool expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Sandbox:Enabled"] = "true" });

        Assert.Equal(expected, SandboxServiceCollectionExtensions.IsEnabled(builder));
    }

    [Fact]
    public void IsEnabled_InDevelopmentWhenNotAskedFor_IsFalse()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });

        Assert.False(SandboxServiceCollectionExtensions.IsEnabled(builder));
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.NotFound)]
    [InlineData("192.168.1.20", HttpStatusCode.NotFound)]
    public async Task Emulators_AnswerLoopbackCallersOnly(string address, HttpStatusCode expected)
    {
        using var portal = new PortalAppFactory();
        _ = portal.Server;

        var context = await portal.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/sandbox/";
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });

        Assert.Equal((int)expected, context.Response.StatusCode);
    }
}
