using System.Net;
using System.Text.Json;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class HealthProbeTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public HealthProbeTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task Healthz_IsAnonymous_AndReportsDatabaseAndSchedulerHealthy()
    {
        var client = PortalClient.Anonymous(factory);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task Healthz_ShowsNoInternalDetail()
    {
        var client = PortalClient.Anonymous(factory);

        var text = await client.GetStringAsync("/healthz");

        Assert.DoesNotContain("description", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data Source", text, StringComparison.OrdinalIgnoreCase);
    }
}
