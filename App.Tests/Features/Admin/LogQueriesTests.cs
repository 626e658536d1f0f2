using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Tests.Features.Dashboard;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class LogQueriesTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public LogQueriesTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task ApiCallsAsync_FiltersByAccountStatusAndTime_PagesNewestFirst()
    {
        var seed = new OperationsSeed(factory);
        var account = await seed.AccountAsync("Logs shop", DateTime.UtcNow);
        var now = DateTime.UtcNow;
        await seed.CallsAsync(account,
        [
            new SeededCall(now.AddMinutes(-1), 200, 10),
            new SeededCall(now.AddMinutes(-2), 429, 20, "RATE_LIMIT"),
            new SeededCall(now.AddMinutes(-3), 500, 30, "SERVER"),
            new SeededCall(now.AddMinutes(-4), null, 40),
            new SeededCall(now.AddDays(-3), 500, 50, "OLD"),
        ]);
        var logs = factory.Services.GetRequiredService<LogQueries>();

        var errors = await logs.ApiCallsAsync(new ApiCallFilter(account, Status: StatusFilter.Errors, FromUtc: now.AddHours(-1)), 0, 2, null, true, CancellationToken.None);
        var throttled = await logs.ApiCallsAsync(new ApiCallFilter(account, Status: StatusFilter.Throttled), 0, 50, null, true, CancellationToken.None);
        var slowestFirst = await logs.ApiCallsAsync(new ApiCallFilter(account), 0, 50, "DurationMs", true, CancellationToken.None);

        Assert.Equal(3, errors.Total);
        Assert.Equal([429, 500], errors.Items.Select(r => r.HttpStatus).ToArray());
        Assert.Equal("RATE_LIMIT", Assert.Single(throttled.Items).ErrorCode);
        Assert.Equal([50, 40, 30, 20, 10], slowestFirst.Items.Select(r => r.DurationMs).ToArray());
    }

    [Theory]
    [InlineData("/v3/shops/1/receipts", "/v3/shops/1/receipts")]
    [InlineData("/v3/orders?access_token=secret&page=2", "/v3/orders?access_token=***&page=***")]
    public void RedactPath_MasksEveryQueryValue(string path, string expected) =>
        Assert.Equal(expected, LogQueries.RedactPath(path));
}
