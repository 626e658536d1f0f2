using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SellerPortal.E2E.Pages;

/// <summary>The unified orders list.</summary>
public sealed class OrdersPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("orders");
        await page.WaitForCircuitAsync();
    }

    /// <summary>The list's links to the order with this channel id (one, if it was imported once).</summary>
    public ILocator Links(string externalOrderId) => page.ByTestId("order-link").Filter(new() { HasText = externalOrderId });

    public async Task<OrderDetailPage> OpenOrderAsync(string externalOrderId)
    {
        await Links(externalOrderId).ClickAsync();
        await page.WaitForCircuitAsync();
        return new OrderDetailPage(page);
    }
}

/// <summary>One order: its status and the ship form.</summary>
public sealed class OrderDetailPage(IPage page)
{
    public ILocator Status => page.ByTestId("order-status");

    public async Task ShipAsync(string carrier, string tracking)
    {
        await page.ByTestId("ship-carrier").FillAsync(carrier);
        await page.ByTestId("ship-tracking").FillAsync(tracking);
        await page.ByTestId("ship-submit").ClickAsync();
    }

    public Task ExpectShippedAsync() => Assertions.Expect(Status).ToHaveTextAsync(new Regex("Shipped"), new() { Timeout = 30_000 });
}
