using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Components.Shared;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Components;

public sealed class AppErrorBoundaryTests : MudTestContext
{
    public AppErrorBoundaryTests() => Services.AddLogging();

    [Fact]
    public void AFailingPage_ShowsTheFriendlyMessage_NotTheException()
    {
        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent<Exploding>());

        var message = boundary.Find("[data-testid=friendly-error]");
        Assert.Contains("Something went wrong", message.TextContent);
        Assert.DoesNotContain("secret-detail", boundary.Markup);
    }

    [Fact]
    public void AHealthyPage_RendersItsContent()
    {
        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent("<p id=\"ok\">fine</p>"));

        Assert.Equal("fine", boundary.Find("#ok").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=friendly-error]"));
    }

    private sealed class Exploding : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("secret-detail");
    }
}
