using Bunit;
using SellerPortal.Features.Inventory;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Inventory;

public sealed class WhyThisNumberPanelTests : MudTestContext, IAsyncLifetime
{
    // MudBlazor's key interceptor (behind MudChip) only disposes asynchronously; xunit 2 disposes the context synchronously.
    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private static readonly DateTime PushedAt = new(2026, 11, 24, 8, 15, 30, DateTimeKind.Utc);

    [Fact]
    public void ThePanel_ShowsTheFiguresItIsGiven()
    {
        var explanation = new StockExplanation(7, "MUG-BLUE", "Blue mug", OnHand: 10, Reserved: 3,
            [new ReservationRow(41, "N-T1", "TikTok UK", 2), new ReservationRow(42, "N-A7", "Amazon US", 1)],
            [
                new ChannelFigure("Amazon US", ChannelKind.Amazon, Buffer: 2, Cap: 4, ShouldShow: 4, LastPushedQuantity: 4, PushedAt, true, "Accepted", 4, PushedAt, Drift: false),
                new ChannelFigure("eBay US", ChannelKind.Ebay, Buffer: 0, Cap: null, ShouldShow: 7, LastPushedQuantity: 9, PushedAt, false, "25002: Invalid SKU", 12, PushedAt, Drift: true),
            ]);

        var panel = Render<WhyThisNumberPanel>(p => p.Add(x => x.Explanation, explanation));

        Assert.Equal("10", Text(panel, "why-onhand"));
        Assert.Equal("3", Text(panel, "why-reserved"));
        Assert.Equal("7", Text(panel, "why-available"));
        Assert.Empty(panel.FindAll("[data-testid=why-oversold]"));
        Assert.Equal(2, panel.FindAll("[data-testid=why-reservation]").Count);
        Assert.Contains("N-T1", panel.FindAll("[data-testid=why-reservation]")[0].TextContent);
        var channels = panel.FindAll("[data-testid=why-channel]");
        Assert.Equal(2, channels.Count);
        Assert.Equal(["2", "4", "4", "4", "2026-11-24 08:15:30", "Accepted"], Cells(channels[0]));
        Assert.Equal(["0", "none", "7", "9", "2026-11-24 08:15:30", "25002: Invalid SKU"], Cells(channels[1]));
        Assert.Single(panel.FindAll("[data-testid=why-drift]"));
    }

    [Fact]
    public void AnOversoldSku_IsFlagged()
    {
        var panel = Render<WhyThisNumberPanel>(p => p.Add(x => x.Explanation, new StockExplanation(1, "MUG-LAST", "Last mug", 1, 2, [], [])));

        Assert.Equal("-1", Text(panel, "why-available"));
        Assert.Single(panel.FindAll("[data-testid=why-oversold]"));
        Assert.Contains("not listed on any channel", panel.Markup);
    }

    [Fact]
    public void FbaStock_IsShownApartAsReadOnly_AndOnlyForTheChannelThatHoldsIt()
    {
        var explanation = new StockExplanation(7, "MUG-BLUE", "Blue mug", OnHand: 10, Reserved: 0, [],
            [
                new ChannelFigure("Amazon US", ChannelKind.Amazon, 0, null, 10, 10, PushedAt, true, "Accepted", 10, PushedAt, false,
                    FulfilledByChannel: 25, FulfilledByChannelUtc: PushedAt),
                new ChannelFigure("eBay US", ChannelKind.Ebay, 0, null, 10, 10, PushedAt, true, "Accepted", 10, PushedAt, false),
            ]);

        var panel = Render<WhyThisNumberPanel>(p => p.Add(x => x.Explanation, explanation));

        Assert.Equal("Fulfilled by Amazon: 25 (read-only)", Text(panel, "why-fulfilled-text"));
        Assert.Single(panel.FindAll("[data-testid=why-fulfilled]"));
        Assert.Equal(("10", "10"), (Text(panel, "why-onhand"), Text(panel, "why-available")));
    }

    private static string Text(IRenderedComponent<WhyThisNumberPanel> panel, string testId) => panel.Find($"[data-testid={testId}]").TextContent.Trim();

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        new[] { "why-buffer", "why-cap", "why-should-show", "why-pushed", "why-pushed-at", "why-answer" }
            .Select(id => row.QuerySelector($"[data-testid={id}]")!.TextContent.Trim()).ToArray();
}
