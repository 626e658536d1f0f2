namespace SellerPortal.Benchmarks.Orders;

internal static class ImportBenchmark
{
    public static Task<int> RunAsync(int orders, string limits, CancellationToken ct) => Task.FromResult(2);
}
