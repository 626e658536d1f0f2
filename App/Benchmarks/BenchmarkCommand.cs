using SellerPortal.Benchmarks.Orders;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project App -- bench &lt;name&gt; [options]</c>: runs one benchmark against an in-process
/// portal on a throw-away data folder and exits; the configured database is never touched (README, Benchmarks).
/// </summary>
public static class BenchmarkCommand
{
    private const string Usage = """
        usage:
          bench bulk-price --products N [--channels tiktok,amazon,ebay] (default: every emulated channel)
          bench grid [--products N]   (default 100000)
          bench orders-grid [--orders N]   (default 1000000)
          bench oversell [--orders N] [--mode webhooks|polling|both] [--poll-seconds S]
          bench import [--orders N] [--limits on|off|both] [--limited-orders M] [--warmup W]
          bench soak [--orders N] [--seed S]   (default 3000 orders)
        """;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Func<CancellationToken, Task<int>> run;
        try
        {
            var options = BenchmarkOptions.Parse(args.Skip(2));
            run = args.ElementAtOrDefault(1) switch
            {
                "oversell" => Oversell(options),
                "import" => Import(options),
                "soak" => Soak(options),
                "bulk-price" when options.Int("products") is { } products =>
                    ct => BulkPriceBenchmark.RunAsync(products, Channels(options.Text("channels")), ct),
                "grid" => ct => GridBenchmark.RunAsync(options.Int("products") ?? 100_000, ct),
                "orders-grid" => OrdersGrid(options),
                _ => throw new ArgumentException("Name a benchmark and its options."),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{ex.Message}\n{Usage}");
            return 2;
        }

        return await run(cancel.Token);
    }

    // Options are read before anything runs, so a bad one is a usage message rather than a failure part-way.
    private static Func<CancellationToken, Task<int>> Oversell(BenchmarkOptions o)
    {
        var (orders, mode, poll) = (o.Int("orders") ?? 40, o.Choice("mode", "both", "webhooks", "polling", "both"), o.Int("poll-seconds") ?? 30);
        return ct => OversellBenchmark.RunAsync(orders, mode, poll, ct);
    }

    private static Func<CancellationToken, Task<int>> Import(BenchmarkOptions o)
    {
        var (orders, limits, limited, warmup) = (o.Int("orders") ?? 100_000, o.Choice("limits", "both", "on", "off", "both"),
            o.Int("limited-orders") ?? 7_500, o.Count("warmup") ?? 6_000);
        return ct => ImportBenchmark.RunAsync(orders, limits, limited, warmup, ct);
    }

    private static Func<CancellationToken, Task<int>> Soak(BenchmarkOptions o)
    {
        var (orders, seed) = (o.Int("orders") ?? 3_000, o.Int("seed") ?? 20261124);
        return ct => SoakBenchmark.RunAsync(orders, seed, ct);
    }

    private static Func<CancellationToken, Task<int>> OrdersGrid(BenchmarkOptions o)
    {
        var orders = o.Int("orders") ?? 1_000_000;
        return ct => OrdersGridBenchmark.RunAsync(orders, ct);
    }

    /// <summary>The channels named (each by a prefix of its kind or display name: tiktok, amazon, ebay), or null for every emulated one.</summary>
    private static List<ChannelKind>? Channels(string? list) =>
        list is null ? null : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ChannelNamed).Distinct()];

    private static ChannelKind ChannelNamed(string name)
    {
        static string Squash(string s) => s.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        var key = Squash(name);
        var matches = ChannelNames.InDisplayOrder.Where(k => Squash(k.ToString()).StartsWith(key, StringComparison.Ordinal)
            || Squash(ChannelNames.Display(k)).StartsWith(key, StringComparison.Ordinal)).ToList();
        return matches is [var one]
            ? one
            : throw new ArgumentException($"Unknown channel \"{name}\": use one of {string.Join(", ", ChannelNames.InDisplayOrder.Select(k => Squash(k.ToString())))}.");
    }
}

/// <summary>The <c>--name value</c> pairs after the benchmark's name.</summary>
internal sealed class BenchmarkOptions(Dictionary<string, string> values)
{
    public static BenchmarkOptions Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                throw new ArgumentException($"Expected --name value pairs, got \"{name}\".");
            }

            options[name[2..]] = e.Current;
        }

        return new BenchmarkOptions(options);
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int? Int(string name) =>
        !values.TryGetValue(name, out var value) ? null
        : int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new ArgumentException($"--{name} must be a positive whole number.");

    /// <summary>A whole number that may be zero.</summary>
    public int? Count(string name) =>
        !values.TryGetValue(name, out var value) ? null
        : int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
        : throw new ArgumentException($"--{name} must be zero or a positive whole number.");

    public string Choice(string name, string fallback, params string[] allowed) =>
        !values.TryGetValue(name, out var value) ? fallback
        : allowed.Contains(value, StringComparer.OrdinalIgnoreCase) ? value.ToLowerInvariant()
        : throw new ArgumentException($"--{name} must be one of {string.Join(", ", allowed)}.");
}
