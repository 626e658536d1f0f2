using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Dashboard.Alerts;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Dashboard;

public sealed class AlertBannerTests : MudTestContext
{
    private readonly FixedAlerts source = new();

    public AlertBannerTests() => Services.AddSingleton<IAlertSource>(source);

    [Fact]
    public void SignedIn_WithAlerts_ShowsEachSentence()
    {
        AddAuthorization().SetAuthorized("staff@example.com");
        source.Alerts =
        [
            new ActiveAlert(AlertKind.DeadSyncJobs, null, "2 sync jobs have failed for good and are dead-lettered."),
            new ActiveAlert(AlertKind.TokenExpiring, 4, "Etsy main's access expires in 3 h and cannot be refreshed."),
        ];

        var banner = Render<AlertBanner>();

        var items = banner.FindAll("[data-testid=alert-item]");
        Assert.Equal(2, items.Count);
        Assert.Contains("2 sync jobs have failed for good and are dead-lettered.", items[0].TextContent);
        Assert.Contains("Etsy main's access expires in 3 h and cannot be refreshed.", items[1].TextContent);
        Assert.Equal("TokenExpiring", items[1].GetAttribute("data-alert-kind"));
    }

    [Fact]
    public void SignedIn_WithoutAlerts_RendersNothing()
    {
        AddAuthorization().SetAuthorized("staff@example.com");

        var banner = Render<AlertBanner>();

        Assert.Empty(banner.FindAll("[data-testid=alert-banner]"));
        Assert.Equal("", banner.Markup.Trim());
    }

    [Fact]
    public void SignedOut_RendersNothingAndDoesNotAsk()
    {
        AddAuthorization();
        source.Alerts = [new ActiveAlert(AlertKind.DeadSyncJobs, null, "1 sync job has failed for good.")];

        var banner = Render<AlertBanner>();

        Assert.Empty(banner.FindAll("[data-testid=alert-banner]"));
        Assert.Equal(0, source.Calls);
    }

    private sealed class FixedAlerts : IAlertSource
    {
        public IReadOnlyList<ActiveAlert> Alerts { get; set; } = [];

        public int Calls { get; private set; }

        public Task<IReadOnlyList<ActiveAlert>> GetActiveAsync(CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(Alerts);
        }
    }
}
