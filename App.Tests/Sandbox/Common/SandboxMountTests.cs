using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    [Theory]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData("0123456789abcdef0123456789abcdef", HttpStatusCode.Forbidden)]
    [InlineData("the process's own", HttpStatusCode.OK)]
    public async Task TheControlApi_TakesOnlyThisProcesssToken(string? token, HttpStatusCode expected)
    {
        using var portal = new PortalAppFactory();
        var raw = portal.Server.CreateClient();
        var own = portal.Services.GetRequiredService<SandboxControlToken>().Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/tiktok/_control/faults")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reset = true }),
        };
        if (token is not null)
        {
            request.Headers.Add(SandboxControlToken.Header, token == "the process's own" ? own : token);
        }

        var response = await raw.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("The emulators' control API needs the X-Sandbox-Control header with this process's token (it is in the log at start).",
                await response.Content.ReadAsStringAsync());
        }
    }
}
