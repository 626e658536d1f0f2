using System.Net;
using SellerPortal.Data;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class OperationsPagesAuthorizationTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public OperationsPagesAuthorizationTests(PortalAppFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("/admin/health")]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/logs")]
    public async Task AdminPage_Staff_GetsForbidden(string path)
    {
        var client = await PortalClient.SignedInAsync(factory, "staff-ops@example.com", Roles.Staff);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/health", "Run all checks")]
    [InlineData("/admin/jobs", "housekeeping")]
    [InlineData("/admin/logs", "API calls")]
    [InlineData("/integrations", "Integrations")]
    public async Task Page_Admin_GetsThePage(string path, string expectedText)
    {
        var client = await PortalClient.SignedInAsync(factory, PortalClient.AdminEmail, Roles.Admin);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expectedText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IntegrationsPage_Staff_GetsThePage()
    {
        var client = await PortalClient.SignedInAsync(factory, "staff-ops@example.com", Roles.Staff);

        var response = await client.GetAsync("/integrations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"integrations-title\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task IntegrationsPage_WithAnAccount_RendersItsCardAndChart()
    {
        var seed = new SellerPortal.Tests.Features.Dashboard.OperationsSeed(factory);
        var id = await seed.AccountAsync("Card shop", DateTime.UtcNow.AddDays(-1));
        await seed.CallsAsync(id, [new(DateTime.UtcNow.AddMinutes(-10), 200, 120), new(DateTime.UtcNow.AddMinutes(-20), 503, 900, "UNAVAILABLE")]);
        var client = await PortalClient.SignedInAsync(factory, "staff-ops@example.com", Roles.Staff);

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/integrations"));

        Assert.Contains($"data-testid=\"account-card-{id}\"", html);
        Assert.Contains("UNAVAILABLE ×1", html);
        Assert.Contains("mud-chart", html);
    }

    [Fact]
    public async Task AdminPage_Anonymous_IsSentToSignIn()
    {
        var response = await PortalClient.Anonymous(factory).GetAsync("/admin/health");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString());
    }
}
