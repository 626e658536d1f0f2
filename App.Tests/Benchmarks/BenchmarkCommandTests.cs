using SellerPortal.Benchmarks;

namespace SellerPortal.Tests.Benchmarks;

/// <summary>
/// The bench commands are measured by hand, not in CI; these keep them runnable (a raw-SQL seed once fell behind a new
/// NOT NULL column and nothing noticed until someone ran the benchmark).
/// </summary>
public sealed class BenchmarkCommandTests
{
    [Fact]
    public async Task Grid_OnASmallCatalog_RunsToTheEnd()
    {
        Assert.Equal(0, await BenchmarkCommand.RunAsync(["bench", "grid", "--products", "60"]));
    }

    [Fact]
    public async Task OrdersGrid_OnAFewThousandOrders_RunsToTheEnd()
    {
        Assert.Equal(0, await BenchmarkCommand.RunAsync(["bench", "orders-grid", "--orders", "2000"]));
    }

    [Theory]
    [InlineData("import", "--warmup", "-1")]
    [InlineData("soak", "--orders", "lots")]
    [InlineData("nonsense", "--orders", "5")]
    public async Task ABadOption_IsAUsageMessage_NotARun(string name, string option, string value)
    {
        Assert.Equal(2, await BenchmarkCommand.RunAsync(["bench", name, option, value]));
    }
}
