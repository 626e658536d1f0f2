using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

public static class PageExtensions
{
    public static ILocator ByTestId(this IPage page, string testId) => page.GetByTestId(testId);

    /// <summary>
    /// Waits until the Blazor circuit is interactive: the layout renders this marker only once the server-side
    /// renderer is live, so clicks after it reach event handlers rather than the prerendered HTML.
    /// </summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        Assertions.Expect(page.GetByTestId("circuit-ready")).ToBeAttachedAsync();
}
