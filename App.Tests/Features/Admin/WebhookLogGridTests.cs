using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

/// <summary>The webhook tab against a real database: the Replay button exists only when a replayer is registered.</summary>
public sealed class WebhookLogGridTests : MudTestContext, IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly PortalAppFactory factory;

    public WebhookLogGridTests(PortalAppFactory factory)
    {
        this.factory = factory;
        Services.AddSingleton(factory.Services.GetRequiredService<LogQueries>());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudDataGrid pulls in services that can only be disposed asynchronously; xunit 2 disposes test classes synchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private async Task<long> SeedAsync(string eventId)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var e = new WebhookEvent
        {
            Channel = "Shopify",
            EventId = eventId,
            EventType = "orders/create",
            SignatureValid = true,
            Outcome = WebhookOutcome.Failed,
            Error = "Handler threw",
            ReceivedUtc = DateTime.UtcNow,
        };
        db.WebhookEvents.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    }

    [Fact]
    public async Task WithoutReplayer_ListsEvents_AndHasNoReplayButton()
    {
        var id = await SeedAsync($"evt-{Guid.NewGuid():N}");
        RenderProviders();

        var grid = Render<WebhookLogGrid>();

        grid.WaitForAssertion(() => Assert.Contains("orders/create", grid.Markup));
        Assert.Empty(grid.FindAll($"[data-testid=replay-{id}]"));
        Assert.DoesNotContain(">Replay<", grid.Markup);
    }

    [Fact]
    public async Task WithReplayer_ReplayButtonCallsIt()
    {
        var id = await SeedAsync($"evt-{Guid.NewGuid():N}");
        var replayer = new RecordingReplayer();
        Services.AddSingleton<IWebhookReplayer>(replayer);
        RenderProviders();

        var grid = Render<WebhookLogGrid>();
        grid.WaitForElement($"[data-testid=replay-{id}]").Click();

        grid.WaitForAssertion(() => Assert.Equal([id], replayer.Replayed));
    }

    private sealed class RecordingReplayer : IWebhookReplayer
    {
        public List<long> Replayed { get; } = [];

        public Task<WebhookReplayResult> ReplayAsync(long webhookEventId, CancellationToken ct)
        {
            Replayed.Add(webhookEventId);
            return Task.FromResult(new WebhookReplayResult(true, "Replayed."));
        }
    }
}
